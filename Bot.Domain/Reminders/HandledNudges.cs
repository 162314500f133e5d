using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Bot.Domain.Reminders;

/// <summary>
/// The nudges the outbox already holds (sent, pending or passed over), arranged for the planner,
/// which asks about each of up to a million assignments every minute:
/// <list type="bullet">
/// <item>one table per reminder of a deadline (deadline, kind, step): the planner asks every
/// assignment of a deadline about the same reminder, and open work arrives in deadline order, so the
/// table in use stays in the CPU's cache instead of one random memory access per assignment;</item>
/// <item>in it an assignment is found by a 96-bit fingerprint of its id, with open addressing. Two
/// assignments share one with a chance of about 10⁻¹⁹ per pass, the one thing taken on trust;</item>
/// <item>who a reminder was handled for is an interned set of officials: a few arrays that stay in cache.</item>
/// </list>
/// (A set of <see cref="Nudge.Key"/> strings took such a pass to two seconds.)
/// </summary>
public sealed class HandledNudges
{
    private readonly Dictionary<(long DueTicks, NudgeKind Kind, int Step), Table> _byReminder = [];
    private readonly OfficialSets _sets = new();

    /// <summary>How many nudges (one reminder for one official) are held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a nudge; false when it was already there.</summary>
    public bool Add(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var reminder = (nudge.DueBefore.UtcTicks, nudge.Kind, nudge.Step);
        if (!_byReminder.TryGetValue(reminder, out var table)) _byReminder[reminder] = table = new Table(_sets);
        if (!table.Add(Fingerprint(nudge.AssignmentId), nudge.OfficialId)) return false;
        Count++;
        return true;
    }

    /// <summary>Lets go of the reminders of deadlines before <paramref name="dueBefore"/> (they left the planner's window).</summary>
    public void Forget(DateTimeOffset dueBefore)
    {
        foreach (var (reminder, table) in _byReminder.Where(r => r.Key.DueTicks < dueBefore.UtcTicks).ToList())
        {
            Count -= table.Nudges;
            _byReminder.Remove(reminder);
        }
    }

    public bool Contains(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return Of(nudge.DueBefore, nudge.Kind, nudge.Step).For(nudge.AssignmentId).Contains(nudge.OfficialId);
    }

    /// <summary>One reminder of one deadline: the planner looks this up once per deadline, not per assignment.</summary>
    public OfReminder Of(DateTimeOffset dueBefore, NudgeKind kind, int step) =>
        new(_byReminder.GetValueOrDefault((dueBefore.UtcTicks, kind, step)));

    /// <summary>Whom one reminder of one deadline was handled for, per assignment.</summary>
    public readonly struct OfReminder
    {
        private readonly Table? _table;

        internal OfReminder(Table? table) => _table = table;

        /// <summary>The officials this reminder of the assignment was handled for (none when it never was).</summary>
        public ReadOnlySpan<string> For(string assignmentId) =>
            _table is null ? [] : _table.Officials(Fingerprint(assignmentId));
    }

    /// <summary>Open addressing over 16-byte slots, at most three quarters full; set 0 marks an empty slot.</summary>
    internal sealed class Table(OfficialSets sets)
    {
        private Slot[] _slots = new Slot[16];
        private int _used;

        public int Nudges { get; private set; }

        public ReadOnlySpan<string> Officials(UInt128 fingerprint) => sets[_slots[SlotOf(_slots, fingerprint)].Set];

        public bool Add(UInt128 fingerprint, string official)
        {
            if (4 * (_used + 1) > 3 * _slots.Length) Grow();
            var at = SlotOf(_slots, fingerprint);
            var set = _slots[at].Set;
            if (sets[set].Contains(official)) return false;
            if (set == 0) _used++;
            _slots[at] = new Slot(fingerprint, sets.With(set, official));
            Nudges++;
            return true;
        }

        private static int SlotOf(Slot[] slots, UInt128 fingerprint)
        {
            var mask = slots.Length - 1;
            var at = (int)((ulong)fingerprint & (ulong)mask);
            while (slots[at].Set != 0 && !slots[at].Holds(fingerprint)) at = (at + 1) & mask;
            return at;
        }

        private void Grow()
        {
            var larger = new Slot[_slots.Length * 2];
            foreach (var slot in _slots)
                if (slot.Set != 0) larger[SlotOf(larger, slot.Fingerprint)] = slot;
            _slots = larger;
        }
    }

    // 96 bits of the fingerprint and the set in 16 bytes: four slots to a cache line. (A UInt128 field
    // is aligned to 16 bytes and would make a slot 32.) Within one table of at most a few hundred
    // thousand assignments, 96 bits still leave a clash at about 10⁻¹⁹.
    private readonly record struct Slot(ulong Low, uint High, int Set)
    {
        public Slot(UInt128 fingerprint, int set) : this((ulong)fingerprint, (uint)(fingerprint >> 64), set) { }

        public UInt128 Fingerprint => new(High, Low);

        public bool Holds(UInt128 fingerprint) => Low == (ulong)fingerprint && High == (uint)(fingerprint >> 64);
    }

    /// <summary>Sets of officials by number, each kept once; number 0 is the empty set.</summary>
    internal sealed class OfficialSets
    {
        private readonly List<string[]> _sets = [[]];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal) { [""] = 0 };

        public string[] this[int id] => _sets[id];

        /// <summary>The set <paramref name="id"/> with one more official.</summary>
        public int With(int id, string official)
        {
            string[] officials = [.. _sets[id], official];
            Array.Sort(officials, StringComparer.Ordinal);
            var key = string.Join('\n', officials);
            if (!_ids.TryGetValue(key, out var with))
            {
                _ids[key] = with = _sets.Count;
                _sets.Add(officials);
            }
            return with;
        }
    }

    private static UInt128 Fingerprint(string assignmentId) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(assignmentId.AsSpan()));
}

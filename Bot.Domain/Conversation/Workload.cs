using System.Collections.Concurrent;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;

namespace Bot.Domain.Conversation;

/// <summary>A unit's current work in figures: what is open (and of it overdue) and what is done.</summary>
public sealed record UnitFigures(Unit Unit, int Open, int Overdue, int Done)
{
    public int Total => Open + Done;
}

/// <summary>
/// A unit's current work, counted one way for every answer, so a list, a progress line and a
/// ranking agree: of a repeating duty only the open period due first (the next appears when it is
/// done), open earliest deadline first, overdue when its deadline has passed.
/// </summary>
public sealed class Workload(IAssignmentStore assignments)
{
    /// <summary>
    /// A unit's open current work from its first deadline up to <c>Covered</c> (every deadline when null),
    /// as far as counts and lists need it: the deadlines in order (work without one last), the first
    /// tasks whole, and of each repeating duty met so far its current period, so a read that starts in
    /// the middle of the list still drops later periods. Kept while the store's
    /// <see cref="IAssignmentStore.ChangeStampOf"/> the unit stays the same, and read further when a
    /// question needs more.
    /// </summary>
    private sealed record Dues(long Stamp, long[] Ticks, OpenTask[] First, Dictionary<string, string> CurrentOfSeries, long? Covered)
    {
        public bool Covers(long? until) => Covered is null || (until is { } u && u <= Covered);
    }

    /// <summary>How many of a unit's first tasks are kept whole: every short list of the usual questions starts there.</summary>
    private const int KeptWhole = 256;

    private readonly ConcurrentDictionary<string, Dues> _dues = new(StringComparer.Ordinal);

    /// <summary>
    /// Open current work with a deadline in (from, to] (no bound when null), earliest first; at most
    /// <paramref name="limit"/> of it.
    /// </summary>
    public IReadOnlyList<OpenTask> Open(string unitCode, DateTimeOffset now, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (from is not { } after)
        {
            // The start of a list: from the dues when they hold it, else a read from the start, which
            // decides every period it holds (whether one is current depends only on those due before it).
            if (Kept(unitCode) is { } kept && Slice(kept, 0, null, to, limit) is { } start) return start;
            return Read(unitCode, null, to, limit, null);
        }
        // From the middle: the dues up to `from` say which later periods to drop.
        if (DuesUpTo(unitCode, Ms(after)) is { } dues)
            return (IReadOnlyList<OpenTask>?)Slice(dues, After(dues.Ticks, after.UtcTicks), after, to, limit) ?? Read(unitCode, after, to, limit, dues);
        return Read(unitCode, after, to, limit, null);
    }

    /// <summary>How much open current work has a deadline in (from, to]: from the dues when the store keeps them, else a read.</summary>
    public int Count(string unitCode, DateTimeOffset now, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (DuesUpTo(unitCode, to is { } t ? Ms(t) : null) is not { } dues) return Open(unitCode, now, from, to).Count;
        var start = from is { } f ? After(dues.Ticks, f.UtcTicks) : 0;
        return Math.Max(0, End(dues, from, to) - start);
    }

    // A short list reads a few keys more than it shows, not the unit's whole open work; a read that ends
    // before enough current work is found is read again, four times longer. Without dues the read starts
    // at the unit's first task and decides which periods are current from what it holds; with them it
    // starts at `from`: a duty they know has its current period, and one they do not know starts there.
    private List<OpenTask> Read(string unitCode, DateTimeOffset? from, DateTimeOffset? to, int limit, Dues? dues)
    {
        var readFrom = dues is null ? null : from;
        var take = limit == int.MaxValue ? int.MaxValue : Math.Max(32, limit + limit / 4);
        while (true)
        {
            var read = assignments.OpenTasksOfUnit(unitCode, from: readFrom, to: to, limit: take);
            IEnumerable<OpenTask> current;
            if (dues is null) current = Current(read, t => t.AssignmentId, _ => true, t => t.DueBefore);
            else
            {
                var met = new HashSet<string>(StringComparer.Ordinal);
                current = read.Where(t => Assignment.PeriodOfId(t.AssignmentId) is null
                    || (dues.CurrentOfSeries.TryGetValue(Assignment.SeriesOfId(t.AssignmentId), out var id) ? id == t.AssignmentId : met.Add(Assignment.SeriesOfId(t.AssignmentId))));
            }
            var found = current.Where(t => from is null || t.DueBefore > from).Take(limit).ToList();
            if (read.Count < take || found.Count >= limit) return found;
            take = take > int.MaxValue / 4 ? int.MaxValue : take * 4;
        }
    }

    /// <summary>At most <paramref name="limit"/> of the kept tasks from index <paramref name="start"/> up to `to`; null when the dues cannot tell them all.</summary>
    private static OpenTask[]? Slice(Dues dues, int start, DateTimeOffset? from, DateTimeOffset? to, int limit)
    {
        var count = Math.Min(limit, Math.Max(0, End(dues, from, to) - start));
        var known = count == limit || dues.Covers(to is { } t ? Ms(t) : null);
        return known && start + count <= dues.First.Length ? dues.First[start..(start + count)] : null;
    }

    /// <summary>Where the deadlines up to `to` end; work without a deadline is not after any instant.</summary>
    private static int End(Dues dues, DateTimeOffset? from, DateTimeOffset? to)
    {
        var end = to is { } t ? After(dues.Ticks, Ms(t)) : dues.Ticks.Length;
        return from is null ? end : Math.Min(end, After(dues.Ticks, long.MaxValue - 1));
    }

    /// <summary>The store keeps deadlines to the millisecond: bounds are cut the same way.</summary>
    private static long Ms(DateTimeOffset instant) => instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMillisecond;

    /// <summary>The unit's dues as kept, if the store has not changed them since; null otherwise.</summary>
    private Dues? Kept(string unitCode) =>
        assignments.ChangeStampOf(unitCode) is { } stamp && _dues.TryGetValue(unitCode, out var kept) && kept.Stamp == stamp ? kept : null;

    /// <summary>The unit's dues up to <paramref name="until"/> (all when null), read further as needed; null when the store cannot say whether it changed.</summary>
    private Dues? DuesUpTo(string unitCode, long? until)
    {
        // The stamp is taken before the read: a write in between leaves dues newer than their stamp, never older.
        if (assignments.ChangeStampOf(unitCode) is not { } stamp) return null;
        var kept = _dues.TryGetValue(unitCode, out var k) && k.Stamp == stamp ? k : null;
        if (kept is not null && kept.Covers(until)) return kept;
        var covered = kept?.Covered;
        var read = assignments.OpenTasksOfUnit(unitCode, from: covered is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null,
            to: until is { } u ? new DateTimeOffset(u, TimeSpan.Zero) : null);
        var series = kept is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(kept.CurrentOfSeries, StringComparer.Ordinal);
        var ticks = new List<long>(kept?.Ticks ?? []);
        var first = new List<OpenTask>(kept?.First ?? []);
        foreach (var t in read)
        {
            var due = t.DueBefore?.UtcTicks ?? long.MaxValue;
            if (covered is { } before && due <= before) continue; // read already
            // In deadline order, the first open period met of a duty is its current one.
            if (Assignment.PeriodOfId(t.AssignmentId) is not null && !series.TryAdd(Assignment.SeriesOfId(t.AssignmentId), t.AssignmentId)) continue;
            ticks.Add(due);
            if (first.Count < KeptWhole) first.Add(t);
        }
        var dues = new Dues(stamp, [.. ticks], [.. first], series, until);
        _dues[unitCode] = dues;
        return dues;
    }

    /// <summary>The index of the first deadline after <paramref name="ticks"/>.</summary>
    private static int After(long[] sorted, long ticks)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] <= ticks) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>
    /// The assignments of some of a unit's open tasks (<see cref="Open"/>'s), in their order; null when one
    /// of them is gone (just done). A store that keeps what it read (<see cref="IAssignmentStore.ChangeStamp"/>)
    /// is asked for them by id; any other in one walk of the unit's open work from the first to the last
    /// (the few later periods between them are read and dropped) rather than a look-up per task.
    /// </summary>
    public IReadOnlyList<Assignment>? Read(string unitCode, IReadOnlyList<OpenTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0 || tasks[0].DueBefore is not { } first) return null;
        var wanted = tasks.Select(t => t.AssignmentId).ToHashSet(StringComparer.Ordinal);
        var read = assignments.ChangeStamp is not null
            ? assignments.Get(wanted).Values.Where(a => !a.IsDone).ToDictionary(a => a.Id, StringComparer.Ordinal)
            : assignments.OpenOfUnit(unitCode, from: first, to: tasks[^1].DueBefore)
                .Where(a => wanted.Contains(a.Id)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return read.Count == wanted.Count ? [.. tasks.Select(t => read[t.AssignmentId])] : null;
    }

    /// <summary>
    /// The items without the later open periods of each repeating duty: of a duty's open periods only the
    /// one due first stays; done periods and one-off tasks all stay.
    /// </summary>
    public static IReadOnlyList<T> Current<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, bool> isOpen, Func<T, DateTimeOffset?> due)
    {
        ArgumentNullException.ThrowIfNull(items);
        var first = new Dictionary<string, (string Id, DateTimeOffset Due)>(StringComparer.Ordinal);
        foreach (var x in items)
        {
            if (!isOpen(x) || Assignment.PeriodOfId(id(x)) is null) continue;
            var series = Assignment.SeriesOfId(id(x));
            var when = due(x) ?? DateTimeOffset.MaxValue;
            if (!first.TryGetValue(series, out var f) || when < f.Due) first[series] = (id(x), when);
        }
        return [.. items.Where(x => !isOpen(x) || Assignment.PeriodOfId(id(x)) is null || first[Assignment.SeriesOfId(id(x))].Id == id(x))];
    }

    /// <summary>Open current work whose deadline has passed.</summary>
    public IReadOnlyList<OpenTask> Overdue(string unitCode, DateTimeOffset now, int limit = int.MaxValue) =>
        Open(unitCode, now, to: now, limit: limit);

    public UnitFigures Figures(Unit unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var done = assignments.DoneOfUnit(unit.Code).Count;
        return new UnitFigures(unit, Count(unit.Code, now), Count(unit.Code, now, to: now), done);
    }
}

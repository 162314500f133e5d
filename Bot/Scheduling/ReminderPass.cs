using Bot.Channels;
using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Extensions;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;

namespace Bot.Scheduling;

/// <summary>
/// One pass of the reminders over the store: read the open work in the planner's window, plan, and
/// record the result in the outbox. Sending is the delivery jobs' business; this only writes.
/// </summary>
public sealed class ReminderPass(
    IAssignmentStore assignments,
    IDirectoryStore directory,
    IPreferenceStore preferenceStore,
    UnitDirectory units,
    INudgeOutbox outbox,
    NudgePlanner planner,
    ReminderPolicy policy,
    IWorkCalendar calendar,
    ChannelSet channels,
    IExtensionRequests extensions,
    ExtensionPolicy approvers,
    IWorkChanges changes,
    TimeProvider clock)
{
    // What the outbox holds, kept between passes: a pass reads only what was recorded since the one
    // before (a full read grows with every nudge in the window) and lets go of deadlines that left the
    // window; all of it is read again once a week. Stale would be harmless: Record refuses keys it
    // holds, so a nudge another writer recorded meanwhile is never sent twice.
    private readonly Lock _gate = new();
    private HandledNudges? _handled;
    private DateOnly _handledDay; // the day it was read whole
    private DateOnly _keptDay;    // the day it last let go of what left the window
    private DateTimeOffset _readSince;

    // What the last recorded plan read: when, the store's count of writes then, and the work the daily quota held
    // back. While the count stays the same, nothing planned differently except what the clock brought: the steps
    // that fell due since (NudgePlanner.DeadlinesWithStepsIn), the snoozes that ran out, and the work held back, which is read again.
    private DateTimeOffset? _plannedAt;
    private long? _plannedStamp;
    private IReadOnlyCollection<string> _heldBack = [];

    /// <summary>How many plans read the whole window (the others read only what the clock brought): for tests and benches.</summary>
    internal int WindowReads { get; private set; }

    /// <summary>Plans the nudges due now and records them; returns the new outbox messages' ids.</summary>
    public IReadOnlyList<string> PlanAndRecord()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            IReadOnlyList<string> ids = [];
            if (Planned(now) is { } planned)
            {
                ids = outbox.Record(planned.Plan, now);
                (_plannedAt, _plannedStamp, _heldBack) = (now, planned.Stamp, planned.Plan.HeldBack ?? []);
            }
            return calendar.InWorkingHours(now) ? [.. ids, .. RemindApprovers(now)] : ids;
        }
    }

    /// <summary>Extension requests nobody answered for a working day, put to the approvers again (once).</summary>
    private IReadOnlyList<string> RemindApprovers(DateTimeOffset now)
    {
        var unanswered = extensions.Unanswered();
        if (unanswered.Count == 0) return [];
        var (plan, reminded) = ExtensionFollowUps.Plan(unanswered, approvers.Of(directory.All()), id => assignments.Get(id)?.DueBefore, calendar, now);
        var ids = outbox.Record(plan, now); // keyed: a crash before the marks below records nothing twice
        foreach (var request in reminded) extensions.TryUpdate(request, ExtensionState.Asked);
        return ids;
    }

    /// <summary>The nudges due now (null out of working hours), without recording them.</summary>
    internal NudgePlan? Plan(DateTimeOffset now) => Planned(now)?.Plan;

    private (NudgePlan Plan, long? Stamp)? Planned(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!calendar.InWorkingHours(now)) return null;
            var (from, to) = NudgeTargets.Window(policy, now);
            var stamp = changes.Stamp(); // before reading: a write after this moves the next pass's count
            var preferences = Preferences();
            var targets = NudgeTargets.Build(Open(from, to, now, stamp, preferences), directory.All(), units, preferences, channels.Names);
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
            if (_handled is null || today.DayNumber - _handledDay.DayNumber >= 7)
            {
                (_handled, _handledDay, _keptDay) = (outbox.Handled(from, to), today, today);
            }
            else
            {
                if (_keptDay != today)
                {
                    _handled.Forget(from); // once a day: the window's start moves on by a day a day
                    _keptDay = today;
                }
                foreach (var nudge in outbox.RecordedSince(_readSince)) _handled.Add(nudge);
            }
            _readSince = now; // a pass records at its own "now": the next read starts there, inclusive
            return (planner.Plan(targets, _handled, outbox.MessagesSince(VietnamTime.StartOfDay(today)), now), stamp);
        }
    }

    /// <summary>
    /// The open work the planner must see now: the whole window, unless nothing it reads was written since the last
    /// recorded plan; then only the deadlines with a step due since, the work whose snooze ran out, and the work held back.
    /// </summary>
    private IEnumerable<OpenTask> Open(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, long? stamp, Dictionary<string, OfficialPreferences> preferences)
    {
        if (_plannedAt is not { } since || stamp is null || stamp != _plannedStamp)
        {
            WindowReads++;
            return assignments.OpenTasksDueBetween(from, to);
        }
        var open = new Dictionary<string, OpenTask>(StringComparer.Ordinal);
        foreach (var (bandFrom, bandTo) in planner.DeadlinesWithStepsIn(since, now, from, to))
        {
            foreach (var task in assignments.OpenTasksDueBetween(bandFrom < from ? from : bandFrom, bandTo > to ? to : bandTo)) open.TryAdd(task.AssignmentId, task);
        }
        var again = preferences.Values.SelectMany(p => p.Snoozed).Where(s => s.Value > since && s.Value <= now).Select(s => s.Key).Concat(_heldBack)
            .Where(id => !open.ContainsKey(id));
        foreach (var a in assignments.Get(again).Values)
        {
            if (a is { IsDone: false, DueBefore: { } due } && due >= from && due <= to) open.TryAdd(a.Id, new OpenTask(a.Id, a.UnitCode, a.DueBefore));
        }
        return open.Values.OrderBy(t => t.DueBefore).ThenBy(t => t.UnitCode, StringComparer.Ordinal).ThenBy(t => t.AssignmentId, StringComparer.Ordinal);
    }

    /// <summary>
    /// On a working day from the digest hour to the end of work (a late start still sends it): one
    /// digest per official who asked for it, once a day (the outbox keys it by official and day).
    /// Returns the new messages' ids.
    /// </summary>
    public IReadOnlyList<string> RecordDigests()
    {
        var now = clock.GetUtcNow();
        var local = VietnamTime.ToLocal(now);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (!calendar.IsWorkingDay(day) || time < policy.DigestAt || time >= calendar.Hours.Ends) return [];
        var preferences = Preferences();
        var ids = new List<string>();
        foreach (var p in preferences.Values.Where(p => p.Digest))
        {
            if (directory.ByPhone(p.Phone) is not { } official || !NudgeTargets.Reachable(official, preferences, channels.Names)) continue;
            if (outbox.RecordDigest(official.Phone, day, now) is { } id) ids.Add(id);
        }
        return ids;
    }

    /// <summary>When the weekly digest goes: 08:00 on the week's first working day (Monday, unless it is a holiday).</summary>
    public static readonly TimeOnly WeeklyAt = new(8, 0);

    /// <summary>
    /// From 08:00 of the week's first working day until the end of work: one weekly digest (the ranking, what became
    /// overdue) for each linked district leader and each official of the district office, once a week. Returns the new ids.
    /// </summary>
    public IReadOnlyList<string> RecordWeeklyDigests()
    {
        var now = clock.GetUtcNow();
        var local = VietnamTime.ToLocal(now);
        var day = DateOnly.FromDateTime(local);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var firstWorking = Enumerable.Range(0, 7).Select(monday.AddDays).FirstOrDefault(calendar.IsWorkingDay);
        var time = TimeOnly.FromDateTime(local);
        if (day != firstWorking || time < WeeklyAt || time >= calendar.Hours.Ends) return [];
        var preferences = Preferences();
        var ids = new List<string>();
        foreach (var official in directory.All().Where(o => o.Role is Role.DistrictLeader or Role.Office || units.ByCode(o.UnitCode)?.Kind == UnitKind.Office))
        {
            if (!NudgeTargets.Reachable(official, preferences, channels.Names)) continue;
            if (outbox.RecordWeeklyDigest(official.Phone, monday, now) is { } id) ids.Add(id);
        }
        return ids;
    }

    /// <summary>
    /// Messages that waited for their person: pending again once the person wrote (is reachable), while
    /// still worth sending; dropped (passed over) once not. Returns the ids pending again.
    /// </summary>
    public IReadOnlyList<string> Wake()
    {
        var waiting = outbox.Waiting();
        if (waiting.Count == 0) return [];
        var now = clock.GetUtcNow();
        var preferences = Preferences();
        var woken = new List<string>();
        foreach (var message in waiting)
        {
            if (!WaitingMessages.StillWorthSending(message, now)) outbox.MarkPassedOver(message.Id, now);
            else if (directory.ByPhone(message.OfficialPhone) is { } official && NudgeTargets.Reachable(official, preferences, channels.Names))
            {
                outbox.Wake(message.Id, now);
                woken.Add(message.Id);
            }
        }
        return woken;
    }

    private Dictionary<string, OfficialPreferences> Preferences() =>
        preferenceStore.AllPreferences().ToDictionary(p => p.Phone, StringComparer.Ordinal);
}

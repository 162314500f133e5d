using System.Collections.Immutable;
using Bot.Domain.Calendar;
using Bot.Domain.Time;

namespace Bot.Domain.Reminders;

/// <summary>
/// Pure: (open assignments, policy, work calendar, what was already sent, now) → the nudges due now.
/// Every reminder is planned for the start of a working day (the calendar's hours); a pass outside working hours plans
/// nothing, so what fell in the night waits for the next working morning. When several reminders of
/// one assignment are due at once (the bot was off), only the latest goes out; the others are
/// passed over for good.
/// </summary>
public sealed class NudgePlanner(ReminderPolicy policy, IWorkCalendar calendar)
{
    /// <param name="open">Open assignments (done ones have no future nudges).</param>
    /// <param name="alreadyHandled">Nudges recorded before (sent, pending or passed over).</param>
    /// <param name="sentToday">Per official: nudge messages already sent today.</param>
    /// <param name="now">The planner's clock reading.</param>
    public NudgePlan Plan(IEnumerable<NudgeTarget> open, HandledNudges alreadyHandled, IReadOnlyDictionary<string, int> sentToday, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(alreadyHandled);
        ArgumentNullException.ThrowIfNull(sentToday);
        if (!calendar.InWorkingHours(now)) return new NudgePlan([], []);

        // A long list is cut into runs, one per core. Open work comes in deadline order, so each run
        // keeps its own deadlines' tables in its core's cache. Runs are merged in order: the plan is
        // the same whatever the threads do.
        var targets = open as IReadOnlyList<NudgeTarget> ?? [.. open];
        var runs = targets.Count < 50_000 ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 4);
        var picks = new Picks[runs];
        Parallel.For(0, runs, r => picks[r] = PickRun(targets, r * targets.Count / runs, (r + 1) * targets.Count / runs, alreadyHandled, now));

        var due = new Dictionary<string, List<Nudge>>(StringComparer.Ordinal);
        var passedOver = new List<Nudge>();
        foreach (var run in picks)
        {
            foreach (var (official, nudges) in run.Due)
            {
                if (!due.TryGetValue(official, out var list)) due[official] = list = [];
                list.AddRange(nudges);
            }
            passedOver.AddRange(run.PassedOver);
        }

        var bundles = new List<NudgeBundle>(due.Count);
        var heldBack = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (official, nudges) in due.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (sentToday.TryGetValue(official, out var count) && count >= policy.MaxMessagesPerOfficialPerDay)
            {
                foreach (var nudge in nudges) heldBack.Add(nudge.AssignmentId); // tomorrow
                continue;
            }
            bundles.Add(new NudgeBundle(official, [.. nudges.OrderBy(n => n.DueBefore).ThenBy(n => n.AssignmentId, StringComparer.Ordinal)]));
        }
        return new NudgePlan(bundles, passedOver, heldBack);
    }

    /// <summary>What one run of targets gave: nudges due per official, and older ones passed over.</summary>
    private sealed record Picks(Dictionary<string, List<Nudge>> Due, List<Nudge> PassedOver);

    private Picks PickRun(IReadOnlyList<NudgeTarget> targets, int from, int to, HandledNudges alreadyHandled, DateTimeOffset now)
    {
        var picks = new Picks(new Dictionary<string, List<Nudge>>(StringComparer.Ordinal), []);
        // Many assignments share a deadline: work out each deadline's schedule, what of it is due, and
        // where its handled nudges are, once per run.
        var deadlines = new Dictionary<long, Deadline>();
        Deadline? deadline = null;
        for (var t = from; t < to; t++)
        {
            var target = targets[t];
            // Most of the time it is the last target's deadline.
            var ticks = target.DueBefore.UtcTicks;
            if (deadline?.Ticks != ticks && !deadlines.TryGetValue(ticks, out deadline))
                deadlines[ticks] = deadline = Deadline.Of(target.DueBefore, [.. Schedule(target.DueBefore)], now, alreadyHandled);
            if (deadline.LatestReminder >= 0)
                PickAll(target, target.Officials, deadline.Schedule, deadline.LatestReminder, deadline.ReminderHandled, alreadyHandled, now, picks);
            if (deadline.LatestEscalation >= 0)
                PickAll(target, target.EscalateTo, deadline.Schedule, deadline.LatestEscalation, deadline.EscalationHandled, alreadyHandled, now, picks);
        }
        return picks;
    }

    /// <summary>An assignment's whole reminder schedule, each at the start of a working day.</summary>
    public IReadOnlyList<(NudgeKind Kind, int Step, DateTimeOffset At)> Schedule(DateTimeOffset dueBefore)
    {
        // The due day is the last day on which the work still counts as on time.
        var dueDay = DateOnly.FromDateTime(VietnamTime.ToLocal(dueBefore.AddTicks(-1)));
        var lastWorkingDueDay = LastWorkingDayOnOrBefore(dueDay);
        var schedule = new List<(NudgeKind, int, DateTimeOffset)>();
        foreach (var days in policy.WorkingDaysBefore.Distinct().OrderByDescending(d => d))
            schedule.Add((NudgeKind.Before, days, calendar.Morning(SubtractWorkingDays(lastWorkingDueDay, days))));
        if (policy.OnDueMorning)
            schedule.Add((NudgeKind.DueToday, 0, calendar.Morning(lastWorkingDueDay)));

        // After the deadline: the first working morning after it, and each working day after that.
        var firstLate = DateOnly.FromDateTime(VietnamTime.ToLocal(dueBefore));
        var lateDay = calendar.IsWorkingDay(firstLate) && calendar.Morning(firstLate) >= dueBefore ? firstLate : calendar.AddWorkingDays(firstLate, 1);
        for (var step = 1; step <= policy.WorkingDaysAfter; step++)
        {
            schedule.Add((NudgeKind.Overdue, step, calendar.Morning(lateDay)));
            lateDay = calendar.AddWorkingDays(lateDay, 1);
        }
        if (policy.EscalateAfterwards) schedule.Add((NudgeKind.Escalation, 1, calendar.Morning(lateDay)));
        return schedule;
    }

    /// <summary>
    /// The deadlines in [<paramref name="from"/>, <paramref name="to"/>] with a step of their schedule in
    /// (<paramref name="after"/>, <paramref name="upTo"/>], as ranges of deadlines (bounds included; a range may hold a
    /// little more, never less): a pass a minute after the last needs only these, and at a working morning, the few
    /// due days whose steps fall on it. Within one due day the schedule is one of two: for deadlines up to the day's
    /// morning (late from that morning) and for those after it (late from the next working morning).
    /// </summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> DeadlinesWithStepsIn(DateTimeOffset after, DateTimeOffset upTo, DateTimeOffset from, DateTimeOffset to)
    {
        var ranges = new List<(DateTimeOffset From, DateTimeOffset To)>();
        if (upTo <= after || to < from) return ranges;
        var last = DateOnly.FromDateTime(VietnamTime.ToLocal(to.AddTicks(-1)));
        for (var day = DateOnly.FromDateTime(VietnamTime.ToLocal(from.AddTicks(-1))); day <= last; day = day.AddDays(1))
        {
            var (start, end) = (VietnamTime.StartOfDay(day), VietnamTime.StartOfDay(day.AddDays(1)));
            var morning = calendar.Morning(day);
            if (morning > start && morning < end && StepIn(start.AddTicks(1), after, upTo)) Add(start, morning);
            if (StepIn(end, after, upTo)) Add(morning > start && morning < end ? morning : start, end);
        }
        return ranges;

        void Add(DateTimeOffset low, DateTimeOffset high)
        {
            if (ranges.Count > 0 && ranges[^1].To >= low) ranges[^1] = (ranges[^1].From, high);
            else ranges.Add((low, high));
        }
    }

    private bool StepIn(DateTimeOffset dueBefore, DateTimeOffset after, DateTimeOffset upTo)
    {
        foreach (var (_, _, at) in Schedule(dueBefore))
            if (at > after && at <= upTo) return true;
        return false;
    }

    /// <summary>
    /// A deadline's schedule and, for this pass, its latest due reminder and escalation (index in the
    /// schedule, -1 when none is due yet) with whom each was handled for.
    /// </summary>
    private sealed record Deadline(
        long Ticks, (NudgeKind Kind, int Step, DateTimeOffset At)[] Schedule,
        int LatestReminder, HandledNudges.OfReminder ReminderHandled, int LatestEscalation, HandledNudges.OfReminder EscalationHandled)
    {
        public static Deadline Of(DateTimeOffset dueBefore, (NudgeKind Kind, int Step, DateTimeOffset At)[] schedule, DateTimeOffset now, HandledNudges handled)
        {
            int reminder = -1, escalation = -1;
            for (var i = 0; i < schedule.Length && schedule[i].At <= now; i++)
            {
                if (schedule[i].Kind == NudgeKind.Escalation) escalation = i;
                else reminder = i;
            }
            return new Deadline(dueBefore.UtcTicks, schedule, reminder, HandledOf(reminder), escalation, HandledOf(escalation));

            HandledNudges.OfReminder HandledOf(int i) => i < 0 ? default : handled.Of(dueBefore, schedule[i].Kind, schedule[i].Step);
        }
    }

    /// <summary>
    /// The latest due reminder (or escalation) for each official it was not handled for. Whenever one
    /// goes out the earlier ones of its kind are passed over, so looking up the latest is enough on the
    /// common path.
    /// </summary>
    private static void PickAll(
        NudgeTarget target, ImmutableArray<string> officials, (NudgeKind Kind, int Step, DateTimeOffset At)[] schedule, int latest,
        HandledNudges.OfReminder latestHandled, HandledNudges handled, DateTimeOffset now, Picks picks)
    {
        var handledFor = latestHandled.For(target.AssignmentId);
        var escalation = schedule[latest].Kind == NudgeKind.Escalation;
        foreach (var official in officials)
        {
            if (Holds(handledFor, official)) continue;
            if (target.MutedBy?.Contains(official) == true) continue;
            if (target.SnoozedUntil?.TryGetValue(official, out var until) == true && until > now) continue;
            for (var i = 0; i < latest; i++)
            {
                if ((schedule[i].Kind == NudgeKind.Escalation) != escalation) continue;
                if (!Holds(handled.Of(target.DueBefore, schedule[i].Kind, schedule[i].Step).For(target.AssignmentId), official))
                    picks.PassedOver.Add(Make(target, official, schedule[i]));
            }
            if (!picks.Due.TryGetValue(official, out var list)) picks.Due[official] = list = [];
            list.Add(Make(target, official, schedule[latest]));
        }
    }

    // A plain loop: a generic Contains compares through EqualityComparer, which showed in profiles.
    private static bool Holds(ReadOnlySpan<string> officials, string official)
    {
        foreach (var o in officials)
            if (string.Equals(o, official)) return true;
        return false;
    }

    private static Nudge Make(NudgeTarget target, string official, (NudgeKind Kind, int Step, DateTimeOffset At) entry) =>
        new(target.AssignmentId, official, entry.Kind, entry.Step, target.DueBefore, entry.At);

    private DateOnly LastWorkingDayOnOrBefore(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    private DateOnly SubtractWorkingDays(DateOnly day, int n)
    {
        while (n > 0)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) n--;
        }
        return day;
    }
}

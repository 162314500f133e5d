using Bot.Domain.Calendar;
using Bot.Domain.Time;

namespace Bot.Domain.Reminders;

/// <summary>
/// Pure: (open assignments, policy, work calendar, what was already sent, now) → the nudges due now.
/// Every reminder is planned for the start of a working day; a pass outside working hours plans
/// nothing, so what fell in the night waits for the next working morning. When several reminders of
/// one assignment are due at once (the bot was off), only the latest goes out; the others are
/// passed over for good.
/// </summary>
public sealed class NudgePlanner(ReminderPolicy policy, IWorkCalendar calendar)
{
    /// <param name="open">Open assignments (done ones have no future nudges).</param>
    /// <param name="alreadyHandled">Keys of nudges sent or passed over before.</param>
    /// <param name="sentToday">Per official: nudge messages already sent today.</param>
    /// <param name="now">The planner's clock reading.</param>
    public NudgePlan Plan(IEnumerable<NudgeTarget> open, ISet<string> alreadyHandled, IReadOnlyDictionary<string, int> sentToday, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(alreadyHandled);
        ArgumentNullException.ThrowIfNull(sentToday);
        if (!InWorkingHours(now)) return new NudgePlan([], []);

        var due = new Dictionary<string, List<Nudge>>(StringComparer.Ordinal);
        var passedOver = new List<Nudge>();
        // Many assignments share a deadline: work out each deadline's schedule once per pass.
        var schedules = new Dictionary<DateTimeOffset, (NudgeKind Kind, int Step, DateTimeOffset At)[]>();
        foreach (var target in open)
        {
            if (!schedules.TryGetValue(target.DueBefore, out var schedule))
                schedules[target.DueBefore] = schedule = [.. Schedule(target.DueBefore)];
            var reminders = LatestDue(schedule, now, escalation: false);
            var escalation = LatestDue(schedule, now, escalation: true);
            if (reminders >= 0)
            {
                var prefix = Nudge.KeyPrefix(target.AssignmentId, target.DueBefore, schedule[reminders].Kind, schedule[reminders].Step);
                foreach (var official in target.Officials) Pick(target, official, prefix, schedule, reminders, escalation: false, alreadyHandled, now, due, passedOver);
            }
            if (escalation >= 0)
            {
                var prefix = Nudge.KeyPrefix(target.AssignmentId, target.DueBefore, schedule[escalation].Kind, schedule[escalation].Step);
                foreach (var official in target.EscalateTo) Pick(target, official, prefix, schedule, escalation, escalation: true, alreadyHandled, now, due, passedOver);
            }
        }

        var bundles = new List<NudgeBundle>(due.Count);
        foreach (var (official, nudges) in due.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (sentToday.TryGetValue(official, out var count) && count >= policy.MaxMessagesPerOfficialPerDay) continue; // tomorrow
            bundles.Add(new NudgeBundle(official, [.. nudges.OrderBy(n => n.DueBefore).ThenBy(n => n.AssignmentId, StringComparer.Ordinal)]));
        }
        return new NudgePlan(bundles, passedOver);
    }

    /// <summary>True on a working day between the policy's start and end of work (Vietnam time).</summary>
    public bool InWorkingHours(DateTimeOffset now)
    {
        var local = VietnamTime.ToLocal(now);
        var time = TimeOnly.FromDateTime(local);
        return calendar.IsWorkingDay(DateOnly.FromDateTime(local)) && time >= policy.WorkStarts && time < policy.WorkEnds;
    }

    /// <summary>The next moment a pass can send anything: now if in working hours, else the next working morning.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset now)
    {
        if (InWorkingHours(now)) return now;
        var local = VietnamTime.ToLocal(now);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= policy.WorkStarts || !calendar.IsWorkingDay(day)) day = calendar.AddWorkingDays(day, 1);
        return Morning(day);
    }

    /// <summary>An assignment's whole reminder schedule, each at the start of a working day.</summary>
    public IReadOnlyList<(NudgeKind Kind, int Step, DateTimeOffset At)> Schedule(DateTimeOffset dueBefore)
    {
        // The due day is the last day on which the work still counts as on time.
        var dueDay = DateOnly.FromDateTime(VietnamTime.ToLocal(dueBefore.AddTicks(-1)));
        var lastWorkingDueDay = LastWorkingDayOnOrBefore(dueDay);
        var schedule = new List<(NudgeKind, int, DateTimeOffset)>();
        foreach (var days in policy.WorkingDaysBefore.Distinct().OrderByDescending(d => d))
            schedule.Add((NudgeKind.Before, days, Morning(SubtractWorkingDays(lastWorkingDueDay, days))));
        if (policy.OnDueMorning)
            schedule.Add((NudgeKind.DueToday, 0, Morning(lastWorkingDueDay)));

        // After the deadline: the first working morning after it, and each working day after that.
        var firstLate = DateOnly.FromDateTime(VietnamTime.ToLocal(dueBefore));
        var lateDay = calendar.IsWorkingDay(firstLate) && Morning(firstLate) >= dueBefore ? firstLate : calendar.AddWorkingDays(firstLate, 1);
        for (var step = 1; step <= policy.WorkingDaysAfter; step++)
        {
            schedule.Add((NudgeKind.Overdue, step, Morning(lateDay)));
            lateDay = calendar.AddWorkingDays(lateDay, 1);
        }
        if (policy.EscalateAfterwards) schedule.Add((NudgeKind.Escalation, 1, Morning(lateDay)));
        return schedule;
    }

    /// <summary>The index of the latest reminder of the kind that is due by now, or -1.</summary>
    private static int LatestDue((NudgeKind Kind, int Step, DateTimeOffset At)[] schedule, DateTimeOffset now, bool escalation)
    {
        var latest = -1;
        for (var i = 0; i < schedule.Length && schedule[i].At <= now; i++)
            if ((schedule[i].Kind == NudgeKind.Escalation) == escalation) latest = i;
        return latest;
    }

    /// <summary>
    /// The latest due reminder for this official, unless it was handled. Whenever one goes out the
    /// earlier ones are passed over, so checking the latest key is enough on the common path.
    /// </summary>
    /// <param name="latestPrefix">The latest reminder's key without the official: made once per assignment, as this runs for millions.</param>
    private static void Pick(
        NudgeTarget target, string official, string latestPrefix, (NudgeKind Kind, int Step, DateTimeOffset At)[] schedule, int latest, bool escalation,
        ISet<string> handled, DateTimeOffset now, Dictionary<string, List<Nudge>> due, List<Nudge> passedOver)
    {
        if (handled.Contains(string.Concat(latestPrefix, official))) return;
        if (target.MutedBy?.Contains(official) == true) return;
        if (target.SnoozedUntil?.TryGetValue(official, out var until) == true && until > now) return;
        var nudge = Make(target, official, schedule[latest]);
        for (var i = 0; i < latest; i++)
        {
            if ((schedule[i].Kind == NudgeKind.Escalation) != escalation) continue;
            var older = Make(target, official, schedule[i]);
            if (!handled.Contains(older.Key)) passedOver.Add(older);
        }
        if (!due.TryGetValue(official, out var list)) due[official] = list = [];
        list.Add(nudge);
    }

    private static Nudge Make(NudgeTarget target, string official, (NudgeKind Kind, int Step, DateTimeOffset At) entry) =>
        new(target.AssignmentId, official, entry.Kind, entry.Step, target.DueBefore, entry.At);

    private DateTimeOffset Morning(DateOnly day) => VietnamTime.FromLocal(day.ToDateTime(policy.WorkStarts));

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

using System.Text;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// What the reminders say, as the conversation says it: a reminder is a list of the nudged tasks
/// (so its numbers and buttons work as in any list), and the morning digest a list of the week's
/// work. The district office's digest also names who cannot be reached.
/// </summary>
public sealed class ReminderMessages(IAssignmentStore assignments, ShownLists lists, UnitDirectory units, Reachability reachability, ExtensionMessages extensions,
    Reports.IReportSource reports, TimeProvider clock)
{
    /// <summary>How many unreachable people a digest names before "và N người khác": it stays one short message.</summary>
    public const int MaxNames = 15;

    /// <summary>
    /// A reminder for one official: each nudged task with "✅ Đã xong" and "⏰ Nhắc lại sau". Null when
    /// nothing is left to say (the tasks were done meanwhile). Escalations name the late unit and
    /// carry no buttons when the reader may not change that unit's work.
    /// </summary>
    public Outbound? Nudge(Official official, ChatAccount account, IReadOnlyList<Nudge> nudges)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(nudges);
        if (nudges.Count > 0 && ExtensionMessages.IsAbout(nudges[0].Kind)) return extensions.Render(official, account, nudges[0]);
        var now = clock.GetUtcNow();
        if (nudges.Count > 0 && nudges[0].Kind == NudgeKind.Corrected) return Correction(new Viewer(official, account, account.UserId), nudges[0], now);
        var read = assignments.Get(nudges.Select(n => n.AssignmentId));
        var open = nudges.Select(n => (Nudge: n, Assignment: read.GetValueOrDefault(n.AssignmentId)))
            .Where(x => x.Assignment is { IsDone: false }).ToList();
        if (open.Count == 0) return null;
        var viewer = new Viewer(official, account, account.UserId);
        if (open[0].Nudge.Kind == NudgeKind.NewTask) return Notice(viewer, [.. open.Select(x => x.Assignment!)], now);
        var list = lists.Remember(viewer, Phrases.Reminder, [.. open.Select(x => x.Assignment!.Id)], now, writeNow: true);
        var text = new StringBuilder(Phrases.ReminderHeading(official.Name));
        var rows = new List<IReadOnlyList<Button>>();
        for (var i = 0; i < open.Count; i++)
        {
            var (nudge, a) = (open[i].Nudge, open[i].Assignment!);
            var number = i + 1;
            var why = nudge.Kind switch
            {
                NudgeKind.Escalation => Phrases.NotDoneBy(lists.UnitName(a.UnitCode)),
                NudgeKind.Overdue => "⚠️",
                _ => "•",
            };
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"\n{number}. {why} {Wording.Summary(a.TaskText)}\n    {Wording.Source(a.DirectiveName)} · {Wording.Deadline(a.DueBefore, a.IsDone, now)}{Wording.Repeats(a.Recurrence)}");
            if (Access.MayChange(official, a.UnitCode))
                rows.Add([lists.Button(viewer, Phrases.DoneButton(number), ButtonVerb.Done, list, number, now),
                    lists.Button(viewer, Phrases.SnoozeButton(number), ButtonVerb.Snooze, list, number, now)]);
        }
        text.Append(Phrases.ReminderFooter);
        return new Outbound(account.UserId, text.ToString()) { Buttons = rows };
    }

    /// <summary>
    /// "📌 Việc mới": a published directive's work for the official's unit, one message per directive, each task with its
    /// deadline and "✅ Đã xong". It is a list like any, so "việc 2" and its buttons work.
    /// </summary>
    private Outbound Notice(Viewer viewer, IReadOnlyList<Assignment> open, DateTimeOffset now)
    {
        var list = lists.Remember(viewer, Phrases.NewTaskList, [.. open.Select(a => a.Id)], now, writeNow: true);
        var text = new StringBuilder(Phrases.NewTaskHeading(viewer.Official.Name, Wording.Directive(open[0].DirectiveName)));
        var rows = new List<IReadOnlyList<Button>>();
        for (var i = 0; i < open.Count; i++)
        {
            var (a, number) = (open[i], i + 1);
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"\n{number}. {Wording.Summary(a.TaskText)}\n    {(a.Part == UnitPart.Lead ? "chủ trì" : "phối hợp")} · {Wording.Deadline(a.DueBefore, a.IsDone, now)}{Wording.Repeats(a.Recurrence)}");
            rows.Add([lists.Button(viewer, Phrases.DoneButton(number), ButtonVerb.Done, list, number, now)]);
        }
        text.Append(Phrases.NewTaskFooter);
        return new Outbound(viewer.ChatId, text.ToString()) { Buttons = rows };
    }

    /// <summary>
    /// "📝 … đã được sửa": what a correction changed for the official's unit — tasks new to it and changed ones numbered, with
    /// "✅ Đã xong" on their open work (a list like any), tasks no longer its said so. Null when the directive or the correction
    /// is gone, or nothing in it is the unit's.
    /// </summary>
    private Outbound? Correction(Viewer viewer, Nudge nudge, DateTimeOffset now)
    {
        var official = viewer.Official;
        if (assignments.FindDirective(nudge.AssignmentId) is not { } directive
            || directive.Corrections.FirstOrDefault(c => c.Number == nudge.Step) is not { } correction) return null;
        var changes = correction.For(official.UnitCode);
        if (changes.Count == 0) return null;
        // The unit's open work of each task, a repeating duty by its first open period.
        var open = assignments.OfDirective(directive.Id)
            .Where(a => !a.IsDone && string.Equals(a.UnitCode, official.UnitCode, StringComparison.OrdinalIgnoreCase))
            .GroupBy(a => a.TaskId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.DueBefore ?? DateTimeOffset.MaxValue).First(), StringComparer.Ordinal);
        var numbered = new List<string>();
        var text = new StringBuilder(Phrases.CorrectionHeading(official.Name, directive.Directive.DocumentType, Wording.Directive(DirectiveName.Of(directive.Directive)), units.ByCode(official.UnitCode)?.Name ?? official.UnitCode));
        foreach (var (change, forUnit) in changes)
        {
            int? number = null;
            if (forUnit != ChangeKind.Removed && change.TaskId is { } task && open.TryGetValue(task, out var a))
            {
                numbered.Add(a.Id);
                number = numbered.Count;
            }
            text.Append(Phrases.CorrectionLine(number, change, forUnit));
        }
        text.Append(Phrases.CorrectionFooter);
        if (numbered.Count == 0) return new Outbound(viewer.ChatId, text.ToString());
        var list = lists.Remember(viewer, Phrases.CorrectionList, numbered, now, writeNow: true);
        var rows = numbered.Select((_, i) => (IReadOnlyList<Button>)[lists.Button(viewer, Phrases.DoneButton(i + 1), ButtonVerb.Done, list, i + 1, now)]).ToList();
        return new Outbound(viewer.ChatId, text.ToString()) { Buttons = rows };
    }

    /// <summary>The 07:30 digest for an official who asked for it: their unit's work due this week; the office's adds who cannot be reached.</summary>
    public Outbound Digest(Official official, ChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var endOfWeek = VietnamTime.StartOfDay(today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7));
        var due = assignments.OpenTasksOfUnit(official.UnitCode, limit: ShownLists.MaxListed + 1)
            .Where(t => t.DueBefore is { } d && d <= endOfWeek).Select(t => t.AssignmentId).ToList();
        var viewer = new Viewer(official, account, account.UserId);
        var digest = due.Count == 0
            ? Outbound.Say(account.UserId, Phrases.QuietWeek(official.Name))
            : lists.Render(viewer, lists.Remember(viewer, Phrases.WeekDigest, due, now, writeNow: true), 0, now);
        return units.ByCode(official.UnitCode)?.Kind == UnitKind.Office ? WithUnreachable(digest) : digest;
    }

    /// <summary>How many units the weekly digest ranks, and names as late: one message on a phone.</summary>
    public const int WeeklyUnits = 10;

    /// <summary>
    /// The weekly digest of leaders and the office: the units ranked over the month of the week just ended (the
    /// first and the last <see cref="WeeklyUnits"/>), then what fell due that week and was not done on time, by unit.
    /// Says what it looked at, so "nothing overdue" is never a guess.
    /// </summary>
    public Outbound Weekly(Official official, ChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var (weekFrom, weekTo) = (VietnamTime.StartOfDay(monday.AddDays(-7)), VietnamTime.StartOfDay(monday));
        var sunday = monday.AddDays(-1);
        var (monthFrom, monthTo) = (VietnamTime.StartOfDay(new DateOnly(sunday.Year, sunday.Month, 1)), VietnamTime.StartOfDay(new DateOnly(sunday.Year, sunday.Month, 1).AddMonths(1)));
        var month = Reports.Report.Of(new Reports.ReportPeriod(monthFrom, monthTo, Phrases.ReportPeriodLabel(monthFrom, monthTo)), reports.Tally(monthFrom, now < monthTo ? now : monthTo, now), units, now);
        var week = Reports.Report.Of(new Reports.ReportPeriod(weekFrom, weekTo, ""), reports.Tally(weekFrom, weekTo, now), units, now);
        var text = new StringBuilder(Phrases.WeeklyHeading(official.Name, month.Period.Label, now));
        var ranked = month.Ranking.Select((r, i) => (r, i)).ToList();
        var shown = ranked.Count <= 2 * WeeklyUnits ? ranked : [.. ranked.Take(WeeklyUnits), .. ranked.TakeLast(WeeklyUnits)];
        for (var k = 0; k < shown.Count; k++)
        {
            if (k > 0 && shown[k].i != shown[k - 1].i + 1) text.Append("\n…");
            var (r, i) = shown[k];
            text.Append(Phrases.ReportLine(i + 1, r.UnitName, r.DoneOnTime, r.DoneLate, r.Open, r.Overdue, r.OnTimeRate));
        }
        if (month.Ranking.Count == 0) text.Append(Phrases.WeeklyNoWork);
        var late = week.Ranking.Where(r => r.Overdue + r.DoneLate > 0).OrderByDescending(r => r.Overdue).ThenByDescending(r => r.DoneLate).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
        var range = $"{monday.AddDays(-7):dd/MM}–{sunday:dd/MM/yyyy}";
        if (late.Count == 0) text.Append(Phrases.WeeklyNothingLate(range, week.Total));
        else
        {
            text.Append(Phrases.WeeklyLateHeading(range, late.Sum(r => r.Overdue), late.Sum(r => r.DoneLate), week.Total));
            foreach (var r in late.Take(WeeklyUnits)) text.Append(Phrases.WeeklyLateLine(r.UnitName, r.Overdue, r.DoneLate));
            if (late.Count > WeeklyUnits) text.Append(Phrases.AndOthersUnits(late.Count - WeeklyUnits));
        }
        text.Append(Phrases.WeeklyFooter);
        return Outbound.Say(account.UserId, text.ToString());
    }

    /// <summary>Appends who the bot cannot write to (they blocked it), for the district office.</summary>
    private Outbound WithUnreachable(Outbound digest)
    {
        var unreachable = reachability.Unreachable();
        if (unreachable.Count == 0) return digest;
        var text = new StringBuilder(digest.Text).Append(Phrases.UnreachableHeading);
        foreach (var (o, since) in unreachable.Take(MaxNames)) text.Append(Phrases.UnreachableLine(o.Name, lists.UnitName(o.UnitCode), since));
        if (unreachable.Count > MaxNames) text.Append(Phrases.AndOthers(unreachable.Count - MaxNames));
        return digest with { Text = text.ToString() };
    }
}

using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Reports;
using Bot.Domain.Time;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// Leaders' reports: "báo cáo tháng 11", "tiến độ quý IV", "báo cáo công văn 1259" — per unit done on time, done
/// late, open, overdue and the on-time rate, ranked (in pages like any ranking), then a chart as a photo and a
/// workbook as a document (<see cref="IReportFiles"/>). Unit heads get their unit's; leaders and the office every
/// unit's; staff are told whom to ask. No period means this month.
/// </summary>
public sealed class ReportHandler(IReportSource source, IAssignmentStore assignments, IReportFiles files, UnitDirectory units, Reach reach,
    Rankings rankings, IProgressReports progress) : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent is ReportIntent r ? Report(turn, r) : null;
    }

    private Reply Report(Turn turn, ReportIntent intent)
    {
        var official = turn.Official;
        var all = reach.SeesAll(official);
        if (!all && official.Role != Role.UnitHead) return turn.Say(Phrases.ReportIsForHeads) with { Note = "report refused (staff)" };
        var unit = all ? null : official.UnitCode;
        var unitsSaid = all ? Phrases.UnitsOf([]) : reach.OwnUnit(official).Name;
        var (period, work) = Work(intent, unit, turn.Now);
        if (period is null) return turn.Say(Phrases.ReportUnknownDirective(intent.Directive!));
        var report = Build(period, work, units, progress, turn.Now);
        if (report.Total == 0) return turn.Say(Phrases.ReportNothing(period.Label, unitsSaid));
        var lines = report.Ranking.Select((r, i) => Phrases.ReportLine(i + 1, r.UnitName, r.DoneOnTime, r.DoneLate, r.Open, r.Overdue, r.OnTimeRate)).ToList();
        var shown = rankings.Show(turn, Phrases.ReportHeading(period.Label, unitsSaid, turn.Now), lines);
        var text = shown.Messages[0] with { Text = shown.Messages[0].Text + Phrases.ReportFilesFollow };
        var name = FileName(period);
        var chart = new Outbound(turn.Inbound.ChatId, Phrases.ReportChartCaption(period.Label)) { File = new OutboundFile(name + ".png", files.Chart(report), IsPhoto: true) };
        var workbook = new Outbound(turn.Inbound.ChatId, Phrases.ReportWorkbookCaption(period.Label)) { File = new OutboundFile(name + ".xlsx", files.Workbook(report), IsPhoto: false) };
        return new Reply([text, chart, workbook]) { Note = $"report {period.Label}: {report.Total} assignments, {report.Ranking.Count} units" };
    }

    /// <summary>The period and its work: a directive's, or what is due in the period asked (this month when none is).</summary>
    private (ReportPeriod? Period, IEnumerable<Assignment> Work) Work(ReportIntent intent, string? unit, DateTimeOffset now)
    {
        if (intent.Directive is { } number)
        {
            var of = assignments.ByDirectiveNumber(number, unit);
            return of.Count == 0 ? (null, []) : (new ReportPeriod(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Phrases.ReportDirective(of[0].DirectiveNumber ?? number), number), of);
        }
        var (from, until) = intent.From is { } f && intent.Until is { } u ? (f, u) : ThisMonth(now);
        return (new ReportPeriod(from, until, Phrases.ReportPeriodLabel(from, until)), source.DueBetween(from, until, unit));
    }

    /// <summary>The report over the work, each line with its latest progress (read in one go).</summary>
    public static Report Build(ReportPeriod period, IEnumerable<Assignment> work, UnitDirectory units, IProgressReports progress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var all = work as IReadOnlyList<Assignment> ?? [.. work];
        var latest = progress.Latest([.. all.Select(a => a.Id)]);
        return Reports.Report.Of(period, all, units, now, id => latest.GetValueOrDefault(id) is { } p ? Phrases.ProgressShort(p.Percent, p.Note) : null);
    }

    public static (DateTimeOffset From, DateTimeOffset Until) ThisMonth(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var first = new DateOnly(today.Year, today.Month, 1);
        return (VietnamTime.StartOfDay(first), VietnamTime.StartOfDay(first.AddMonths(1)));
    }

    /// <summary>"bao-cao-2023-11-01-2023-12-01", or "bao-cao-1259-UBND-VP": ASCII, so every channel and file system takes it.</summary>
    public static string FileName(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Directive is { } d) return "bao-cao-" + new string([.. d.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return $"bao-cao-{VietnamTime.ToLocal(period.From).ToString("yyyy-MM-dd", invariant)}-{VietnamTime.ToLocal(period.Until).AddDays(-1).ToString("yyyy-MM-dd", invariant)}";
    }
}

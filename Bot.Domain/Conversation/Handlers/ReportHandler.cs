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
/// unit's, also when they ask a directive's progress ("tiến độ công văn 1259"); staff are told whom to ask. No period
/// means this month.
/// </summary>
public sealed class ReportHandler(IReportSource source, DirectiveLookup directives, IReportFiles files, UnitDirectory units, Reach reach,
    Rankings rankings, IProgressReports progress) : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent switch
        {
            ReportIntent r => Report(turn, r),
            // "tiến độ công văn 1259" from those who see the district is that directive's report; some units' or one
            // unit's progress of it stays a list (DistrictHandler, after this one).
            ProgressIntent { Directive: { } asked } p when reach.SeesAll(turn.Official) && WholeDistrict(p.Scope) => Report(turn, new ReportIntent(Directive: asked)),
            _ => null,
        };
    }

    private static bool WholeDistrict(Scope? scope) => scope is null || scope.Kind == ScopeKind.Unsaid || scope is { Kind: ScopeKind.All, Of.Count: 0 };

    private Reply Report(Turn turn, ReportIntent intent)
    {
        var official = turn.Official;
        var all = reach.SeesAll(official);
        if (!all && official.Role != Role.UnitHead) return turn.Say(Phrases.ReportIsForHeads) with { Note = "report refused (staff)" };
        var unit = all ? null : official.UnitCode;
        var unitsSaid = all ? Phrases.UnitsOf([]) : reach.OwnUnit(official).Name;
        NamedDirective? directive = null;
        if (intent.Directive is { } named)
        {
            (directive, var instead) = directives.Find(named);
            if (instead is not null) return turn.Say(instead);
        }
        var asked = directive is null ? Due(intent, unit, turn.Now) : ReportWork.OfDirective(directive.Said, directive.Work(unit), directive.Key);
        if (asked is null) return turn.Say(directive!.Number is { } number ? Phrases.ReportUnknownDirective(number) : directive.NotFound);
        var report = asked.Report(units, turn.Now);
        if (report.Total == 0) return turn.Say(Phrases.ReportNothing(report.Period.Label, unitsSaid));
        var lines = report.Ranking.Select((r, i) => Phrases.ReportLine(i + 1, r.UnitName, r.DoneOnTime, r.DoneLate, r.Open, r.Overdue, r.OnTimeRate)).ToList();
        var shown = rankings.Show(turn, Phrases.ReportHeading(report.Period.Label, unitsSaid, turn.Now), lines);
        var text = shown.Messages[0] with { Text = shown.Messages[0].Text + Phrases.ReportFilesFollow };
        var name = FileName(report.Period);
        var chart = new Outbound(turn.Inbound.ChatId, Phrases.ReportChartCaption(report.Period.Label)) { File = new OutboundFile(name + ".png", files.Chart(report), IsPhoto: true) };
        var workbook = new Outbound(turn.Inbound.ChatId, Phrases.ReportWorkbookCaption(report.Period.Label)) { File = new OutboundFile(name + ".xlsx", files.Workbook(report, asked.Lines(report, progress)), IsPhoto: false) };
        return new Reply([text, chart, workbook]) { Note = $"report {report.Period.Label}: {report.Total} assignments, {report.Ranking.Count} units" };
    }

    /// <summary>What is due in the period asked (this month when none is).</summary>
    private ReportWork Due(ReportIntent intent, string? unit, DateTimeOffset now)
    {
        var (from, until) = intent.From is { } f && intent.Until is { } u ? (f, u) : ThisMonth(now);
        return ReportWork.Due(source, from, until, unit);
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

/// <summary>
/// The work a report covers and how it is read: a period's counts through the store's tally (the ranking), its
/// assignments a unit at a time for the workbook's rows; a directive's from its assignments, read anyway to know
/// the directive.
/// </summary>
public sealed class ReportWork
{
    private readonly Func<UnitDirectory, DateTimeOffset, Report> _report;
    private readonly Func<Func<string, IEnumerable<Assignment>>> _read;

    private ReportWork(ReportPeriod period, Func<UnitDirectory, DateTimeOffset, Report> report, Func<Func<string, IEnumerable<Assignment>>> read)
    {
        Period = period;
        _report = report;
        _read = read;
    }

    public ReportPeriod Period { get; }

    /// <summary>Work due in [from, until), of every unit or one.</summary>
    public static ReportWork Due(IReportSource source, DateTimeOffset from, DateTimeOffset until, string? unitCode = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var period = new ReportPeriod(from, until, Phrases.ReportPeriodLabel(from, until));
        // The rows are read a unit at a time in ranking order, so only one unit's are in memory.
        Func<Func<string, IEnumerable<Assignment>>> read = () => unit => source.DueBetween(from, until, unit);
        return new ReportWork(period, (units, now) => Reports.Report.Of(period, source.Tally(from, until, now, unitCode), units, now), read);
    }

    /// <summary>
    /// A directive's work (as <see cref="NamedDirective.Work"/> found it), said as <paramref name="said"/> unless its stored
    /// number says it fuller, its files named by <paramref name="key"/>; null when there is none.
    /// </summary>
    public static ReportWork? OfDirective(string said, IReadOnlyList<Assignment> work, string key)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Count == 0) return null;
        var period = new ReportPeriod(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Phrases.ReportDirective(work[0].DirectiveNumber ?? said), key);
        var byUnit = work.ToLookup(a => a.UnitCode, StringComparer.Ordinal);
        return new ReportWork(period, (units, now) => Reports.Report.Of(period, work, units, now), () => unit => byUnit[unit]);
    }

    public Report Report(UnitDirectory units, DateTimeOffset now) => _report(units, now);

    /// <summary>The report's lines with their latest progress, in ranking order, made as the workbook is written.</summary>
    public IEnumerable<ReportLine> Lines(Report report, IProgressReports progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Func<string, IEnumerable<Assignment>>? workOf = null; // read when the first row is asked for
        return Reports.Report.LinesOf(report, unit => (workOf ??= _read())(unit), ids => progress.Latest(ids).ToDictionary(kv => kv.Key, kv => Phrases.ProgressShort(kv.Value.Percent, kv.Value.Note), StringComparer.Ordinal));
    }
}

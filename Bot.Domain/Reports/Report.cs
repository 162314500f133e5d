using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Reports;

/// <summary>What a report covers: work due in [From, Until), or one directive's work; <see cref="Label"/> as people read it.</summary>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset Until, string Label, string? Directive = null);

/// <summary>Where one assignment stands in a report, as of its moment.</summary>
public enum ReportStatus
{
    DoneOnTime,
    DoneLate,

    /// <summary>Open, its deadline still ahead (or none).</summary>
    Open,
    Overdue,
}

/// <summary>
/// One unit's record over a report's work: done on time, done late, open, overdue. The on-time rate is what was
/// done on time among what was due and is done or late (done + overdue); null when nothing is yet.
/// </summary>
public sealed record UnitRecord(string UnitCode, string UnitName, int DoneOnTime, int DoneLate, int Open, int Overdue)
{
    public int Done => DoneOnTime + DoneLate;

    public int Total => Done + Open + Overdue;

    public double? OnTimeRate => Done + Overdue == 0 ? null : (double)DoneOnTime / (Done + Overdue);
}

/// <summary>One unit's counts over a report's work, before the unit is named and ranked (what a store tallies).</summary>
public sealed record UnitTally(string UnitCode, int DoneOnTime, int DoneLate, int Open, int Overdue);

/// <summary>
/// Counts work by unit and status as of a moment, from what a report needs of each assignment: its unit, its deadline
/// and when it was done (null while not done). The stores feed it from their summaries, not from whole assignments.
/// </summary>
public sealed class ReportTally(DateTimeOffset now)
{
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    public void Add(string unitCode, DateTimeOffset? dueBefore, DateTimeOffset? doneAt)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        if (!_counts.TryGetValue(unitCode, out var c)) _counts[unitCode] = c = new int[4];
        c[(int)Report.StatusOf(dueBefore, doneAt, now)]++;
    }

    public void Add(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        Add(assignment.UnitCode, assignment.DueBefore, assignment.IsDone ? assignment.Completion!.At : null);
    }

    public IReadOnlyList<UnitTally> Tallies() =>
        [.. _counts.Select(kv => new UnitTally(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]))];

    public static IReadOnlyList<UnitTally> Of(IEnumerable<Assignment> assignments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var tally = new ReportTally(now);
        foreach (var a in assignments) tally.Add(a);
        return tally.Tallies();
    }
}

/// <summary>One assignment's line in a report (the workbook's second sheet).</summary>
public sealed record ReportLine(Assignment Assignment, string UnitName, ReportStatus Status, string? Progress);

/// <summary>
/// A leaders' report: the units ranked. Its lines (the workbook's rows) are not kept in it: <see cref="LinesOf"/> reads
/// them a unit at a time, in ranking order, as they are written.
/// </summary>
public sealed record Report(ReportPeriod Period, DateTimeOffset At, IReadOnlyList<UnitRecord> Ranking)
{
    public int Total => Ranking.Sum(r => r.Total);

    /// <summary>
    /// The units ranked best first: the higher on-time rate, then fewer overdue, more done, the name; units with
    /// nothing due yet last.
    /// </summary>
    public static Report Of(ReportPeriod period, IEnumerable<UnitTally> tallies, UnitDirectory units, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(units);
        var ranking = tallies.Select(t => new UnitRecord(t.UnitCode, NameOf(t.UnitCode, units), t.DoneOnTime, t.DoneLate, t.Open, t.Overdue))
            .OrderBy(r => r.OnTimeRate is null ? 1 : 0).ThenByDescending(r => r.OnTimeRate ?? 0).ThenBy(r => r.Overdue).ThenByDescending(r => r.Done)
            .ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
        return new Report(period, now, ranking);
    }

    /// <summary>The report over whole assignments (a directive's, which are read anyway).</summary>
    public static Report Of(ReportPeriod period, IEnumerable<Assignment> assignments, UnitDirectory units, DateTimeOffset now) =>
        Of(period, ReportTally.Of(assignments, now), units, now);

    /// <summary>
    /// The report's lines, unit by unit in ranking order and each unit's by deadline, then id: <paramref name="workOf"/>
    /// gives a unit's work and <paramref name="progressOf"/> the latest progress said of some of it, so only one unit's
    /// work is in memory at a time.
    /// </summary>
    public static IEnumerable<ReportLine> LinesOf(Report report, Func<string, IEnumerable<Assignment>> workOf,
        Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, string>> progressOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(workOf);
        ArgumentNullException.ThrowIfNull(progressOf);
        foreach (var unit in report.Ranking)
        {
            var work = workOf(unit.UnitCode).ToList();
            work.Sort((x, y) => Nullable.Compare(x.DueBefore, y.DueBefore) is var byDue and not 0 ? byDue : string.CompareOrdinal(x.Id, y.Id));
            var progress = progressOf([.. work.Select(a => a.Id)]);
            foreach (var a in work) yield return new ReportLine(a, unit.UnitName, StatusOf(a, report.At), progress.GetValueOrDefault(a.Id));
        }
    }

    private static string NameOf(string unitCode, UnitDirectory units) => units.ByCode(unitCode)?.Name ?? unitCode;

    public static ReportStatus StatusOf(Assignment assignment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return StatusOf(assignment.DueBefore, assignment.IsDone ? assignment.Completion!.At : null, now);
    }

    /// <summary>Done before the (possibly extended) deadline or with none is on time; not done and past it is overdue.</summary>
    public static ReportStatus StatusOf(DateTimeOffset? dueBefore, DateTimeOffset? doneAt, DateTimeOffset now) =>
        doneAt is { } done ? (dueBefore is null || done < dueBefore ? ReportStatus.DoneOnTime : ReportStatus.DoneLate)
        : dueBefore is { } due && due <= now ? ReportStatus.Overdue : ReportStatus.Open;

    /// <summary>The status as the workbook and the chart say it.</summary>
    public static string Says(ReportStatus status) => status switch
    {
        ReportStatus.DoneOnTime => Phrases.ReportDoneOnTime,
        ReportStatus.DoneLate => Phrases.ReportDoneLate,
        ReportStatus.Overdue => Phrases.ReportOverdue,
        _ => Phrases.ReportOpen,
    };

    /// <summary>"đến hết ngày 30/11/2023 (từ hết ngày 23/10/2023): chờ số liệu", the latest extension, or null.</summary>
    public static string? ExtensionOf(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Extensions.Count == 0) return null;
        var e = assignment.Extensions[^1];
        return $"đến {Wording.DueInFull(e.To)}{(e.From is { } from ? $" (trước là {Wording.DueInFull(from)})" : "")}: {e.Reason}";
    }
}

/// <summary>The files a report is sent as, made at the edge (Bot: ScottPlot, MiniExcel); the domain only asks.</summary>
public interface IReportFiles
{
    /// <summary>A PNG bar chart of the ranking (Vietnamese labels).</summary>
    byte[] Chart(Report report);

    /// <summary>An .xlsx workbook: a summary sheet by unit and one row per line, written as the lines are read.</summary>
    byte[] Workbook(Report report, IEnumerable<ReportLine> lines);
}

/// <summary>What a period's report reads: work due in [from, to), of every unit or one.</summary>
public interface IReportSource
{
    /// <summary>The work's counts by unit and status as of <paramref name="now"/> (<see cref="Report.StatusOf(DateTimeOffset?, DateTimeOffset?, DateTimeOffset)"/>), read from a summary of each assignment, not the assignments.</summary>
    IReadOnlyList<UnitTally> Tally(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? unitCode = null);

    /// <summary>The assignments themselves, read as a stream (one unit's in deadline order: a workbook's rows).</summary>
    IEnumerable<Assignment> DueBetween(DateTimeOffset from, DateTimeOffset to, string? unitCode = null);
}

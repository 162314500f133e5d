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

/// <summary>One assignment's line in a report (the workbook's second sheet).</summary>
public sealed record ReportLine(Assignment Assignment, string UnitName, ReportStatus Status, string? Progress);

/// <summary>A leaders' report: the units ranked, and the lines they were counted from (in ranking order, then deadline).</summary>
public sealed record Report(ReportPeriod Period, DateTimeOffset At, IReadOnlyList<UnitRecord> Ranking, IReadOnlyList<ReportLine> Lines)
{
    public int Total => Lines.Count;

    /// <summary>
    /// The report over <paramref name="assignments"/> at <paramref name="now"/>. Units are ranked best first: the
    /// higher on-time rate, then fewer overdue, more done, the name; units with nothing due yet last.
    /// </summary>
    public static Report Of(ReportPeriod period, IEnumerable<Assignment> assignments, UnitDirectory units, DateTimeOffset now,
        Func<string, string?>? progressOf = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(units);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var lines = new List<ReportLine>();
        foreach (var a in assignments)
        {
            var status = StatusOf(a, now);
            if (!counts.TryGetValue(a.UnitCode, out var c)) counts[a.UnitCode] = c = new int[4];
            c[(int)status]++;
            lines.Add(new ReportLine(a, units.ByCode(a.UnitCode)?.Name ?? a.UnitCode, status, progressOf?.Invoke(a.Id)));
        }
        var ranking = counts.Select(kv => new UnitRecord(kv.Key, units.ByCode(kv.Key)?.Name ?? kv.Key, kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]))
            .OrderBy(r => r.OnTimeRate is null ? 1 : 0).ThenByDescending(r => r.OnTimeRate ?? 0).ThenBy(r => r.Overdue).ThenByDescending(r => r.Done)
            .ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
        var rank = ranking.Select((r, i) => (r.UnitCode, i)).ToDictionary(x => x.UnitCode, x => x.i, StringComparer.Ordinal);
        lines.Sort((x, y) =>
        {
            var byUnit = rank[x.Assignment.UnitCode].CompareTo(rank[y.Assignment.UnitCode]);
            if (byUnit != 0) return byUnit;
            var byDue = Nullable.Compare(x.Assignment.DueBefore, y.Assignment.DueBefore);
            return byDue != 0 ? byDue : string.CompareOrdinal(x.Assignment.Id, y.Assignment.Id);
        });
        return new Report(period, now, ranking, lines);
    }

    public static ReportStatus StatusOf(Assignment assignment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.IsDone) return assignment.IsDoneOnTime ? ReportStatus.DoneOnTime : ReportStatus.DoneLate;
        return assignment.IsOverdue(now) ? ReportStatus.Overdue : ReportStatus.Open;
    }

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

    /// <summary>An .xlsx workbook: a summary sheet by unit and one row per assignment.</summary>
    byte[] Workbook(Report report);
}

/// <summary>The assignments a period's report counts: due in [from, to), of every unit (or one), read as a stream.</summary>
public interface IReportSource
{
    IEnumerable<Assignment> DueBetween(DateTimeOffset from, DateTimeOffset to, string? unitCode = null);
}

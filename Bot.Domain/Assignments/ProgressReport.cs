namespace Bot.Domain.Assignments;

/// <summary>
/// How far a unit says a task is ("việc 2 đã làm được 60%, còn chờ 3 xã"): a percent and a note, by whom and when,
/// optionally with a file as evidence (kept in the store, by content: <see cref="EvidenceId"/>). The latest one
/// shows in lists, the detail, leaders' reports and the workbook.
/// </summary>
public sealed record ProgressReport
{
    public required string Id { get; init; }

    public required string AssignmentId { get; init; }

    public required int Percent { get; init; }

    public string? Note { get; init; }

    public required string ByPhone { get; init; }

    public required string ByName { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The kept file's id (<see cref="IEvidenceFiles"/>), and its name as sent.</summary>
    public string? EvidenceId { get; init; }

    public string? EvidenceName { get; init; }
}

/// <summary>Progress reports in the store (LiteDB now, PostgreSQL later): added, read back latest first.</summary>
public interface IProgressReports
{
    void Add(ProgressReport report);

    /// <summary>Replaces a report (its evidence was attached).</summary>
    void Update(ProgressReport report);

    /// <summary>The task's latest report, or null.</summary>
    ProgressReport? Latest(string assignmentId);

    /// <summary>The latest report of each of the tasks that has one: one read for a list or a workbook.</summary>
    IReadOnlyDictionary<string, ProgressReport> Latest(IReadOnlyCollection<string> assignmentIds);

    /// <summary>The latest report made in a chat's recent past by one official (to attach a file sent just after it).</summary>
    ProgressReport? LatestBy(string phone, DateTimeOffset since);
}

/// <summary>Evidence files of progress reports, kept by content (the same file twice is kept once).</summary>
public interface IEvidenceFiles
{
    /// <summary>Keeps the file and returns its id.</summary>
    string Keep(string fileName, byte[] content);

    (string FileName, byte[] Content)? Open(string id);
}

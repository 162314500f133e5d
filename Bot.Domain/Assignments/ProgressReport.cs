namespace Bot.Domain.Assignments;

/// <summary>
/// How far a unit says a task is ("việc 2 đã làm được 60%, còn chờ 3 xã"): a percent and a note, by whom and when,
/// The latest one shows in lists, the detail, leaders' reports and the workbook.
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

    /// <summary>Files sent with it or right after it as evidence (a photo, a PDF, a DOCX), kept in the store.</summary>
    public IReadOnlyList<EvidenceFile> Files { get; init; } = [];
}

/// <summary>An evidence file of a progress report: its id in the store's files (<see cref="Desk.IOriginalFiles"/>), its name and size.</summary>
public sealed record EvidenceFile(string Id, string FileName, long Size);

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

    /// <summary>Every report of a task, oldest first (its evidence files).</summary>
    IReadOnlyList<ProgressReport> OfAssignment(string assignmentId);
}

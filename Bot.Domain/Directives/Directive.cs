namespace Bot.Domain.Directives;

/// <summary>
/// A directive (công văn, chỉ thị, kế hoạch) as read: its header and the tasks it assigns.
/// The shape of `Bot parse --json` (docs/directive-json.md).
/// </summary>
public sealed record Directive(
    string? Number,
    string? Issuer,
    DateOnly? IssuedOn,
    string? DocumentType,
    string? Subject,
    string? Signer,
    string? SignerTitle,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<DirectiveTask> Tasks)
{
    /// <summary>The urgency mark above the number ("Khẩn", "Thượng khẩn", "Hỏa tốc"), or null.</summary>
    public string? Urgency { get; init; }

    /// <summary>What to check in the header, for a clerk: "chưa rõ cơ quan ban hành", "ngày văn bản lấy theo ngày đăng tin".</summary>
    public IReadOnlyList<string> Review { get; init; } = [];
}

public enum TaskKind
{
    /// <summary>Assigned to units of the government.</summary>
    Task,

    /// <summary>Asked of Party officials or outside bodies ("Kính đề nghị các đồng chí ...").</summary>
    Request,
}

/// <summary>
/// One task of a directive: a leaf of its outline.
/// </summary>
/// <param name="Ref">The outline path: "1.-4", "2.a", "3.b.-2".</param>
/// <param name="Kind">Task or request.</param>
/// <param name="Text">The task's own words from the document.</param>
/// <param name="Lead">Canonical names of the units that carry it (chủ trì).</param>
/// <param name="Support">Canonical names of the units that help (phối hợp).</param>
/// <param name="DeadlineText">The deadline phrase as written, or null.</param>
/// <param name="DueBefore">The exclusive instant by which it must be done, +07:00, or null.</param>
/// <param name="Recurrence">An RFC 5545 RRULE for repeating duties, or null.</param>
public sealed record DirectiveTask(
    string Ref,
    TaskKind Kind,
    string Text,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Support,
    string? DeadlineText,
    DateTimeOffset? DueBefore,
    string? Recurrence)
{
    /// <summary>How sure the reader is of the task and each of its fields, and what a clerk should check.</summary>
    public TaskConfidence Confidence { get; init; } = TaskConfidence.Unrated;
}

/// <summary>
/// How sure the reader is (0–1) of a task, of its lead, its support and its deadline, with what to check
/// first, as short Vietnamese phrases a clerk understands ("chưa rõ đơn vị chủ trì").
/// </summary>
public sealed record TaskConfidence(double Overall, double Lead, double Support, double Deadline, IReadOnlyList<string> Review)
{
    /// <summary>A task not rated by the reader (one stored before ratings, or made by hand).</summary>
    public static readonly TaskConfidence Unrated = new(1, 1, 1, 1, []);
}

using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using LiteDB;

namespace Bot.Storage;

// The shapes kept in the LiteDB file. Plain settable classes: LiteDB builds them by reflection.
// Fields named *Key and Open* exist only to be indexed (see BotStore.EnsureIndexes).

internal sealed class AssignmentDoc
{
    public string Id { get; set; } = "";
    public string DirectiveId { get; set; } = "";
    public string? DirectiveNumber { get; set; }
    public string? DirectiveSubject { get; set; }
    public DateOnly? DirectiveIssuedOn { get; set; }
    public string TaskId { get; set; } = "";
    public string TaskRef { get; set; } = "";
    public string TaskText { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public UnitPart Part { get; set; }
    public DateOnly? Period { get; set; }
    public DateTimeOffset? DueBefore { get; set; }
    public string? DeadlineText { get; set; }
    public string? Recurrence { get; set; }
    public AssignmentStatus Status { get; set; }
    public CompletionDoc? Completion { get; set; }
    public List<ExtensionDoc> Extensions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>"UNIT|ticks|id" while not done: a unit's open work in deadline order, readable from the index alone.</summary>
    public string? OpenKey { get; set; }

    /// <summary>The deadline while not done: due-soon and overdue across units.</summary>
    public DateTimeOffset? OpenDue { get; set; }

    /// <summary>"ticks|UNIT|id" while not done and due: the reminders' window across units, readable from the index alone.</summary>
    public string? OpenDueKey { get; set; }

    /// <summary>"directiveId|UNIT": one unit's share of a directive.</summary>
    public string DirectiveUnitKey { get; set; } = "";

    /// <summary>"ticks|UNIT|doneTicks" (done ticks empty while not done) when due: a period's report tallied from the index alone.</summary>
    public string? DueKey { get; set; }

    /// <summary>"UNIT|ticks|id|doneTicks" when due: a unit's work of a period in deadline order (a workbook's rows), and its tally from the index.</summary>
    public string? UnitDueKey { get; set; }
}

internal sealed class CompletionDoc
{
    public string ByPhone { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

internal sealed class ExtensionDoc
{
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset To { get; set; }
    public string Reason { get; set; } = "";
    public string ApprovedByPhone { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal sealed class DirectiveDoc
{
    public string Id { get; set; } = "";
    public string? Number { get; set; }

    /// <summary>The number folded, for finding a directive by number as people type it.</summary>
    public string? NumberKey { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? DocumentType { get; set; }
    public string? Subject { get; set; }
    public string? Signer { get; set; }
    public string? SignerTitle { get; set; }
    public List<string> Recipients { get; set; } = [];
    public string ContentHash { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public bool Published { get; set; }
    public int NextTaskNumber { get; set; }
    public List<string> RelatedUnitCodes { get; set; } = [];
    public List<TaskDoc> Tasks { get; set; } = [];
    public string? OriginalId { get; set; }
    public List<CorrectionDoc> Corrections { get; set; } = [];
}

internal sealed class CorrectionDoc
{
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public string ByPhone { get; set; } = "";
    public List<ChangeDoc> Changes { get; set; } = [];
}

internal sealed class ChangeDoc
{
    public ChangeKind Kind { get; set; }
    public string? TaskId { get; set; }
    public string Ref { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> UnitsBefore { get; set; } = [];
    public List<string> UnitsAfter { get; set; } = [];
    public int? Number { get; set; }
    public DateTimeOffset? DueBefore { get; set; }
    public DateTimeOffset? DueAfter { get; set; }
    public string? RepeatBefore { get; set; }
    public string? RepeatAfter { get; set; }
    public string? TextBefore { get; set; }
}

internal sealed class TaskDoc
{
    public string Id { get; set; } = "";
    public string Ref { get; set; } = "";
    public TaskKind Kind { get; set; }
    public string Text { get; set; } = "";
    public List<string> Lead { get; set; } = [];
    public List<string> Support { get; set; } = [];
    public string? DeadlineText { get; set; }
    public DateTimeOffset? DueBefore { get; set; }
    public string? Recurrence { get; set; }
}

internal sealed class OfficialDoc
{
    /// <summary>The normalised phone.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public Role Role { get; set; }
    public List<ChatAccountDoc> ChatAccounts { get; set; } = [];

    /// <summary>"channel:userId" of each linked account, for the multi-key index.</summary>
    public List<string> AccountKeys { get; set; } = [];
}

internal sealed class ChatAccountDoc
{
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";
}

internal sealed class AuditDoc
{
    public ObjectId? Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string ByPhone { get; set; } = "";
    public string Action { get; set; } = "";
    public string? AssignmentId { get; set; }
    public string? DirectiveId { get; set; }
    public string Detail { get; set; } = "";
}

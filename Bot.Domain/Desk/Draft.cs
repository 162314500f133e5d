using Bot.Domain.Assignments;
using Bot.Domain.Directives;

namespace Bot.Domain.Desk;

/// <summary>
/// One task of a draft: as the reader found it or as the office changed it. <see cref="DeadlineProposed"/>
/// marks a deadline the desk proposed (the directive gave none): shown with ⚠ and <see cref="ProposedWhy"/> until the office sets one.
/// </summary>
public sealed record DraftTask(DirectiveTask Task, bool DeadlineProposed = false, string? ProposedWhy = null);

/// <summary>What the next typed message of the draft's owner is for: a task's new units or deadline, or a new task.</summary>
/// <param name="TaskNumber">The task (1-based) being edited; 0 for a task to add.</param>
/// <param name="Since">When the office asked: an old question is not answered by today's message.</param>
public sealed record DraftInput(int TaskNumber, DateTimeOffset Since);

/// <summary>
/// A directive received in chat and not yet published: what the reader made of it, as the office edits it,
/// with the original file kept. Stored, so a restart between the review card and "✅ Giao việc" loses nothing.
/// </summary>
/// <param name="Id">Short and random: it is in the card's buttons.</param>
/// <param name="OwnerPhone">The official who sent it; only they (or an admin) act on it.</param>
/// <param name="Chat">Where its card is ("telegram:1001").</param>
/// <param name="Directive">The header as read; its tasks are <see cref="Tasks"/>.</param>
/// <param name="Text">The text it was read from (what imports hash).</param>
/// <param name="FileName">The file's name as sent.</param>
/// <param name="OriginalId">The original file in the store.</param>
/// <param name="Tasks">The tasks as they will be published.</param>
/// <param name="RelatedUnitCodes">The units chosen for "Các cơ quan, đơn vị liên quan".</param>
public sealed record Draft(
    string Id,
    string OwnerPhone,
    string Chat,
    Directive Directive,
    string Text,
    string FileName,
    string OriginalId,
    IReadOnlyList<DraftTask> Tasks,
    IReadOnlyList<string> RelatedUnitCodes,
    DateTimeOffset CreatedAt)
{
    /// <summary>What the owner's next typed message is for, or null.</summary>
    public DraftInput? Awaiting { get; init; }

    /// <summary>What publishing hands to the importer: the header with the tasks as edited.</summary>
    public ReadDirective ToRead() => new(Directive with { Tasks = [.. Tasks.Select(t => t.Task)] }, Text, FileName) { OriginalId = OriginalId };
}

/// <summary>Where drafts are kept until they are published or cancelled (LiteDB now, PostgreSQL later).</summary>
public interface IDraftStore
{
    void Save(Draft draft);

    Draft? Find(string id);

    /// <summary>The chat's latest draft (where a typed edit goes), or null.</summary>
    Draft? Latest(string chat);

    void Delete(string id);
}

/// <summary>
/// The original files of directives, kept as they were sent, so they can be sent back on request.
/// Keyed by content: the same file twice is kept once.
/// </summary>
public interface IOriginalFiles
{
    /// <summary>Keeps a file; returns its id.</summary>
    string Keep(string fileName, byte[] content);

    /// <summary>The file's name and content, or null.</summary>
    (string FileName, byte[] Content)? Open(string id);
}

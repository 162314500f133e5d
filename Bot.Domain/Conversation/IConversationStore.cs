namespace Bot.Domain.Conversation;

/// <summary>
/// A list of tasks as shown to someone: the numbers they type ("xong việc 3") and the "Xem thêm"
/// page refer to it, so it is kept in the store and survives a restart.
/// </summary>
/// <param name="Id">Short id, used in button data.</param>
/// <param name="Chat">The chat it was shown in (channel:chat).</param>
/// <param name="Title">The heading, e.g. "Việc còn phải làm".</param>
/// <param name="AssignmentIds">The tasks in the order shown; number n is AssignmentIds[n-1].</param>
public sealed record TaskList(string Id, string Chat, string Title, IReadOnlyList<string> AssignmentIds, DateTimeOffset At)
{
    /// <summary>The unit whose work it is, when not the viewer's own (a leader looking at a commune).</summary>
    public string? UnitCode { get; init; }

    /// <summary>
    /// For a list of units rather than tasks (a ranking that pages, <see cref="AssignmentIds"/> then
    /// holds unit codes): what they are ranked by, e.g. "overdue" or "directive:1259". Null for tasks.
    /// </summary>
    public string? RankedBy { get; init; }

    /// <summary>The page last shown (0 is the first), so a typed "xem thêm" goes on from it.</summary>
    public int Page { get; init; }
}

/// <summary>The conversation's own memory, kept beside the assignments (LiteDB now): shown lists, focus, invites, the button key.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Keeps a shown list; it becomes its chat's last. May be written behind; <paramref name="writeNow"/> when
    /// another process on the store may be asked about it (a reminder's list, tapped in `serve`).
    /// </summary>
    void SaveList(TaskList list, bool writeNow = false);

    TaskList? GetList(string id);

    /// <summary>The last list shown in a chat.</summary>
    TaskList? LastList(string chat);

    /// <summary>The task last shown in detail in a chat: "đã hoàn thành" without a number means it.</summary>
    void SetFocus(string chat, string assignmentId);

    string? Focus(string chat);

    /// <summary>An invite for a phone number, good until <paramref name="expires"/>; returns its code.</summary>
    string CreateInvite(string phone, DateTimeOffset expires);

    /// <summary>The phone an invite code was made for, once; null when unknown, used or expired.</summary>
    string? RedeemInvite(string code, DateTimeOffset now);

    /// <summary>The key that signs buttons: made once, kept with the memory, the same for every process on this store.</summary>
    byte[] ButtonKey();
}

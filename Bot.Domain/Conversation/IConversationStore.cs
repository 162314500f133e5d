namespace Bot.Domain.Conversation;

/// <summary>
/// A list of tasks as shown to someone: the numbers they type ("xong việc 3") and the "Xem thêm"
/// page refer to it, so it is kept in the store and survives a restart.
/// </summary>
/// <param name="Id">Short id, used in button data.</param>
/// <param name="Chat">The chat it was shown in (channel:chat).</param>
/// <param name="Title">The heading, e.g. "Việc còn phải làm".</param>
/// <param name="AssignmentIds">The tasks in the order shown; number n is AssignmentIds[n-1].</param>
public sealed record TaskList(string Id, string Chat, string Title, IReadOnlyList<string> AssignmentIds, DateTimeOffset At);

/// <summary>What an official asked of the reminders: daily digest, muted tasks, snoozes.</summary>
public sealed record OfficialPreferences(string Phone)
{
    public bool Digest { get; init; }

    public bool MutedAll { get; init; }

    public IReadOnlySet<string> MutedAssignments { get; init; } = new HashSet<string>();

    /// <summary>Per assignment: no reminder before this instant.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Snoozed { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>The channel refused to deliver (blocked the bot): the office is told in its digest.</summary>
    public DateTimeOffset? UnreachableSince { get; init; }
}

/// <summary>The conversation's own memory, kept beside the assignments (LiteDB now).</summary>
public interface IConversationStore
{
    void SaveList(TaskList list);

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

    OfficialPreferences Preferences(string phone);

    void SavePreferences(OfficialPreferences preferences);

    IReadOnlyList<OfficialPreferences> AllPreferences();
}

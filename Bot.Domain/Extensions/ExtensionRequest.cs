using Bot.Domain.Organization;

namespace Bot.Domain.Extensions;

/// <summary>Where an extension request (xin gia hạn) stands. Drafting and Asked are open: a task has at most one open request.</summary>
public enum ExtensionState
{
    /// <summary>The official is still saying the new date or the reason.</summary>
    Drafting,

    /// <summary>Sent to the approvers; nobody decided yet.</summary>
    Asked,
    Approved,
    Rejected,

    /// <summary>The official said «hủy», or let the drafting lapse.</summary>
    Cancelled,
}

/// <summary>What an approver is typing after a tap: the reason of a refusal, or another date.</summary>
public enum ExtensionAnswer { RejectReason, OtherDate }

/// <summary>
/// A unit's request to move one assignment's deadline, from the first words to the decision. Its id is short
/// (it travels in button data). <see cref="Number"/> counts the task's requests (1, 2, …), so the outbox keys
/// a request's messages apart from the next one's.
/// </summary>
public sealed record ExtensionRequest
{
    public required string Id { get; init; }

    public required string AssignmentId { get; init; }

    public required int Number { get; init; }

    /// <summary>Who asks, and the chat it was asked in (channel:chat), where the drafting continues.</summary>
    public required string ByPhone { get; init; }

    public required string ByName { get; init; }

    public required string Chat { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The last turn of the drafting (it lapses after <see cref="ExtensionRules.DraftingWindow"/>).</summary>
    public required DateTimeOffset TouchedAt { get; init; }

    public ExtensionState State { get; init; }

    /// <summary>The deadline when asked (exclusive), to tell the approver what moves.</summary>
    public DateTimeOffset? CurrentDue { get; init; }

    /// <summary>The new exclusive deadline asked for.</summary>
    public DateTimeOffset? AskedDue { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? AskedAt { get; init; }

    /// <summary>When the approvers were reminded of it (once, after a working day).</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>An approver's question in progress: who, in which chat, and what they are typing.</summary>
    public string? AnsweringChat { get; init; }

    public string? AnsweringPhone { get; init; }

    public ExtensionAnswer? Answering { get; init; }

    public DateTimeOffset? AnsweringSince { get; init; }

    public string? DecidedByPhone { get; init; }

    public string? DecidedByName { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The deadline granted (the asked one, or the approver's other date).</summary>
    public DateTimeOffset? GrantedDue { get; init; }

    /// <summary>Why it was refused.</summary>
    public string? Answer { get; init; }

    public bool IsOpen => State is ExtensionState.Drafting or ExtensionState.Asked;
}

/// <summary>
/// Extension requests in the store (LiteDB now, PostgreSQL later). A task has at most one open request
/// (<see cref="TryOpen"/> refuses a second); every change is a compare-and-set on the state, so two approvers
/// tapping at once give one decision.
/// </summary>
public interface IExtensionRequests
{
    ExtensionRequest? Get(string id);

    /// <summary>The task's open request (drafting or asked), if any.</summary>
    ExtensionRequest? OpenOf(string assignmentId);

    /// <summary>How many requests the task has had (open or not): the next one's <see cref="ExtensionRequest.Number"/> is one more.</summary>
    int CountOf(string assignmentId);

    /// <summary>The request being drafted in a chat, if any.</summary>
    ExtensionRequest? DraftingIn(string chat);

    /// <summary>The asked request an approver is typing an answer for in a chat, if any.</summary>
    ExtensionRequest? AnsweringIn(string chat);

    /// <summary>Stores a new drafting request unless the task has an open one; false then.</summary>
    bool TryOpen(ExtensionRequest request);

    /// <summary>Replaces the request if it is still in <paramref name="expected"/>; false when someone changed it first.</summary>
    bool TryUpdate(ExtensionRequest request, ExtensionState expected);

    /// <summary>Asked requests nobody decided and the approvers were not reminded of yet (few: read them all).</summary>
    IReadOnlyList<ExtensionRequest> Unanswered();

    /// <summary>The task's requests, oldest first (its detail, the workbook).</summary>
    IReadOnlyList<ExtensionRequest> OfAssignment(string assignmentId);
}

/// <summary>
/// Who decides extensions (<c>Extensions:Approvers</c>): roles of the directory ("Office", "DistrictLeader"), or
/// phone numbers of named people; admins always may.
/// </summary>
public sealed record ExtensionPolicy(IReadOnlyList<string> Approvers)
{
    public static ExtensionPolicy Default { get; } = new(["Office"]);

    public static ExtensionPolicy Parse(string? setting) =>
        string.IsNullOrWhiteSpace(setting) ? Default : new([.. setting.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);

    public bool MayDecide(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return official.Role == Role.Admin || Approvers.Any(a => Names(official, a));
    }

    /// <summary>The approvers of the directory, in phone order (admins only when nobody else is named).</summary>
    public IReadOnlyList<Official> Of(IEnumerable<Official> officials)
    {
        ArgumentNullException.ThrowIfNull(officials);
        var all = officials.ToList();
        var named = all.Where(o => o.Role != Role.Admin && MayDecide(o)).OrderBy(o => o.Phone, StringComparer.Ordinal).ToList();
        return named.Count > 0 ? named : [.. all.Where(o => o.Role == Role.Admin).OrderBy(o => o.Phone, StringComparer.Ordinal)];
    }

    private static bool Names(Official official, string approver) =>
        Enum.TryParse<Role>(approver, ignoreCase: true, out var role) && !approver.All(char.IsAsciiDigit)
            ? official.Role == role
            : PhoneNumber.TryNormalize(approver, out var phone) && phone == official.Phone;
}

/// <summary>The pure rules of a request: what date it may ask, how long drafting waits.</summary>
public static class ExtensionRules
{
    /// <summary>A request left half-said for this long lapses: the next words are read as anything else.</summary>
    public static readonly TimeSpan DraftingWindow = TimeSpan.FromMinutes(30);

    /// <summary>Whether a drafting request is still waiting for its official's words.</summary>
    public static bool StillDrafting(ExtensionRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.State == ExtensionState.Drafting && now - request.TouchedAt < DraftingWindow;
    }

    /// <summary>A new deadline must be later than the current one and than now.</summary>
    public static bool Later(DateTimeOffset newDue, DateTimeOffset? currentDue, DateTimeOffset now) =>
        newDue > now && (currentDue is not { } due || newDue > due);
}

/// <summary>
/// A request nobody answered is put to the approvers again after one working day (same time of day, the next
/// working day), once. Pure: the reminder pass records what this returns.
/// </summary>
public static class ExtensionFollowUps
{
    public static DateTimeOffset DueAt(ExtensionRequest request, Bot.Domain.Calendar.IWorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        var asked = Bot.Domain.Time.VietnamTime.ToLocal(request.AskedAt ?? request.StartedAt);
        var day = Bot.Domain.Calendar.WorkCalendarExtensions.AddWorkingDays(calendar, DateOnly.FromDateTime(asked), 1);
        return Bot.Domain.Time.VietnamTime.StartOfDay(day) + asked.TimeOfDay;
    }

    /// <summary>The reminders due now: one nudge per approver for each request asked a working day ago and still unanswered.</summary>
    public static (Bot.Domain.Reminders.NudgePlan Plan, IReadOnlyList<ExtensionRequest> Reminded) Plan(
        IReadOnlyList<ExtensionRequest> unanswered, IReadOnlyList<Official> approvers, Func<string, DateTimeOffset?> dueOf,
        Bot.Domain.Calendar.IWorkCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unanswered);
        ArgumentNullException.ThrowIfNull(approvers);
        ArgumentNullException.ThrowIfNull(dueOf);
        var bundles = new List<Bot.Domain.Reminders.NudgeBundle>();
        var reminded = new List<ExtensionRequest>();
        foreach (var request in unanswered.Where(r => r.State == ExtensionState.Asked && r.RemindedAt is null && DueAt(r, calendar) <= now))
        {
            var due = dueOf(request.AssignmentId) ?? request.AskedDue!.Value;
            foreach (var approver in approvers.Where(o => o.ChatAccounts.Count > 0 && o.Phone != request.ByPhone))
                bundles.Add(new(approver.Phone, [new(request.AssignmentId, approver.Phone, Bot.Domain.Reminders.NudgeKind.ExtensionReminder, request.Number, due, now)]));
            reminded.Add(request with { RemindedAt = now });
        }
        return (new(bundles, []), reminded);
    }
}

using System.Collections.Immutable;
using System.Globalization;

namespace Bot.Domain.Reminders;

/// <summary>Which reminder in an assignment's schedule.</summary>
public enum NudgeKind
{
    /// <summary>N working days before the due day.</summary>
    Before,

    /// <summary>The morning of the due day.</summary>
    DueToday,

    /// <summary>The N-th working day after the deadline passed.</summary>
    Overdue,

    /// <summary>Late past every overdue reminder: the unit head and the district office are told.</summary>
    Escalation,

    /// <summary>A directive was published: the unit's officials hear of its work ("📌 Việc mới").</summary>
    NewTask,

    /// <summary>An extension request to an approver (the step is the request's number for its task).</summary>
    ExtensionAsked,

    /// <summary>The same request, again, when nobody answered it for a working day.</summary>
    ExtensionReminder,

    /// <summary>The decision on an extension request, to the official who asked.</summary>
    ExtensionDecided,

    /// <summary>
    /// A corrected version was published ("📝 … đã được sửa"): what changed for the official's unit. Its
    /// <see cref="Nudge.AssignmentId"/> names the directive, its step the correction's number, its due instant when it was published.
    /// </summary>
    Corrected,
}

/// <summary>What kinds of nudge say.</summary>
public static class NudgeKinds
{
    /// <summary>
    /// Announcements of published work (new tasks, corrections) rather than reminders: they do not count toward an
    /// official's daily cap of reminder messages, so a busy day of publishing never holds back a reminder.
    /// </summary>
    public static bool IsAnnouncement(NudgeKind kind) => kind is NudgeKind.NewTask or NudgeKind.Corrected;
}

/// <summary>
/// One open assignment as the planner needs it: who to nudge, by when it is due, and what the people
/// asked for (mute, snooze). The host builds these from the store.
/// </summary>
/// <param name="AssignmentId">The assignment.</param>
/// <param name="DueBefore">Its exclusive deadline (an extension changes it and so re-plans the nudges).</param>
/// <param name="Officials">Officials of the unit that carry it.</param>
/// <param name="EscalateTo">The unit head and the district office's officials.</param>
/// <param name="MutedBy">Officials who turned off nudges for this assignment (or for all).</param>
/// <param name="SnoozedUntil">Per official: no nudge before this instant.</param>
public sealed record NudgeTarget(
    string AssignmentId,
    DateTimeOffset DueBefore,
    ImmutableArray<string> Officials,
    ImmutableArray<string> EscalateTo,
    IReadOnlySet<string>? MutedBy = null,
    IReadOnlyDictionary<string, DateTimeOffset>? SnoozedUntil = null);

/// <summary>
/// One reminder for one official about one assignment. <see cref="Key"/> is unique for (assignment,
/// deadline, kind, step, official): the outbox stores it before sending, so nothing goes twice.
/// </summary>
public sealed record Nudge(string AssignmentId, string OfficialId, NudgeKind Kind, int Step, DateTimeOffset DueBefore, DateTimeOffset PlannedAt)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{AssignmentId}|{DueBefore.UtcTicks}|{Kind}|{Step}|{OfficialId}");

    /// <summary>The kind a <see cref="Key"/> was made with (read from its end: an assignment id may hold anything).</summary>
    public static NudgeKind KindOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var official = key.LastIndexOf('|');
        var step = key.LastIndexOf('|', official - 1);
        var kind = key.LastIndexOf('|', step - 1);
        return Enum.Parse<NudgeKind>(key.AsSpan(kind + 1, step - kind - 1));
    }

    /// <summary>
    /// Whether a message of this kind uses the official's daily quota of reminders
    /// (<see cref="ReminderPolicy.MaxMessagesPerOfficialPerDay"/>). Announcements of published work do not
    /// (<see cref="NudgeKinds.IsAnnouncement"/>: a busy day of publishing never holds back a reminder), nor do
    /// extension requests and decisions: they answer something a person asked, and an approver's own reminders
    /// must not wait a day behind them.
    /// </summary>
    public static bool CountsTowardDailyCap(NudgeKind kind) =>
        !NudgeKinds.IsAnnouncement(kind) && kind is not (NudgeKind.ExtensionAsked or NudgeKind.ExtensionReminder or NudgeKind.ExtensionDecided);

    /// <summary>The kinds that do not (<see cref="CountsTowardDailyCap"/>), as the stores filter them.</summary>
    public static IReadOnlyList<NudgeKind> OutsideDailyCap { get; } = [.. Enum.GetValues<NudgeKind>().Where(k => !CountsTowardDailyCap(k))];
}

/// <summary>
/// What one planner pass decided: nudges to send now, grouped per official, and older ones to mark as passed over;
/// <paramref name="HeldBack"/>: the assignments whose nudges the daily quota held back until the next day.
/// </summary>
public sealed record NudgePlan(IReadOnlyList<NudgeBundle> Bundles, IReadOnlyList<Nudge> PassedOver, IReadOnlyCollection<string>? HeldBack = null);

/// <summary>All of one official's nudges due at one moment: one message.</summary>
public sealed record NudgeBundle(string OfficialId, IReadOnlyList<Nudge> Nudges);

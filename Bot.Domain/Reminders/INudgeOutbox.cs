namespace Bot.Domain.Reminders;

/// <summary>What an outbox message is: nudges for one official, or their daily digest.</summary>
public enum OutboxKind
{
    Nudges,
    Digest,

    /// <summary>The Monday digest of leaders and the office: the ranking, and what became overdue that week.</summary>
    WeeklyDigest,
}

/// <summary>Where an outbox message stands. Only <see cref="Pending"/> is ever (re)sent.</summary>
public enum OutboxState
{
    Pending,
    Sent,

    /// <summary>The channel refused for good (blocked, no chat account).</summary>
    Failed,

    /// <summary>Nothing left to say when it was its turn (the tasks were done meanwhile).</summary>
    PassedOver,

    /// <summary>
    /// The person could not be written to (blocked the bot, or Zalo's 7-day window closed): kept, and
    /// pending again when they write, while it is still worth sending (<see cref="WaitingMessages"/>).
    /// </summary>
    Waiting,
}

/// <summary>What becomes of a message that waits for its person to write again.</summary>
public static class WaitingMessages
{
    /// <summary>Longer than this, a newer reminder has long replaced it.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether a waiting message still says something worth sending now: a digest on its own day; nudges
    /// within <see cref="KeptFor"/> when one of them is about lateness (overdue, escalation) or its
    /// deadline is still ahead ("3 ngày nữa đến hạn" after the deadline would be wrong).
    /// </summary>
    public static bool StillWorthSending(OutboxMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind is OutboxKind.Digest or OutboxKind.WeeklyDigest)
            return DateOnly.FromDateTime(Time.VietnamTime.ToLocal(message.CreatedAt)) == DateOnly.FromDateTime(Time.VietnamTime.ToLocal(now));
        return now - message.CreatedAt <= KeptFor
            && message.Nudges.Any(n => n.Kind is NudgeKind.Overdue or NudgeKind.Escalation or NudgeKind.Corrected || n.DueBefore > now);
    }
}

/// <summary>One message to deliver: recorded before it is sent, so a crash loses nothing.</summary>
/// <param name="Id">The outbox id (a delivery job's only argument). A digest's id is its dedupe key.</param>
/// <param name="OfficialPhone">Who gets it.</param>
/// <param name="Nudges">What it reminds of (empty for a digest).</param>
public sealed record OutboxMessage(
    string Id,
    OutboxKind Kind,
    string OfficialPhone,
    IReadOnlyList<Nudge> Nudges,
    DateTimeOffset CreatedAt,
    OutboxState State,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    string? ChannelMessageId,
    DateTimeOffset? DoneAt,
    string? Error);

/// <summary>
/// The reminders' outbox: every nudge is written here, keyed by <see cref="Nudge.Key"/>, before it
/// is sent; a key can be recorded once only. The store is the truth the planner and the delivery
/// jobs read back.
/// </summary>
public interface INudgeOutbox
{
    /// <summary>
    /// Records a planner pass, all or nothing: each bundle becomes one pending message (with only
    /// the nudges whose keys are new), passed-over nudges are recorded as such. Returns the ids of
    /// the new messages.
    /// </summary>
    IReadOnlyList<string> Record(NudgePlan plan, DateTimeOffset now);

    /// <summary>Records an official's digest for a day; null when that day's digest was recorded before.</summary>
    string? RecordDigest(string officialPhone, DateOnly day, DateTimeOffset now);

    /// <summary>Records an official's weekly digest for the week starting <paramref name="monday"/>; null when recorded before.</summary>
    string? RecordWeeklyDigest(string officialPhone, DateOnly monday, DateTimeOffset now);

    /// <summary>Recorded nudges (sent, pending or passed over) of deadlines in [dueFrom, dueTo].</summary>
    HandledNudges Handled(DateTimeOffset dueFrom, DateTimeOffset dueTo);

    /// <summary>Nudges recorded at or after an instant (sent, pending or passed over): what a pass adds to what it read before.</summary>
    IReadOnlyList<Nudge> RecordedSince(DateTimeOffset since);

    /// <summary>
    /// Per official: nudge messages recorded since <paramref name="since"/> and not given up (pending or sent), that
    /// use the daily quota: those holding a nudge of a kind that counts (<see cref="Nudge.CountsTowardDailyCap"/>;
    /// announcements and extension messages do not).
    /// </summary>
    IReadOnlyDictionary<string, int> MessagesSince(DateTimeOffset since);

    /// <summary>Ids of messages still to deliver, oldest first; with a cutoff, only those not tried (nor created) since.</summary>
    IReadOnlyList<string> Pending(DateTimeOffset? notTriedSince = null);

    OutboxMessage? Get(string id);

    /// <summary>
    /// Takes a pending message for <paramref name="node"/> to send, for <paramref name="lease"/>: false when it is no
    /// longer pending or another node holds it. Several nodes on one store send each message once; a node that
    /// dies holding one lets it go when the lease ends. The same node may claim again (a retry).
    /// </summary>
    bool Claim(string id, string node, DateTimeOffset now, TimeSpan lease);

    /// <summary>Counts a delivery attempt (kept for the record and for stale-message recovery).</summary>
    void Attempted(string id, DateTimeOffset at);

    void MarkSent(string id, string channelMessageId, DateTimeOffset at);

    /// <summary>Several sends marked in one transaction (group commit: one disk flush for many deliveries).</summary>
    void MarkSent(IReadOnlyList<(string Id, string ChannelMessageId, DateTimeOffset At)> sent);

    void MarkFailed(string id, string reason, DateTimeOffset at);

    void MarkPassedOver(string id, DateTimeOffset at);

    /// <summary>The person cannot be written to now: the message waits for them (<see cref="OutboxState.Waiting"/>).</summary>
    void MarkWaiting(string id, string reason, DateTimeOffset at);

    /// <summary>Messages waiting for their person, oldest first.</summary>
    IReadOnlyList<OutboxMessage> Waiting();

    /// <summary>A waiting message is pending again (its person wrote).</summary>
    void Wake(string id, DateTimeOffset at);
}

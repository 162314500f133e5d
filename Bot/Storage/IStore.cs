using Bot.Channels.Zalo;
using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Desk;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;

namespace Bot.Storage;

/// <summary>
/// The bot's store as a whole, whichever holds it (<see cref="BotStore"/>: one LiteDB file;
/// <see cref="Postgres.PgStore"/>: a PostgreSQL database several nodes share). The composition root
/// opens one (<c>Storage:Provider</c>) and hands out its parts; `migrate` copies one into another.
/// </summary>
public interface IStore : IDisposable
{
    IAssignmentStore Assignments { get; }

    IDirectoryStore Directory { get; }

    IConversationStore Conversation { get; }

    IPreferenceStore Preferences { get; }

    INudgeOutbox Outbox { get; }

    IDraftStore Drafts { get; }

    IOriginalFiles Originals { get; }

    IZaloStore Zalo { get; }

    /// <summary>Work that must run on one node at a time (the reminder pass), and updates handled once.</summary>
    INodeCoordination Nodes { get; }

    /// <summary>Extension requests (xin gia hạn), from drafting to the decision.</summary>
    Bot.Domain.Extensions.IExtensionRequests Extensions { get; }

    /// <summary>Progress in part ("đã làm được 60%").</summary>
    IProgressReports Progress { get; }

    /// <summary>What leaders' reports read: the work due in a period.</summary>
    Bot.Domain.Reports.IReportSource ReportSource { get; }

    /// <summary>A count of the writes the reminder pass depends on (work, directory, preferences).</summary>
    IWorkChanges WorkChanges { get; }
}

/// <summary>
/// What several nodes on one store agree on. One process on a LiteDB file agrees with itself (a lock,
/// a memory of recent updates); on PostgreSQL it is the database (an advisory lock, a table of update ids).
/// </summary>
public interface INodeCoordination
{
    /// <summary>
    /// How long a node has an update it claimed before another may take it: far past a turn (milliseconds, or
    /// seconds when a channel makes replies wait), so only a node that died or hung loses its updates to another.
    /// </summary>
    static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    /// <summary>The lock named <paramref name="name"/> if no other node holds it now, else null. Dispose releases it.</summary>
    IDisposable? TryRunAlone(string name);

    /// <summary>
    /// Takes a channel's update for this node unless it was handled, or another claim on it is younger than
    /// <see cref="ClaimLease"/>. <paramref name="payload"/> keeps what the update said, for
    /// <see cref="TakeAbandoned"/> when the channel will not deliver it again (an event answered 200 and queued).
    /// </summary>
    UpdateClaim Claim(string channel, long updateId, string? payload = null);

    /// <summary>The update claimed was handled (answered, or failed with an apology): it is never handled again.</summary>
    void Handled(string channel, long updateId);

    /// <summary>
    /// Up to <paramref name="max"/> payloads of a channel's updates claimed with one and never handled by a node that
    /// died: claimed again, now by this node. A live node's queued updates are never taken from it.
    /// </summary>
    IReadOnlyList<(long UpdateId, string Payload)> TakeAbandoned(string channel, int max);
}

/// <summary>What a node made of its claim on an update.</summary>
public enum UpdateClaim
{
    /// <summary>This node has it: handle it, then say <see cref="INodeCoordination.Handled"/>.</summary>
    Mine,

    /// <summary>It was handled: nothing to do.</summary>
    Handled,

    /// <summary>A node has it in hand (this one, or another): ask for it again later, when it is handled or abandoned.</summary>
    InHand,
}

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
    /// <summary>The lock named <paramref name="name"/> if no other node holds it now, else null. Dispose releases it.</summary>
    IDisposable? TryRunAlone(string name);

    /// <summary>True the first time a channel's update id is seen on this store: the one node that handles it.</summary>
    bool FirstTime(string channel, long updateId);
}

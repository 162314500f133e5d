using Bot.Channels.Zalo;
using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Desk;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>
/// The bot's store in PostgreSQL, shared by any number of nodes. Opening it applies the schema's
/// migrations (<see cref="PgMigrations"/>); every change is one transaction, and changes that read
/// before they write lock the rows they read (<c>FOR UPDATE</c>), so two nodes confirming at once
/// give one completion as two threads do in one process. Documents whose shape the domain owns
/// (assignments, directives, drafts) are kept as jsonb beside the columns the queries use.
/// </summary>
public sealed class PgStore : IStore
{
    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlDataSource _views;
    private readonly PgNodeCoordination _nodes;

    private PgStore(NpgsqlDataSource source, NpgsqlDataSource views, TimeProvider clock, ILogger? log)
    {
        (_source, _views) = (source, views);
        Clock = clock;
        Feed = new PgChangeFeed(source, log);
        Assignments = new PgAssignmentStore(this);
        Directory = new PgDirectoryStore(this);
        Conversation = new PgConversationStore(this);
        Preferences = new PgPreferenceStore(this);
        Outbox = new PgNudgeOutbox(this);
        var desk = new PgDesk(this);
        (Drafts, Originals) = (desk, desk);
        Zalo = new PgZaloStore(this);
        Nodes = _nodes = new PgNodeCoordination(this);
        Extensions = new PgExtensionRequests(this);
        Progress = new PgProgressReports(this);
        ReportSource = new PgReportSource(this);
        WorkChanges = new PgWorkChanges(this);
    }

    public IAssignmentStore Assignments { get; }

    public IDirectoryStore Directory { get; }

    public IConversationStore Conversation { get; }

    public IPreferenceStore Preferences { get; }

    public INudgeOutbox Outbox { get; }

    public IDraftStore Drafts { get; }

    public IOriginalFiles Originals { get; }

    public IZaloStore Zalo { get; }

    public INodeCoordination Nodes { get; }

    public Bot.Domain.Extensions.IExtensionRequests Extensions { get; }

    public IProgressReports Progress { get; }

    public Bot.Domain.Reports.IReportSource ReportSource { get; }

    public IWorkChanges WorkChanges { get; }

    public TimeProvider Clock { get; }

    /// <summary>Every node's writes as they are committed: the stamps this node's read caches are kept by.</summary>
    internal PgChangeFeed Feed { get; }

    /// <summary>Connects, brings the schema to the current version, and returns the store (its caches on once it listens).</summary>
    public static PgStore Open(string connectionString, TimeProvider clock, ILogger? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(clock);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // A connection back in the pool keeps its session: the store keeps no session state there (settings are
        // `set local`, session locks are released before the connection goes back), and the reset (DISCARD ALL)
        // was a statement sent for every read, most of a chat turn's statements.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
        var source = builder.Build();
        // The views' own pool: its sessions commit without waiting for the disk from the start, so a view's write
        // is its statements alone (no `set_config` sent with each).
        var views = new NpgsqlDataSourceBuilder(builder.ConnectionString);
        views.ConnectionStringBuilder.Options = ((views.ConnectionStringBuilder.Options ?? "") + " -c synchronous_commit=off").Trim();
        var viewSource = views.Build();
        try
        {
            using (var connection = source.OpenConnection()) PgMigrations.Apply(connection);
            var store = new PgStore(source, viewSource, clock, log);
            store.Feed.WaitListening(TimeSpan.FromSeconds(5));
            return store;
        }
        catch
        {
            viewSource.Dispose();
            source.Dispose();
            throw;
        }
    }

    internal NpgsqlConnection Connect() => _source.OpenConnection();

    /// <summary>
    /// Runs a change as one transaction: all of it is written, or none. Then this node's caches of what it
    /// <paramref name="touched"/> are dropped (by default all of them); other nodes hear of it from the triggers.
    /// </summary>
    internal T Write<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> change, Touched touched = default)
    {
        try
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var result = change(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            // Also when the commit's outcome is unknown (a connection lost in it): a cache may not outlive a write that may have happened.
            if (touched.Keys is not { Count: 0 }) Feed.Changed(touched.Keys);
        }
    }

    internal void Write(Action<NpgsqlConnection, NpgsqlTransaction> change, Touched touched = default) => Write((c, t) =>
    {
        change(c, t);
        return 0;
    }, touched);

    /// <summary>A write of what no cache holds (the outbox, the updates seen, drafts, invites): one transaction, no cache dropped.</summary>
    internal T WriteUncached<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> change) => Write(change, Touched.Nothing);

    internal void WriteUncached(Action<NpgsqlConnection, NpgsqlTransaction> change) => Write(change, Touched.Nothing);

    /// <summary>
    /// A write of what a chat was shown (a list, the task in focus): its statements in one round trip, all or
    /// none (one implicit transaction), committed without waiting for the disk — a crash of the server may lose
    /// the last moment of them, as the LiteDB store's write-behind does. No cache holds them.
    /// </summary>
    internal void WriteView(string sql, object args) => WriteLight(c => c.Execute(sql, args));

    /// <summary>A statement (or several, one implicit transaction) whose commit does not wait for the disk: what a server crash may lose at no cost but a repeat.</summary>
    internal T WriteLight<T>(Func<NpgsqlConnection, T> write)
    {
        using var connection = _views.OpenConnection();
        return write(connection);
    }

    /// <summary>A read on a connection of the pool.</summary>
    internal T Read<T>(Func<NpgsqlConnection, T> read)
    {
        using var connection = _source.OpenConnection();
        return read(connection);
    }

    internal IEnumerable<T> Query<T>(string sql, object? args = null) => Read(c => c.Query<T>(sql, args).AsList());

    public void Dispose()
    {
        _nodes.Dispose(); // this node's life lock first: its claims are then another node's to take
        Feed.Dispose();
        _views.Dispose();
        _source.Dispose();
    }
}

using Bot.Channels.Zalo;
using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Desk;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Dapper;
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

    private PgStore(NpgsqlDataSource source, TimeProvider clock)
    {
        _source = source;
        Clock = clock;
        Assignments = new PgAssignmentStore(this);
        Directory = new PgDirectoryStore(this);
        Conversation = new PgConversationStore(this);
        Preferences = new PgPreferenceStore(this);
        Outbox = new PgNudgeOutbox(this);
        var desk = new PgDesk(this);
        (Drafts, Originals) = (desk, desk);
        Zalo = new PgZaloStore(this);
        Nodes = new PgNodeCoordination(this);
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

    /// <summary>Connects, brings the schema to the current version, and returns the store.</summary>
    public static PgStore Open(string connectionString, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(clock);
        var source = new NpgsqlDataSourceBuilder(connectionString).Build();
        try
        {
            using (var connection = source.OpenConnection()) PgMigrations.Apply(connection);
            return new PgStore(source, clock);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    internal NpgsqlConnection Connect() => _source.OpenConnection();

    /// <summary>Runs a change as one transaction: all of it is written, or none.</summary>
    internal T Write<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> change)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = change(connection, transaction);
        transaction.Commit();
        return result;
    }

    internal void Write(Action<NpgsqlConnection, NpgsqlTransaction> change) => Write((c, t) =>
    {
        change(c, t);
        return 0;
    });

    /// <summary>A read on a connection of the pool.</summary>
    internal T Read<T>(Func<NpgsqlConnection, T> read)
    {
        using var connection = _source.OpenConnection();
        return read(connection);
    }

    internal IEnumerable<T> Query<T>(string sql, object? args = null) => Read(c => c.Query<T>(sql, args).AsList());

    public void Dispose() => _source.Dispose();
}

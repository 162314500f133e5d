using Bot.Storage;
using Bot.Storage.Postgres;
using Bot.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage;

/// <summary>
/// One throwaway PostgreSQL server for the whole run (started once, by the first test that needs it; stopped at
/// the end). Each test gets a database of its own, copied from a template the migrations were applied to once.
/// </summary>
public sealed class PgServer : IDisposable
{
    private const string Template = "bot_template";
    private readonly PgCluster _cluster;
    private int _next;

    public PgServer()
    {
        _cluster = PgCluster.Start();
        _cluster.CreateDatabase(Template);
        PgStore.Open(_cluster.Connection(Template), TimeProvider.System).Dispose();
        Npgsql.NpgsqlConnection.ClearAllPools(); // a template is copied only while nobody is connected to it
    }

    public PgCluster Cluster => _cluster;

    /// <summary>A fresh, migrated database; returns its connection string.</summary>
    public string NewDatabase() => _cluster.CreateDatabase("t" + Interlocked.Increment(ref _next), Template);

    public void Dispose() => _cluster.Dispose();
}

// One server for every PostgreSQL test, and those run one class at a time, after the rest: the two-node
// crash test runs real processes on it and needs the CPU.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OnePostgres : ICollectionFixture<PgServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>A store of one kind for a contract test: opened (again) on the same data, with a fake clock.</summary>
public interface IStoreUnderTest : IDisposable
{
    FakeTimeProvider Clock { get; }

    /// <summary>Opens the store; a second call opens the same data again (a restart).</summary>
    IStore Open();
}

/// <summary>A real LiteDB file in a temporary folder.</summary>
internal sealed class LiteUnderTest(DateTimeOffset? start = null) : IStoreUnderTest
{
    private readonly TempStore _temp = new(start);

    public FakeTimeProvider Clock => _temp.Clock;

    public IStore Open() => _temp.Open();

    public void Dispose() => _temp.Dispose();
}

/// <summary>A fresh database on the run's PostgreSQL server.</summary>
internal sealed class PgUnderTest(PgServer server, DateTimeOffset? start = null) : IStoreUnderTest
{
    private readonly string _connection = server.NewDatabase();
    private readonly List<IStore> _open = [];

    public FakeTimeProvider Clock { get; } = new(start ?? new DateTimeOffset(2023, 9, 25, 9, 0, 0, TimeSpan.FromHours(7)));

    public string ConnectionString => _connection;

    public IStore Open()
    {
        var store = PgStore.Open(_connection, Clock);
        _open.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _open) store.Dispose();
    }
}

using Dapper;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>
/// Nodes agree through the database: a session advisory lock held on a connection of its own for as long
/// as the work runs (a node that dies drops its connection, and with it the lock), and a table of the
/// update ids handled.
/// </summary>
internal sealed class PgNodeCoordination(PgStore store) : INodeCoordination
{
    public IDisposable? TryRunAlone(string name)
    {
        var connection = store.Connect();
        var key = StableKey.Of(name);
        if (connection.ExecuteScalar<bool>("select pg_try_advisory_lock(@key)", new { key })) return new Held(connection, key);
        connection.Dispose();
        return null;
    }

    /// <summary>
    /// How long an update id is remembered: far past any redelivery (Telegram keeps an unconfirmed update a day,
    /// Zalo retries a webhook within minutes), so the table stays a week's traffic instead of growing for ever.
    /// </summary>
    public static readonly TimeSpan SeenKeptFor = TimeSpan.FromDays(7);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private long _nextPruneTicks;

    public bool FirstTime(string channel, long updateId)
    {
        var now = store.Clock.GetUtcNow().ToUniversalTime(); // Npgsql writes timestamptz from UTC only
        var first = store.WriteUncached((c, t) => c.Execute("insert into seen_updates (channel, update_id, at) values (@channel, @updateId, @now) on conflict do nothing",
            new { channel, updateId, now }, t)) == 1;
        PruneNowAndThen(now);
        return first;
    }

    // Once an hour per node (whichever update comes first takes it); the index on `at` keeps it a range delete.
    private void PruneNowAndThen(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneEvery).UtcTicks, due) != due) return;
        var before = now - SeenKeptFor;
        store.WriteUncached((c, t) => c.Execute("delete from seen_updates where at < @before", new { before }, t));
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                connection.Execute("select pg_advisory_unlock(@key)", new { key });
            }
            finally
            {
                connection.Dispose(); // back to the pool unlocked; an unlock that threw broke the connection, which the pool then drops, lock and all
            }
        }
    }
}

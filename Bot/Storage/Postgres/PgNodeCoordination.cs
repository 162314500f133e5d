using Dapper;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>
/// Nodes agree through the database: a session advisory lock held on a connection of its own for as long
/// as the work runs (a node that dies drops its connection, and with it the lock), and a table of the
/// updates claimed. A node's life is such a lock too, taken before its first claim: a claim whose node
/// no longer holds it was abandoned, and another node may take it at once.
/// </summary>
internal sealed class PgNodeCoordination(PgStore store) : INodeCoordination, IDisposable
{
    // Node lives are two-int advisory locks (class, node), apart from the one-bigint locks TryRunAlone takes.
    private const int LifeClass = 7;

    // Not correlated, so the server reads the lock table once per statement (a hashed subplan), not once per row.
    private static readonly string Alive = $"""
        (s.claimed_by in (select l.objid::text::bigint from pg_locks l
                          where l.locktype = 'advisory' and l.objsubid = 2 and l.granted and l.classid = {LifeClass}))
        """;

    private readonly int _node = Random.Shared.Next(1, int.MaxValue);
    private readonly Lock _lifeGate = new();
    private Held? _life;

    public IDisposable? TryRunAlone(string name)
    {
        var connection = store.Connect();
        var key = StableKey.Of(name);
        if (connection.ExecuteScalar<bool>("select pg_try_advisory_lock(@key)", new { key })) return new Held(connection, "select pg_advisory_unlock(@key)", new { key });
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

    // Taken again when its node died; when the channel delivered it again after the lease, unless it was queued
    // (a queued update waits its turn in a live node however long that is, and is taken again only from a dead one).
    public UpdateClaim Claim(string channel, long updateId, string? payload = null)
    {
        StayAlive();
        var now = store.Clock.GetUtcNow().ToUniversalTime(); // Npgsql writes timestamptz from UTC only
        var expired = now - INodeCoordination.ClaimLease;
        var args = new { channel, updateId, now, expired, node = (long)_node, payload };
        // Without a payload, a claim a server crash loses costs at most a repeat (the channel delivers the update again);
        // a payload is the only copy of an event the channel already had its 200 for, so that claim waits for the disk.
        Func<Func<Npgsql.NpgsqlConnection, bool?>, bool?> write = payload is null ? store.WriteLight : store.Read;
        var mine = write(c => c.ExecuteScalar<bool?>($"""
            insert into seen_updates as s (channel, update_id, at, handled, claimed_by, payload)
            values (@channel, @updateId, @now, false, @node, @payload)
            on conflict (channel, update_id) do update set at = excluded.at, claimed_by = excluded.claimed_by, payload = coalesce(excluded.payload, s.payload)
            where not s.handled and ((s.payload is null and s.at < @expired) or not {Alive})
            returning true
            """, args)) == true;
        PruneNowAndThen(now);
        if (mine) return UpdateClaim.Mine;
        var handled = store.Read(c => c.ExecuteScalar<bool?>("select handled from seen_updates where channel = @channel and update_id = @updateId", args));
        return handled == false ? UpdateClaim.InHand : UpdateClaim.Handled;
    }

    // Committed without waiting for the disk: a server crash that loses the mark leaves a claim of a node gone
    // (its life went with the connection), which at worst is answered twice, as any update in flight may be.
    // An upsert, so the row is found through the key whatever the plan cached for a table that was empty when analyzed.
    public void Handled(string channel, long updateId)
    {
        var now = store.Clock.GetUtcNow().ToUniversalTime();
        store.WriteLight(c => c.Execute("""
            insert into seen_updates (channel, update_id, at, handled) values (@channel, @updateId, @now, true)
            on conflict (channel, update_id) do update set handled = true, payload = null
            """, new { channel, updateId, now }));
    }

    public IReadOnlyList<(long UpdateId, string Payload)> TakeAbandoned(string channel, int max)
    {
        StayAlive();
        var now = store.Clock.GetUtcNow().ToUniversalTime();
        return store.Read(c => c.Query<(long, string)>($"""
            update seen_updates set at = @now, claimed_by = @node
            where (channel, update_id) in (
              select channel, update_id from seen_updates s
              where s.channel = @channel and not s.handled and s.payload is not null and not {Alive}
              order by s.at limit @max for update skip locked)
            returning update_id, payload
            """, new { channel, max, now, node = (long)_node }).AsList());
    }

    // The node's life lock, on a connection kept open for it; taken again if that connection was lost.
    private void StayAlive()
    {
        lock (_lifeGate)
        {
            if (_life is { Connection.State: System.Data.ConnectionState.Open }) return;
            DropLife();
            var connection = store.Connect();
            var args = new { LifeClass, node = _node };
            connection.Execute("select pg_advisory_lock(@LifeClass, @node)", args);
            _life = new Held(connection, "select pg_advisory_unlock(@LifeClass, @node)", args);
        }
    }

    // Once an hour per node (whichever update comes first takes it); the index on `at` keeps it a range delete.
    private void PruneNowAndThen(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneEvery).UtcTicks, due) != due) return;
        var before = now - SeenKeptFor;
        store.WriteUncached((c, t) => c.Execute("delete from seen_updates where at < @before", new { before }, t));
    }

    public void Dispose()
    {
        lock (_lifeGate) DropLife();
    }

    // A lost connection cannot unlock, and need not: the server dropped the lock with it.
    private void DropLife()
    {
        try
        {
            _life?.Dispose();
        }
        catch (NpgsqlException)
        {
        }
        _life = null;
    }

    /// <summary>A session lock on its own connection: unlocked before the connection goes back to the pool, which keeps sessions as they are.</summary>
    private sealed class Held(NpgsqlConnection connection, string unlock, object args) : IDisposable
    {
        public NpgsqlConnection Connection => connection;

        public void Dispose()
        {
            try
            {
                connection.Execute(unlock, args);
            }
            finally
            {
                connection.Dispose(); // back to the pool unlocked; an unlock that threw broke the connection, which the pool then drops, lock and all
            }
        }
    }
}

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
        var key = LockKey(name);
        if (connection.ExecuteScalar<bool>("select pg_try_advisory_lock(@key)", new { key })) return new Held(connection, key);
        connection.Dispose();
        return null;
    }

    public bool FirstTime(string channel, long updateId) =>
        store.Write((c, t) => c.Execute("insert into seen_updates (channel, update_id, at) values (@channel, @updateId, now()) on conflict do nothing",
            new { channel, updateId }, t)) == 1;

    // A stable 64-bit key from the name (FNV-1a): the same on every node and every run.
    private static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in name) hash = (hash ^ ch) * 1099511628211UL;
        return unchecked((long)hash);
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
                connection.Dispose(); // back to the pool; a session lock left behind would go with a closed connection
            }
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>
/// What every node writes, heard as it is committed, so a node keeps read caches as the owner of a LiteDB
/// file does: the official behind a chat, preferences, the chats in an extension request, a unit's open work.
/// Triggers notify <see cref="Channel"/> with what changed (a table's name, or "assignments:" and the unit whose
/// work changed: migration step 8); a listener on a connection of its own turns each into a new stamp. This
/// node's own writes stamp at commit (<see cref="PgStore.Write{T}(Func{NpgsqlConnection, NpgsqlTransaction, T}, Touched)"/>),
/// without waiting for the echo.
/// <para>While the listener is not connected there is no stamp and every read goes to the database; each
/// (re)connection drops all that was kept, so a notification missed while away leaves nothing stale. What
/// another node wrote reaches this node's caches one notification later: well under a millisecond between
/// machines of one network, against the seconds between someone's two messages.</para>
/// </summary>
internal sealed class PgChangeFeed : IDisposable
{
    internal const string Channel = "bot_changes";

    /// <summary>Stamps of a unit's work are kept under this prefix and the unit's code.</summary>
    internal const string Unit = "unit:";

    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource _source;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, long> _stamps = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private readonly TaskCompletionSource _firstConnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;
    private long _floor; // raised past every kept stamp: at each (re)connection, and by a write that says nothing precise
    private volatile bool _connected;
    private int _disposed;

    public PgChangeFeed(NpgsqlDataSource source, ILogger? log)
    {
        _source = source;
        _log = log ?? NullLogger.Instance;
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>A number that changes whenever <paramref name="key"/> is written on any node; null while not listening.</summary>
    public long? Stamp(string key) => _connected ? Math.Max(Volatile.Read(ref _floor), _stamps.TryGetValue(key, out var n) ? n : 0) : null;

    /// <summary>Whether the listener is connected (every read goes to the database while it is not).</summary>
    public bool Listening => _connected;

    /// <summary>Waits (a bounded while) for the first connection, so a node that just opened starts with its caches.</summary>
    public bool WaitListening(TimeSpan limit) => _firstConnect.Task.Wait(limit);

    /// <summary>Something written to these keys (null: anything, e.g. a publication) — this node's caches of them are dropped now.</summary>
    public void Changed(IReadOnlyCollection<string>? keys)
    {
        if (keys is null)
        {
            var n = Interlocked.Increment(ref _sequence);
            long floor;
            do floor = Volatile.Read(ref _floor);
            while (floor < n && Interlocked.CompareExchange(ref _floor, n, floor) != floor);
            return;
        }
        foreach (var key in keys)
        {
            var n = Interlocked.Increment(ref _sequence);
            _stamps.AddOrUpdate(key, n, (_, old) => Math.Max(old, n));
        }
    }

    // A payload is a table's name ("officials"), or "assignments:" and the unit whose work changed.
    private void Heard(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) Changed([payload]);
        else Changed([payload[..colon], Unit + payload[(colon + 1)..]]);
    }

    private async Task ListenAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(token);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection)) await listen.ExecuteNonQueryAsync(token);
                Changed(null); // what was kept before this connection may have missed a notification
                _connected = true;
                _firstConnect.TrySetResult();
                _log.LogInformation("Listening for other nodes' writes on {Channel}.", Channel);
                while (!token.IsCancellationRequested)
                {
                    // A quiet connection is asked something now and then: a server gone silent fails the ask, not a wait for ever.
                    if (!await connection.WaitAsync((int)Ping.TotalMilliseconds, token))
                    {
                        await using var ping = new NpgsqlCommand("select 1", connection);
                        await ping.ExecuteScalarAsync(token);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                _log.LogWarning("Not listening for other nodes' writes ({Error}); reads go to the database until it reconnects.", e.Message);
            }
            finally
            {
                _connected = false;
            }
            try
            {
                await Task.Delay(Retry, token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        try
        {
            _listening.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // stopped
        }
        _stop.Dispose();
    }
}

/// <summary>
/// What a write changed, for this node's caches: the keys of <see cref="PgChangeFeed"/>, none, or (the default)
/// anything. The keys are read once the write is over, so a change may add those it learns as it runs.
/// </summary>
internal readonly record struct Touched(IReadOnlyCollection<string>? Keys)
{
    /// <summary>Anything may have changed: every cache of this node is dropped.</summary>
    public static Touched Anything => default;

    /// <summary>Nothing any cache holds (what was shown in a chat, the outbox, the updates seen).</summary>
    public static Touched Nothing { get; } = new([]);

    public static Touched Of(params string[] keys) => new(keys);
}

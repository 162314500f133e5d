namespace Bot.Storage;

/// <summary>
/// One process owns a LiteDB file's updates (`serve`), so it agrees with itself: a lock per name in the process,
/// and claims on updates in bounded memory (a restart forgets them, which at worst answers one update twice).
/// </summary>
internal sealed class LiteNodeCoordination(TimeProvider clock) : INodeCoordination
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly RecentClaims _claims = new();

    public IDisposable? TryRunAlone(string name)
    {
        lock (_gate)
        {
            if (!_held.Add(name)) return null;
        }
        return new Held(this, name);
    }

    public UpdateClaim Claim(string channel, long updateId, string? payload = null) =>
        _claims.Claim(channel + ":" + updateId, clock.GetUtcNow(), queued: payload is not null);

    public void Handled(string channel, long updateId) => _claims.Handled(channel + ":" + updateId);

    // What this process claimed is in its own queues until handled; a crash takes the queues and this memory alike.
    public IReadOnlyList<(long UpdateId, string Payload)> TakeAbandoned(string channel, int max) => [];

    private sealed class Held(LiteNodeCoordination owner, string name) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._held.Remove(name);
        }
    }
}

/// <summary>
/// Claims on updates in bounded memory (the last <see cref="Capacity"/>, hours of a district's traffic): channels
/// redeliver within minutes to hours. A claim older than the lease may be taken again, unless it was queued
/// (it waits in this process's queue, however long that is).
/// </summary>
internal sealed class RecentClaims
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Claimed> _claims = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    private readonly record struct Claimed(DateTimeOffset At, bool Queued, bool Done);

    public UpdateClaim Claim(string key, DateTimeOffset now, bool queued)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(key, out var claimed))
            {
                if (claimed.Done) return UpdateClaim.Handled;
                if (claimed.Queued || now - claimed.At < INodeCoordination.ClaimLease) return UpdateClaim.InHand;
                _claims[key] = new Claimed(now, queued, Done: false);
                return UpdateClaim.Mine;
            }
            _claims[key] = new Claimed(now, queued, Done: false);
            _order.Enqueue(key);
            if (_order.Count > Capacity) _claims.Remove(_order.Dequeue());
            return UpdateClaim.Mine;
        }
    }

    public void Handled(string key)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(key, out var claimed)) _claims[key] = claimed with { Done = true };
        }
    }
}

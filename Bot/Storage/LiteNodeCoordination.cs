namespace Bot.Storage;

/// <summary>
/// One process owns a LiteDB file's updates (`serve`), so it agrees with itself: a lock per name in the process,
/// and update ids remembered in bounded memory (a restart forgets them, which at worst answers one update twice).
/// </summary>
internal sealed class LiteNodeCoordination : INodeCoordination
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly RecentEvents _seen = new();

    public IDisposable? TryRunAlone(string name)
    {
        lock (_gate)
        {
            if (!_held.Add(name)) return null;
        }
        return new Held(this, name);
    }

    public bool FirstTime(string channel, long updateId) => _seen.FirstTime(channel + ":" + updateId);

    private sealed class Held(LiteNodeCoordination owner, string name) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._held.Remove(name);
        }
    }
}

/// <summary>
/// Update ids already taken, in bounded memory (the last <see cref="Capacity"/>, hours of a district's traffic):
/// channels redeliver within minutes to hours, and a restart forgets them, which at worst answers one update twice.
/// </summary>
internal sealed class RecentEvents
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time a key is seen.</summary>
    public bool FirstTime(string key)
    {
        lock (_gate)
        {
            if (!_seen.Add(key)) return false;
            _order.Enqueue(key);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}

using Bot.Channels.Zalo;

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

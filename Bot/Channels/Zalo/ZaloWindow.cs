using System.Collections.Concurrent;

namespace Bot.Channels.Zalo;

/// <summary>
/// Zalo's 7-day window: a customer-service message needs the user to have interacted (written,
/// tapped, followed, shared their info) within 7 days. Each user's last interaction is kept in the
/// store, written when it moved by more than <see cref="Granularity"/> (not on every message), so a
/// send that Zalo would refuse with -230 is known as such before it is tried.
/// </summary>
public sealed class ZaloWindow(IZaloStore store, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromDays(7);

    /// <summary>How stale the stored instant may get: an hour, against a window of a week.</summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);

    /// <summary>The user interacted at <paramref name="at"/> (the event's time, never later than now).</summary>
    public void Heard(string userId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var now = clock.GetUtcNow();
        if (at > now) at = now;
        var before = Last(userId);
        if (before is { } b && at - b < Granularity) return;
        _known[userId] = at;
        store.SaveInteraction(userId, at);
    }

    /// <summary>
    /// False only when the user is known to be past the window (unknown users are tried: Zalo decides).
    /// What this process remembers is checked against the store before saying no: another process on it
    /// (`serve`, beside a `remind-worker`) may have heard the user since.
    /// </summary>
    public bool Open(string userId)
    {
        var now = clock.GetUtcNow();
        if (Last(userId) is not { } last || now - last <= Length) return true;
        if (store.LastInteraction(userId) is not { } stored || now - stored > Length) return false;
        _known[userId] = stored;
        return true;
    }

    public DateTimeOffset? Last(string userId)
    {
        if (_known.TryGetValue(userId, out var at)) return at;
        if (store.LastInteraction(userId) is not { } stored) return null;
        return _known[userId] = stored;
    }
}

namespace Bot.Scheduling;

/// <summary>The platform's send limits (Telegram: 1 message/s per chat, 30/s overall).</summary>
public sealed class PacerOptions
{
    public const string Section = "Delivery";

    public double PerChatPerSecond { get; set; } = 1;

    public double OverallPerSecond { get; set; } = 30;
}

/// <summary>
/// Spaces sends evenly so the platform's limits are never crossed: each send reserves the first slot
/// that is free both for its chat and overall (no other send closer than the overall gap), then waits
/// for it. A 429 pushes the chat's slots back by its retry_after, without holding other chats.
/// Even spacing rather than bursts keeps us under sliding-window limits of any width.
/// </summary>
public sealed class SendPacer(PacerOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly SortedSet<DateTimeOffset> _taken = [];
    private DateTimeOffset _overallPausedUntil = DateTimeOffset.MinValue;

    private TimeSpan ChatGap => TimeSpan.FromSeconds(1 / options.PerChatPerSecond);

    private TimeSpan OverallGap => TimeSpan.FromSeconds(1 / options.OverallPerSecond);

    /// <summary>Waits until this chat may be sent to, and takes that turn.</summary>
    public async Task WaitTurnAsync(string chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        var wait = Reserve(chatId);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
    }

    /// <summary>The platform said 429: nothing more to this chat, nor (when global) to anyone, until then.</summary>
    public void Backoff(string chatId, TimeSpan retryAfter, bool global)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        var until = clock.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            if (!_chatNext.TryGetValue(chatId, out var next) || next < until) _chatNext[chatId] = until;
            if (global && _overallPausedUntil < until) _overallPausedUntil = until;
        }
    }

    private TimeSpan Reserve(string chatId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _taken.RemoveWhere(t => t <= now - OverallGap);
            var chatNext = _chatNext.TryGetValue(chatId, out var c) ? c : now;
            var slot = Max(now, Max(chatNext, _overallPausedUntil));
            // Move past every taken slot closer than the overall gap; the set is sorted, so one pass.
            foreach (var taken in _taken.GetViewBetween(slot - OverallGap, DateTimeOffset.MaxValue))
            {
                if (taken - slot >= OverallGap) break;
                if ((slot - taken).Duration() < OverallGap) slot = taken + OverallGap;
            }
            _taken.Add(slot);
            _chatNext[chatId] = slot + ChatGap;
            if (_chatNext.Count > 100_000) Forget(now); // chats long idle need no memory
            return slot - now;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var idle in _chatNext.Where(kv => kv.Value < now).Select(kv => kv.Key).ToList()) _chatNext.Remove(idle);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

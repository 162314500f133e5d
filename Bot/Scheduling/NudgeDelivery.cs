using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Bot.Channels;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Telegram.Bot.Exceptions;

namespace Bot.Scheduling;

/// <summary>What became of one delivery job.</summary>
public enum DeliveryOutcome
{
    Sent,

    /// <summary>Already sent, failed or passed over before (a re-run after a restart).</summary>
    AlreadyDone,

    /// <summary>Another job of this process is delivering it right now.</summary>
    InFlight,

    /// <summary>Nothing left to say (the tasks were done meanwhile).</summary>
    PassedOver,

    /// <summary>Given up: the person cannot be written to.</summary>
    Failed,
}

/// <summary>
/// Delivers one outbox message: renders it from the store as it is now, waits its turn with the
/// <see cref="SendPacer"/>, sends it, and marks it sent with the channel's message id. A 429 pushes
/// the chat back by retry_after; 5xx, network errors and timeouts are retried with exponential
/// backoff; a 403 marks the official unreachable (the district office reads it in its digest).
/// A message is only ever sent while it is pending, and by one job at a time in this process, so
/// a duplicate needs a crash between a send and its mark: at most one per running delivery.
/// </summary>
public sealed class NudgeDelivery
{
    private readonly INudgeOutbox _outbox;
    private readonly IDirectoryStore _directory;
    private readonly IConversationStore _memory;
    private readonly UnitDirectory _units;
    private readonly Assistant _assistant;
    private readonly IChannel _channel;
    private readonly SendPacer _pacer;
    private readonly SentMarks _marks;
    private readonly TimeProvider _clock;
    private readonly ILogger<NudgeDelivery> _logger;
    private readonly ResiliencePipeline _retries;
    private readonly ResiliencePipeline _attemptTimeout;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public NudgeDelivery(
        INudgeOutbox outbox, IDirectoryStore directory, IConversationStore memory, UnitDirectory units, Assistant assistant,
        IChannel channel, SendPacer pacer, SentMarks marks, DeliveryOptions options, TimeProvider clock, ILogger<NudgeDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_outbox, _directory, _memory, _units, _assistant, _channel, _pacer, _marks, _clock, _logger) =
            (outbox, directory, memory, units, assistant, channel, pacer, marks, clock, logger);
        // Outer: 429s wait as told (the pacer holds the chat back); inner: faults back off exponentially.
        _retries = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ChannelRateLimitedException>(),
                MaxRetryAttempts = options.MaxRateLimitWaits,
                Delay = TimeSpan.Zero,
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _rateLimited);
                    if (args.AttemptNumber > 0) Interlocked.Increment(ref _rateLimitedAgain); // the previous try was a 429 too
                    if (args.Outcome.Exception is ChannelRateLimitedException limited && args.Context.Properties.TryGetValue(ChatKey, out var chat))
                        _pacer.Backoff(chat, limited.RetryAfter, global: false);
                    return ValueTask.CompletedTask;
                },
            })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.FirstRetryDelaySeconds),
                MaxDelay = TimeSpan.FromMinutes(1),
            })
            .Build();
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds))
            .Build();
    }

    private static readonly ResiliencePropertyKey<string> ChatKey = new("chat");
    private int _rateLimited, _rateLimitedAgain;

    /// <summary>429s received so far (for the bench and the logs).</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>429s received right after a 429 for the same message: the pacer's backoff did not hold.</summary>
    public int RateLimitedTwiceInARow => Volatile.Read(ref _rateLimitedAgain);

    public async Task<DeliveryOutcome> DeliverAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        if (!_inFlight.TryAdd(messageId, 0)) return DeliveryOutcome.InFlight;
        try
        {
            return await DeliverOnceAsync(messageId, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(messageId, out _);
        }
    }

    private async Task<DeliveryOutcome> DeliverOnceAsync(string messageId, CancellationToken cancellationToken)
    {
        var message = _outbox.Get(messageId);
        if (message is null || message.State != OutboxState.Pending) return DeliveryOutcome.AlreadyDone;
        var official = _directory.ByPhone(message.OfficialPhone);
        var account = official?.ChatAccounts.FirstOrDefault(a => a.Channel == _channel.Name);
        if (official is null || account is null)
        {
            _outbox.MarkFailed(messageId, "no chat account on " + _channel.Name, _clock.GetUtcNow());
            return DeliveryOutcome.Failed;
        }
        var outbound = message.Kind == OutboxKind.Digest ? Digest(official, account) : _assistant.NudgeMessage(official, account, message.Nudges);
        if (outbound is null)
        {
            _outbox.MarkPassedOver(messageId, _clock.GetUtcNow());
            return DeliveryOutcome.PassedOver;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ChatKey, outbound.ChatId);
        try
        {
            var sentId = await _retries.ExecuteAsync(
                async (ctx, state) =>
                {
                    await _pacer.WaitTurnAsync(state.ChatId, ctx.CancellationToken);
                    return await _attemptTimeout.ExecuteAsync(
                        async (s, ct) => await _channel.SendAsync(s, ct), state, ctx.CancellationToken);
                },
                context, outbound);
            await _marks.MarkAsync(messageId, sentId, _clock.GetUtcNow());
            return DeliveryOutcome.Sent;
        }
        catch (RecipientUnreachableException e)
        {
            var now = _clock.GetUtcNow();
            _memory.SavePreferences(_memory.Preferences(official.Phone) with { UnreachableSince = now });
            _outbox.MarkFailed(messageId, e.Message, now);
            _logger.LogWarning("Reminder {Message} to {Phone} given up: {Reason}", messageId, official.Phone, e.Message);
            return DeliveryOutcome.Failed;
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
        {
            // A request the platform will never take (chat not found, bad text): retrying cannot help.
            _outbox.MarkFailed(messageId, e.Message, _clock.GetUtcNow());
            _logger.LogWarning("Reminder {Message} to {Phone} refused: {Reason}", messageId, official.Phone, e.Message);
            return DeliveryOutcome.Failed;
        }
        catch (Exception e) when (IsTransient(e) || e is ChannelRateLimitedException)
        {
            // Still failing after our retries: stays pending for Hangfire's retry (and the stale sweep).
            _outbox.Attempted(messageId, _clock.GetUtcNow());
            _logger.LogWarning("Reminder {Message} to {Phone} not delivered yet: {Reason}", messageId, official.Phone, e.Message);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The digest; the district office's also lists who cannot be reached.</summary>
    private Outbound? Digest(Official official, ChatAccount account)
    {
        var digest = _assistant.DigestMessage(official, account);
        if (digest is null || _units.ByCode(official.UnitCode)?.Kind != UnitKind.Office) return digest;
        var unreachable = _memory.AllPreferences().Where(p => p.UnreachableSince is not null)
            .Select(p => (Official: _directory.ByPhone(p.Phone), Since: p.UnreachableSince!.Value))
            .Where(x => x.Official is not null)
            .Select(x => (x.Official!, x.Since))
            .ToList();
        return DigestNotes.WithUnreachable(digest, unreachable, _units);
    }

    /// <summary>Faults worth another try: 5xx, network errors, timeouts (ours or the HTTP client's).</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException or HttpRequestException or TimeoutRejectedException or TaskCanceledException => true,
        _ => false,
    };
}

/// <summary>Lines the scheduler adds to the Assistant's digest.</summary>
public static class DigestNotes
{
    /// <summary>How many names to list before "và N người khác": a digest must stay one short message.</summary>
    public const int MaxNames = 15;

    /// <summary>Appends who the bot cannot write to (they blocked it), for the district office.</summary>
    public static Outbound WithUnreachable(Outbound digest, IReadOnlyList<(Official Official, DateTimeOffset Since)> unreachable, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(unreachable);
        ArgumentNullException.ThrowIfNull(units);
        if (unreachable.Count == 0) return digest;
        var text = new StringBuilder(digest.Text).Append("\n\n📵 Không gửi được nhắc việc tới (đã chặn trợ lý):");
        foreach (var (o, since) in unreachable.OrderBy(u => u.Since).Take(MaxNames))
            text.Append(CultureInfo.InvariantCulture, $"\n• {o.Name} — {units.ByCode(o.UnitCode)?.Name ?? o.UnitCode}, từ {VietnamTime.ToLocal(since):dd/MM/yyyy}");
        if (unreachable.Count > MaxNames) text.Append(CultureInfo.InvariantCulture, $"\n… và {unreachable.Count - MaxNames} người khác.");
        return digest with { Text = text.ToString() };
    }
}

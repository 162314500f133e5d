using System.Collections.Concurrent;
using Bot.Channels;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bot.Scheduling;

/// <summary>What became of one delivery job.</summary>
public enum DeliveryOutcome
{
    Sent,

    /// <summary>Already sent, failed or passed over before (a re-run after a restart).</summary>
    AlreadyDone,

    /// <summary>Another job of this process is delivering it right now.</summary>
    InFlight,

    /// <summary>Another node holds it (its claim has not run out): tried again when the claim would have.</summary>
    ClaimedElsewhere,

    /// <summary>Nothing left to say (the tasks were done meanwhile).</summary>
    PassedOver,

    /// <summary>Given up: no account on this host's channels, or the platform will never take it.</summary>
    Failed,

    /// <summary>The person cannot be written to now (blocked, out of Zalo's window): it waits for them to write.</summary>
    Waiting,
}

/// <summary>
/// Delivers one outbox message: renders it from the store as it is now, waits its turn with the
/// <see cref="SendPacer"/>, sends it, and marks it sent with the channel's message id. A 429 pushes
/// the chat back by retry_after; transient faults and timeouts are retried with exponential backoff;
/// an unreachable person is marked so (the district office reads it in its digest). The channel's own
/// failures (<see cref="ChannelFailure"/>) decide, whatever the platform.
/// A message is only ever sent while it is pending and claimed by this node (<see cref="INudgeOutbox.Claim"/>:
/// one node at a time across every node on the store), and by one job at a time in this process, so a
/// duplicate needs a crash between a send and its mark: at most one per running delivery.
/// </summary>
public sealed class NudgeDelivery
{
    private readonly INudgeOutbox _outbox;
    private readonly IDirectoryStore _directory;
    private readonly ReminderMessages _messages;
    private readonly Reachability _reachability;
    private readonly ChannelSet _channels;
    private readonly SendPacer _pacer;
    private readonly SentMarks _marks;
    private readonly TimeProvider _clock;
    private readonly ILogger<NudgeDelivery> _logger;
    private readonly ResiliencePipeline _retries;
    private readonly ResiliencePipeline _attemptTimeout;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    /// <summary>This process, as the outbox knows it when it claims a message.</summary>
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// How long a claim holds a message (<see cref="DeliveryOptions.ClaimSeconds"/>). A node that dies holding one lets
    /// it go after this, and the message is sent by another (the job comes back, or the stale sweep).
    /// </summary>
    public TimeSpan ClaimFor { get; }

    public NudgeDelivery(
        INudgeOutbox outbox, IDirectoryStore directory, ReminderMessages messages, Reachability reachability,
        ChannelSet channels, SendPacer pacer, SentMarks marks, DeliveryOptions options, TimeProvider clock, ILogger<NudgeDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ClaimFor = TimeSpan.FromSeconds(options.ClaimSeconds);
        (_outbox, _directory, _messages, _reachability, _channels, _pacer, _marks, _clock, _logger) =
            (outbox, directory, messages, reachability, channels, pacer, marks, clock, logger);
        // Outer: 429s wait as told (the pacer holds the chat back); inner: faults back off exponentially.
        _retries = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ChannelException>(e => e.Failure == ChannelFailure.Throttled),
                MaxRetryAttempts = options.MaxRateLimitWaits,
                Delay = TimeSpan.Zero,
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _rateLimited);
                    if (args.AttemptNumber > 0) Interlocked.Increment(ref _rateLimitedAgain); // the previous try was a 429 too
                    if (args.Outcome.Exception is ChannelException limited && args.Context.Properties.TryGetValue(ChatKey, out var chat))
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
        if (official is null || _channels.For(official) is not { } reached)
        {
            _outbox.MarkFailed(messageId, "no chat account on " + string.Join(", ", _channels.Names), _clock.GetUtcNow());
            return DeliveryOutcome.Failed;
        }
        var (channel, account) = reached;
        var outbound = message.Kind switch
        {
            OutboxKind.Digest => _messages.Digest(official, account),
            OutboxKind.WeeklyDigest => _messages.Weekly(official, account),
            _ => _messages.Nudge(official, account, message.Nudges),
        };
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
                    // Claimed just before each try, after the pacer's wait: another node holding it (or having sent it) means this one stops.
                    if (!_outbox.Claim(messageId, _node, _clock.GetUtcNow(), ClaimFor)) throw new ClaimedElsewhereException();
                    return await _attemptTimeout.ExecuteAsync(
                        async (s, ct) => await channel.SendAsync(s, ct), state, ctx.CancellationToken);
                },
                context, outbound);
            await _marks.MarkAsync(messageId, sentId, _clock.GetUtcNow());
            return DeliveryOutcome.Sent;
        }
        catch (ClaimedElsewhereException)
        {
            return DeliveryOutcome.ClaimedElsewhere;
        }
        catch (ChannelException e) when (e.Failure == ChannelFailure.Unreachable)
        {
            // Not lost: it waits for them to write again (ReminderPass.Wake), and the office's digest names them meanwhile.
            _reachability.Refused(official);
            _outbox.MarkWaiting(messageId, e.Message, _clock.GetUtcNow());
            _logger.LogWarning("Reminder {Message} to {Phone} waits, they cannot be reached: {Reason}", messageId, official.Phone, e.Message);
            return DeliveryOutcome.Waiting;
        }
        catch (ChannelException e) when (e.Failure == ChannelFailure.Rejected)
        {
            // A request the platform will never take (a bad request): retrying cannot help.
            _outbox.MarkFailed(messageId, e.Message, _clock.GetUtcNow());
            _logger.LogWarning("Reminder {Message} to {Phone} refused: {Reason}", messageId, official.Phone, e.Message);
            return DeliveryOutcome.Failed;
        }
        catch (Exception e) when (IsTransient(e) || e is ChannelException { Failure: ChannelFailure.Throttled })
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

    /// <summary>Another node holds the message (or finished it) when this one's turn came.</summary>
    private sealed class ClaimedElsewhereException : Exception;

    /// <summary>Faults worth another try: the channel's transient ones, and our own attempt timeout.</summary>
    public static bool IsTransient(Exception e) => e is ChannelException { Failure: ChannelFailure.Transient } or TimeoutRejectedException;
}

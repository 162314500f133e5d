using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Words;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Zalo;

/// <summary>
/// Zalo's webhook signature: `X-ZEvent-Signature: mac=` + lowercase hex SHA-256 of appId + the raw
/// body + the body's `timestamp` + the OA secret key (a plain hash, not an HMAC), compared in constant time.
/// </summary>
public sealed class ZaloSignature(ZaloOptions options)
{
    public bool Verify(ReadOnlySpan<byte> body, string timestamp, string? header)
    {
        if (string.IsNullOrEmpty(header)) return false;
        var given = header.StartsWith("mac=", StringComparison.OrdinalIgnoreCase) ? header[4..] : header;
        var expected = Encoding.ASCII.GetBytes(Mac(body, timestamp));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(given.Trim().ToLowerInvariant()));
    }

    public string Mac(ReadOnlySpan<byte> body, string timestamp)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(options.AppId));
        sha.AppendData(body);
        sha.AppendData(Encoding.UTF8.GetBytes(timestamp + options.OaSecretKey));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>
/// The webhook's events, handled after Zalo has its 200: one queue per partition of users, each
/// drained in order by one worker, so a user's events keep their order and different users are
/// handled side by side (<see cref="ZaloOptions.Concurrency"/>).
/// </summary>
public sealed class ZaloInbox(
    ZaloOptions options, ZaloUpdateHandler handler, Bot.Storage.INodeCoordination nodes, TimeProvider clock, ILogger<ZaloInbox> logger)
    : BackgroundService
{
    /// <summary>How often a node looks for events a dead node had queued (and at its start).</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    /// <summary>An event's id among the claims on updates.</summary>
    public static long IdOf(ZaloEvent zaloEvent) => Bot.Storage.StableKey.Of(zaloEvent.Key);

    private readonly Channel<ZaloEvent>[] _queues = [.. Enumerable.Range(0, Math.Max(1, options.Concurrency))
        .Select(_ => Channel.CreateBounded<ZaloEvent>(new BoundedChannelOptions(10_000) { SingleReader = true }))];

    /// <summary>Queues an event; waits only when its partition holds 10,000 already.</summary>
    public ValueTask AddAsync(ZaloEvent zaloEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zaloEvent);
        var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(zaloEvent.UserId) % (uint)_queues.Length);
        return _queues[partition].Writer.WriteAsync(zaloEvent, cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(q => Task.Run(() => DrainAsync(q.Reader, stoppingToken), stoppingToken))
            .Append(Task.Run(() => SweepAsync(stoppingToken), stoppingToken)));

    // Events a node claimed and died with, queued here as if just received (their signature was checked when they came).
    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (id, payload) in nodes.TakeAbandoned(ZaloEvents.Channel, 100))
                {
                    using var document = JsonDocument.Parse(payload);
                    if (ZaloEvents.Read(document.RootElement) is { } e)
                    {
                        logger.LogWarning("Zalo event {Key} ({Event}) was left by a node that stopped; handling it here", e.Key, e.Name);
                        await AddAsync(e, stoppingToken);
                    }
                    else nodes.Handled(ZaloEvents.Channel, id);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Looking for Zalo events left by stopped nodes failed; trying again in {Every}", SweepEvery);
            }
            await Task.Delay(SweepEvery, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task DrainAsync(ChannelReader<ZaloEvent> queue, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await handler.HandleAsync(e, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Zalo event {Event} from {User} failed", e.Name, e.UserId);
                }
                try
                {
                    nodes.Handled(ZaloEvents.Channel, IdOf(e)); // answered or apologised for: never again (a stop mid-way leaves it to another node)
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Zalo event {Key} was handled but could not be marked so", e.Key);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>
/// One Zalo event in, the conversation's reply out. Each user event moves the user's 7-day window.
/// A tap's answer (Telegram's toast) is said as a message when the reply has no message of its own,
/// so a forged or stale button still hears "Nút này không còn hiệu lực".
/// </summary>
public sealed class ZaloUpdateHandler(
    IConversation conversation, ZaloChannel channel, ZaloWindow window, Reachability reachability, TimeProvider clock, ILogger<ZaloUpdateHandler> logger)
{
    public async Task HandleAsync(ZaloEvent zaloEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zaloEvent);
        window.Heard(zaloEvent.UserId, zaloEvent.At == DateTimeOffset.MinValue ? clock.GetUtcNow() : zaloEvent.At);
        if (zaloEvent.Inbound is not { } inbound) return;
        Reply reply;
        try
        {
            reply = await conversation.HandleAsync(inbound, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Zalo event {Key} from {User} failed", zaloEvent.Key, inbound.UserId);
            reply = new Reply([Outbound.Say(inbound.ChatId, Phrases.Sorry)]);
        }
        if (reply.Note is { } note) logger.LogInformation("Zalo chat {Chat}: {Note}", inbound.ChatId, note);
        var messages = reply.Messages.Count == 0 && reply.Answer?.Text is { Length: > 0 } toast ? [Outbound.Say(inbound.ChatId, toast)] : reply.Messages;
        foreach (var message in messages) await Replies.SendAsync(channel, inbound, message, reachability, clock, logger, cancellationToken);
    }
}

/// <summary>What the webhook made of one POST.</summary>
public enum WebhookVerdict
{
    /// <summary>Bad or missing signature, or not Zalo's JSON: 401, nothing changes.</summary>
    Refused,

    /// <summary>An echo, a receipt, or an event already taken: 200, nothing to do.</summary>
    Ignored,

    /// <summary>Queued for handling: 200.</summary>
    Queued,
}

/// <summary>The webhook's door: verify, read, de-duplicate, queue. It never waits for the conversation.</summary>
public sealed class ZaloWebhook(ZaloSignature signature, Bot.Storage.INodeCoordination nodes, ZaloInbox inbox, ILogger<ZaloWebhook> logger)
{
    public const int MaxBody = 256 * 1024;

    public async Task<WebhookVerdict> TakeAsync(ReadOnlyMemory<byte> body, string? header, string from, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            logger.LogWarning("Zalo webhook from {From} refused: the body is not JSON", from);
            return WebhookVerdict.Refused;
        }
        var timestamp = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("timestamp", out var t) && t.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (t.ValueKind == JsonValueKind.String ? t.GetString()! : t.GetRawText())
            : "";
        if (!signature.Verify(body.Span, timestamp, header))
        {
            logger.LogWarning("Zalo webhook from {From} refused: {Problem} signature", from, string.IsNullOrEmpty(header) ? "no" : "a bad");
            return WebhookVerdict.Refused;
        }
        if (ZaloEvents.Read(root) is not { } zaloEvent) return WebhookVerdict.Ignored;
        // Once on this store, by whichever node Zalo's post (or its retry) reached first. Zalo has its 200 before the
        // event is handled, so the claim keeps the body: if this node dies with it queued, another takes it from there.
        var claim = nodes.Claim(ZaloEvents.Channel, ZaloInbox.IdOf(zaloEvent), Encoding.UTF8.GetString(body.Span));
        if (claim != Bot.Storage.UpdateClaim.Mine)
        {
            logger.LogInformation("Zalo event {Key} ({Event}) delivered again ({Claim}): ignored", zaloEvent.Key, zaloEvent.Name, claim);
            return WebhookVerdict.Ignored;
        }
        await inbox.AddAsync(zaloEvent, cancellationToken);
        return WebhookVerdict.Queued;
    }
}

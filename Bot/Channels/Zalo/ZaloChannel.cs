using System.Text;
using System.Text.Json.Nodes;
using Bot.Domain.Conversation;
using Bot.Domain.Words;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Bot.Channels.Zalo;

/// <summary>
/// Sends the conversation's messages as Zalo customer-service messages. A text is at most 2,000
/// characters, so a longer one goes as several, cut between lines; a message has at most 5 buttons, so
/// more follow in messages of their own. Buttons are `oa.query.hide` with the signed button data behind
/// <see cref="ZaloEvents.TapPrefix"/>: a tap comes back as the user's text and is checked like any tap.
/// Zalo cannot edit a message, so an edit is sent as a new one; it has no toast either (the webhook says
/// a tap's answer as a message when nothing else answers it). "Ask for the phone" is the
/// `request_user_info` card. Zalo's errors become the channel's own (<see cref="Failure"/>).
/// </summary>
public sealed class ZaloChannel(ZaloApi api, ZaloTokenKeeper tokens, ZaloWindow window, ILogger<ZaloChannel> logger) : IChannel
{
    public const int MaxText = 2_000;
    public const int MaxButtons = 5;

    public string Name => ZaloEvents.Channel;

    public async Task<string> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!window.Open(message.ChatId))
            throw new ChannelException(ChannelFailure.Unreachable, $"outside Zalo's 7-day window (last interaction {window.Last(message.ChatId):O})");
        var sentId = "";
        foreach (var body in Requests(message)) sentId = await SendOneAsync(body, cancellationToken);
        return sentId;
    }

    /// <summary>Zalo has no toast for a tap: the webhook's handler says the answer as a message when nothing else does.</summary>
    public Task AnswerAsync(TapAnswer answer, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The cs requests one outbound becomes, in order.</summary>
    public static IReadOnlyList<JsonObject> Requests(Outbound message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipient = message.ChatId;
        if (message.AskContact)
            return [Text(recipient, message.Text, []), InfoCard(recipient)];
        // Zalo's file and image messages need an upload first (upload/file, upload/image) that this channel does not make
        // yet: a file is named in the text, so nobody is told of a file they never get.
        var said = message.File is { } file ? message.Text + "\n" + Phrases.FileNotOnZalo(file.Name) : message.Text;
        var chunks = Split(said.Normalize(NormalizationForm.FormC), MaxText);
        var buttons = message.Buttons.SelectMany(row => row).Chunk(MaxButtons).ToList();
        var requests = new List<JsonObject>();
        for (var i = 0; i < chunks.Count; i++)
            requests.Add(Text(recipient, chunks[i], i == chunks.Count - 1 && buttons.Count > 0 ? buttons[0] : []));
        foreach (var more in buttons.Skip(1)) requests.Add(Text(recipient, Phrases.ZaloMoreButtons, more));
        return requests;
    }

    /// <summary>Cuts text into pieces of at most <paramref name="max"/> characters, between lines where it can, else between words.</summary>
    public static List<string> Split(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max);
            if (cut <= max / 2) cut = rest.LastIndexOf(' ', max);
            if (cut <= 0) cut = max;
            if (char.IsHighSurrogate(rest[cut - 1])) cut--; // never split a surrogate pair (an emoji)
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', ' ');
        }
        if (rest.Length > 0 || pieces.Count == 0) pieces.Add(rest);
        return pieces;
    }

    private async Task<string> SendOneAsync(JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            var token = await tokens.AccessTokenAsync(cancellationToken);
            var reply = await api.SendAsync(body, token, cancellationToken);
            if (reply.Error is -216 or -220)
            {
                // The token was refused (expired early, revoked): refresh once, try once more.
                logger.LogInformation("Zalo refused the access token ({Error}); refreshing", reply.Error);
                token = await tokens.RefreshAsync(token, cancellationToken);
                reply = await api.SendAsync(body, token, cancellationToken);
            }
            if (reply.Ok) return reply.MessageId ?? "";
            throw Failure(reply.Error, reply.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ChannelException(ChannelFailure.Transient, e.Message, inner: e);
        }
    }

    /// <summary>
    /// A Zalo error code as the channel's failure. The window (-230/-232), an unfollow (-213), a banned or
    /// restricted user (-227/-244) and the billed part of the window without money (-320/-321) are
    /// unreachable until the person writes again; -32 is the rate limit; quotas (-211/-218) throttle for an
    /// hour; a token Zalo still refuses after a refresh is transient (the keeper alerts); the rest are
    /// requests Zalo will never take.
    /// </summary>
    public static ChannelException Failure(int error, string message)
    {
        var text = $"Zalo {error}: {message}";
        return error switch
        {
            -230 or -232 or -213 or -227 or -244 or -320 or -321 => new ChannelException(ChannelFailure.Unreachable, text),
            -32 => new ChannelException(ChannelFailure.Throttled, text, RateLimitWait),
            -211 or -218 => new ChannelException(ChannelFailure.Throttled, text, TimeSpan.FromHours(1)),
            -216 or -220 => new ChannelException(ChannelFailure.Transient, text),
            _ => new ChannelException(ChannelFailure.Rejected, text),
        };
    }

    /// <summary>Zalo gives no retry-after with -32; its limit is per minute, so a few seconds lets the window slide.</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(5);

    private static JsonObject Text(string userId, string text, Button[] buttons)
    {
        var message = new JsonObject { ["text"] = text };
        if (buttons.Length > 0)
            message["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["buttons"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject
                    {
                        ["title"] = b.Text,
                        ["type"] = "oa.query.hide",
                        ["payload"] = ZaloEvents.TapPrefix + b.Data,
                    })]),
                },
            };
        return new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message };
    }

    private static JsonObject InfoCard(string userId) => new()
    {
        ["recipient"] = new JsonObject { ["user_id"] = userId },
        ["message"] = new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["template_type"] = "request_user_info",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["title"] = Phrases.ZaloInfoCardTitle,
                        ["subtitle"] = Phrases.ZaloInfoCardSubtitle,
                    }),
                },
            },
        },
    };
}

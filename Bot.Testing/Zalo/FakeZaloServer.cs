using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Testing.Zalo;

/// <summary>
/// A local Zalo OA Open API for tests and benches: real HTTP on 127.0.0.1 with the real envelopes
/// (errors are HTTP 200 with a negative `error`), customer-service messages (text ≤ 2,000 characters,
/// `oa.query.*` buttons, the `request_user_info` card), OAuth v4 refresh with single-use refresh
/// tokens, the 7-day interaction window on an injectable clock, and -32 past the rate limit. It also
/// plays the users: their events are posted to the bot's webhook signed as Zalo signs them
/// (<see cref="Sign"/>), retried on a short ladder when the bot fails or is slow, and can be sent twice.
/// </summary>
public sealed class FakeZaloServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeZaloState _state;
    private readonly HttpClient _webhook;

    private FakeZaloServer(WebApplication app, FakeZaloState state)
    {
        _app = app;
        _state = state;
        _webhook = new HttpClient { Timeout = state.Options.WebhookTimeout };
        state.Echo = json =>
        {
            if (WebhookUrl is not null) _ = PostAsync(json); // echoes and receipts, as Zalo sends them: not awaited
        };
    }

    public Uri BaseUrl { get; private set; } = null!;

    public FakeZaloOptions Options => _state.Options;

    /// <summary>Where the users' events go: the bot's `/zalo/webhook`.</summary>
    public Uri? WebhookUrl { get; set; }

    public static async Task<FakeZaloServer> StartAsync(FakeZaloOptions? options = null, TimeProvider? clock = null)
    {
        var state = new FakeZaloState(options ?? new FakeZaloOptions(), clock ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v3.0/oa/message/cs", (HttpContext http) => state.SendAsync(http));
        app.MapPost("/v4/oa/access_token", (HttpContext http) => state.RefreshAsync(http));
        await app.StartAsync();
        return new FakeZaloServer(app, state) { BaseUrl = Listening.Address(app.Services) };
    }

    // ---- the users -------------------------------------------------------------------------------

    /// <summary>A user follows the OA (no sender/recipient: `follower.id`, `oa_id`).</summary>
    public Task<FakeWebhookDelivery> Follow(string userId) => PostAsync(_state.UserEvent(userId, "follow", null));

    public Task<FakeWebhookDelivery> Unfollow(string userId) => PostAsync(_state.UserEvent(userId, "unfollow", null));

    /// <summary>A user types a message to the OA.</summary>
    public Task<FakeWebhookDelivery> SendText(string userId, string text) => PostAsync(_state.UserEvent(userId, "user_send_text", text));

    /// <summary>
    /// A user taps an `oa.query.*` button of an OA message: Zalo sends its payload as the user's text, with
    /// a new msg_id. Only a button the user was really sent can be tapped (forgeries are typed, <see cref="SendText"/>).
    /// </summary>
    public Task<FakeWebhookDelivery> Tap(string userId, string payload)
    {
        if (!_state.WasSentButton(userId, payload)) throw new InvalidOperationException($"User {userId} has no button with payload {payload}.");
        return PostAsync(_state.UserEvent(userId, "user_send_text", payload));
    }

    /// <summary>A user shares their details on a `request_user_info` card the OA sent them: `user_submit_info` with `info.phone` "84…".</summary>
    public Task<FakeWebhookDelivery> SubmitInfo(string userId, string name, string phone)
    {
        if (!_state.WasAskedInfo(userId)) throw new InvalidOperationException($"User {userId} was sent no request_user_info card.");
        return PostAsync(_state.SubmitInfo(userId, name, phone));
    }

    /// <summary>
    /// A user types a message that Zalo posted to a node which took it and died before handling it: the event's
    /// JSON as that node kept it, never posted again (Zalo had its 200).
    /// </summary>
    public string SentToANodeThatDied(string userId, string text) => _state.UserEvent(userId, "user_send_text", text).ToJsonString();

    /// <summary>The user interacts with the OA in a way the bot is not told of (its menu, a call): only the 7-day window moves.</summary>
    public void Interacted(string userId) => _state.UserEvent(userId, "user_send_text", null);

    /// <summary>Zalo sends an event it sent before once more: the same bytes, signature and msg_id.</summary>
    public Task<FakeWebhookDelivery> Redeliver(FakeWebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return PostAsync(delivery.Body, delivery.Signature);
    }

    /// <summary>Posts a body with any signature header (null: none), once, for forgery tests.</summary>
    public async Task<HttpStatusCode> PostUnsigned(string body, string? signature)
    {
        using var request = Request(Encoding.UTF8.GetBytes(body), signature);
        using var response = await _webhook.SendAsync(request);
        return response.StatusCode;
    }

    // ---- the platform's switches -----------------------------------------------------------------

    /// <summary>Every access token issued so far expires now (-220 from then on).</summary>
    public void ExpireAccessTokens() => _state.ExpireAccessTokens();

    /// <summary>Every refresh token dies (an admin revoked the app, or three months passed): only re-consent helps.</summary>
    public void KillRefreshTokens() => _state.KillRefreshTokens();

    /// <summary>The next <paramref name="times"/> message requests fail with this code (-32, -213, -227, -244...).</summary>
    public void FailNext(int code, int times = 1) => _state.FailNext(code, times);

    // ---- what the OA sent ------------------------------------------------------------------------

    /// <summary>The conversation with one user as Zalo keeps it: their messages and the OA's, in order.</summary>
    public IReadOnlyList<FakeZaloMessage> Chat(string userId) => _state.Chat(userId);

    public FakeZaloStats Stats => _state.Stats();

    /// <summary>The access token the last accepted message carried (which pair the bot is on).</summary>
    public string? LastAccessTokenUsed => _state.LastAccessTokenUsed;

    /// <summary>Zalo's webhook signature: lowercase hex of SHA-256 over appId + raw body + timestamp + OA secret key.</summary>
    public static string Sign(string appId, ReadOnlySpan<byte> body, string timestamp, string secret)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(secret);
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(appId));
        bytes.AddRange(body.ToArray());
        bytes.AddRange(Encoding.UTF8.GetBytes(timestamp + secret));
        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    private Task<FakeWebhookDelivery> PostAsync(JsonObject json)
    {
        var body = Encoding.UTF8.GetBytes(json.ToJsonString());
        var signature = "mac=" + Sign(Options.AppId, body, json["timestamp"]!.GetValue<string>(), Options.OaSecretKey);
        return PostAsync(body, signature);
    }

    /// <summary>One event, retried on the ladder while the bot answers non-200 or not within the timeout.</summary>
    private async Task<FakeWebhookDelivery> PostAsync(byte[] body, string signature)
    {
        var url = WebhookUrl ?? throw new InvalidOperationException("FakeZaloServer.WebhookUrl is not set.");
        var statuses = new List<HttpStatusCode?>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = Request(body, signature, url);
                using var response = await _webhook.SendAsync(request);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK) break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                statuses.Add(null); // refused, or slower than Zalo waits
            }
            if (attempt >= Options.WebhookRetries.Count) break;
            await Task.Delay(Options.WebhookRetries[attempt]);
        }
        _state.CountDelivery(statuses);
        return new FakeWebhookDelivery(body, signature, statuses);
    }

    private HttpRequestMessage Request(byte[] body, string? signature, Uri? url = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url ?? WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        _webhook.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One event as posted: its exact bytes and signature, and the status of each attempt (null: no answer in time).</summary>
public sealed record FakeWebhookDelivery(byte[] Body, string Signature, IReadOnlyList<HttpStatusCode?> Attempts)
{
    public bool Delivered => Attempts.Count > 0 && Attempts[^1] == HttpStatusCode.OK;

    public string Json => Encoding.UTF8.GetString(Body);
}

/// <summary>A button of an OA message: its title, type (`oa.query.hide`...) and payload.</summary>
public sealed record FakeZaloButton(string Title, string Type, string Payload);

/// <summary>One message in a conversation: from the OA or the user, its text, buttons, and the card's title when it asked for the user's info.</summary>
public sealed record FakeZaloMessage(string Id, bool FromOa, string Text, IReadOnlyList<FakeZaloButton> Buttons, string? InfoCardTitle)
{
    public bool AsksInfo => InfoCardTitle is not null;
}

/// <param name="Sent">OA messages accepted.</param>
/// <param name="Refused">Message requests answered with an error, by code.</param>
/// <param name="Refreshes">Access tokens issued by refresh.</param>
/// <param name="WebhookAttempts">Webhook posts made (retries included).</param>
/// <param name="WebhookFailures">Webhook posts the bot did not answer 200 in time.</param>
public sealed record FakeZaloStats(int Sent, IReadOnlyDictionary<int, int> Refused, int Refreshes, int WebhookAttempts, int WebhookFailures)
{
    public int RefusedWith(int code) => Refused.TryGetValue(code, out var n) ? n : 0;
}

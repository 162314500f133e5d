namespace Bot.Testing.Zalo;

/// <summary>
/// How the local fake Zalo OA server behaves. The defaults follow what is known of the real one
/// (docs/zalo reference): 2,000 characters a message, ~4,000 requests a minute per app, a 7-day
/// window, access tokens of 25 h and single-use refresh tokens of 3 months.
/// </summary>
public sealed class FakeZaloOptions
{
    public string AppId { get; init; } = "3608465";

    /// <summary>The App Secret: the `secret_key` header of the token refresh.</summary>
    public string AppSecret { get; init; } = "fake-app-secret";

    /// <summary>The OA Secret Key of the app's Webhook page: the last term of every webhook signature.</summary>
    public string OaSecretKey { get; init; } = "fake-oa-secret-key";

    public string OaId { get; init; } = "3886132808";

    /// <summary>The first pair, as an OA admin's consent gave it.</summary>
    public string AccessToken { get; init; } = "access-0";

    public string RefreshToken { get; init; } = "refresh-0";

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(25);

    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Requests per minute to the OA API before -32 (a sliding minute).</summary>
    public int RequestsPerMinute { get; init; } = 4_000;

    /// <summary>Customer-service messages need an interaction this recent.</summary>
    public TimeSpan InteractionWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>What a webhook post may take before it counts as failed (Zalo: 2 s).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The retry ladder after a failed webhook post (Zalo's is 30 s, 5 m, 15 m...; short here).</summary>
    public IReadOnlyList<TimeSpan> WebhookRetries { get; init; } = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)];

    /// <summary>Each accepted OA message is echoed to the webhook as `oa_send_text`, as Zalo does.</summary>
    public bool EchoSends { get; init; }

    /// <summary>Each accepted OA message is followed by a `user_received_message` receipt.</summary>
    public bool Receipts { get; init; }

    /// <summary>Called with the user id each time a message is accepted (benches time replies with it).</summary>
    public Action<string>? OnOaMessage { get; init; }
}

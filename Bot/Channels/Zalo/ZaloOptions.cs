namespace Bot.Channels.Zalo;

/// <summary>
/// The "Zalo" configuration section, from the environment (`Zalo__AppId`...). The access and refresh
/// tokens here are the first pair an OA admin's consent gave; every later pair lives in the store.
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    public string AppId { get; set; } = "";

    /// <summary>The App Secret: the `secret_key` of the token refresh.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>
    /// The OA Secret Key of the app's Webhook page, the last term of the webhook signature. (Some apps
    /// are reported to sign with the App Secret instead: then put that value here.)
    /// </summary>
    public string OaSecretKey { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public string RefreshToken { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>How many users' events are handled at once (each user's in order).</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>An app, its webhook secret and a first token (access or refresh) are configured.</summary>
    public bool Enabled => AppId.Length > 0 && OaSecretKey.Length > 0 && (AccessToken.Length > 0 || RefreshToken.Length > 0);
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Channels.Zalo;

/// <summary>A message request's answer: Zalo's `error` (0 = success), its message, and the sent message's id.</summary>
public sealed record ZaloReply(int Error, string Message, string? MessageId)
{
    public bool Ok => Error == 0;
}

/// <summary>A token refresh's answer: the new pair, or why there is none (Zalo's error name and description).</summary>
public sealed record ZaloGrant(string? AccessToken, string? RefreshToken, TimeSpan ExpiresIn, string? Error)
{
    public bool Ok => !string.IsNullOrEmpty(AccessToken) && !string.IsNullOrEmpty(RefreshToken);
}

/// <summary>
/// The OA Open API over HTTP: customer-service messages (v3) and the OAuth v4 refresh. Zalo answers
/// errors with HTTP 200 and a negative `error`, so this reads the envelope, not the status; an answer
/// that is not Zalo's JSON (a 5xx, a proxy's page) is a transient failure of the channel.
/// </summary>
public sealed class ZaloApi(HttpClient http, ZaloOptions options)
{
    public async Task<ZaloReply> SendAsync(JsonObject body, string accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(options.ApiBaseUrl, "v3.0/oa/message/cs"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        var json = await ReadAsync(request, cancellationToken);
        var error = Int(json["error"]) ?? -1;
        return new ZaloReply(error, json["message"]?.ToString() ?? "", json["data"]?["message_id"]?.ToString());
    }

    public async Task<ZaloGrant> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(options.OAuthBaseUrl, "v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = options.AppId,
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.TryAddWithoutValidation("secret_key", options.AppSecret);
        var json = await ReadAsync(request, cancellationToken);
        // expires_in comes as a string ("90000"); a number is taken too.
        var seconds = Int(json["expires_in"]) ?? 90_000;
        var access = json["access_token"]?.ToString();
        var error = string.IsNullOrEmpty(access)
            ? $"{json["error"]} {json["error_name"]}: {json["error_description"] ?? json["message"]}".Trim()
            : null;
        return new ZaloGrant(access, json["refresh_token"]?.ToString(), TimeSpan.FromSeconds(seconds), error);
    }

    private async Task<JsonObject> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (status >= 500) throw new ChannelException(ChannelFailure.Transient, $"Zalo answered HTTP {status}");
        try
        {
            if (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken) is JsonObject json) return json;
        }
        catch (JsonException)
        {
        }
        throw new ChannelException(status >= 400 ? ChannelFailure.Rejected : ChannelFailure.Transient, $"Zalo answered HTTP {status} without its JSON envelope");
    }

    private static Uri Url(string baseUrl, string path) => new(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), path);

    private static int? Int(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };
}

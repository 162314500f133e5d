using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Zalo;

/// <summary>The fake OA server's state and its handlers. One lock guards it all: it is a test server.</summary>
internal sealed class FakeZaloState(FakeZaloOptions options, TimeProvider clock)
{
    private static readonly HashSet<string> ButtonTypes = ["oa.query.show", "oa.query.hide", "oa.open.url", "oa.open.phone", "oa.open.sms"];
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Expires, bool Used)> _refresh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _lastMinute = new();
    private readonly Queue<int> _failNext = new();
    private readonly Dictionary<int, int> _refused = [];
    private long _nextId = 1;
    private int _sent, _refreshes, _webhookAttempts, _webhookFailures;
    private bool _issuedFirst;

    public FakeZaloOptions Options { get; } = options;

    /// <summary>Posts an event the platform itself sends (an echo, a receipt) to the webhook.</summary>
    public Action<JsonObject> Echo { get; set; } = _ => { };

    public string? LastAccessTokenUsed { get; private set; }

    // ---- POST /v3.0/oa/message/cs --------------------------------------------------------------------

    public async Task SendAsync(HttpContext http)
    {
        var token = http.Request.Headers["access_token"].ToString();
        JsonObject? body = null;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
        }
        JsonObject reply;
        JsonObject? echo = null, receipt = null;
        string? acceptedFor = null;
        lock (_gate)
        {
            reply = Send(token, body, out echo, out receipt, out acceptedFor);
        }
        await Write(http, reply);
        if (acceptedFor is not null) Options.OnOaMessage?.Invoke(acceptedFor);
        if (echo is not null) Echo(echo);
        if (receipt is not null) Echo(receipt);
    }

    private JsonObject Send(string token, JsonObject? body, out JsonObject? echo, out JsonObject? receipt, out string? acceptedFor)
    {
        (echo, receipt, acceptedFor) = (null, null, null);
        var now = clock.GetUtcNow();
        EnsureFirstPair(now);
        if (token.Length == 0 || !_access.TryGetValue(token, out var expires)) return Refuse(-216, "Access token is invalid");
        if (expires <= now) return Refuse(-220, "access_token is expired or removed");
        while (_lastMinute.Count > 0 && now - _lastMinute.Peek() >= TimeSpan.FromMinutes(1)) _lastMinute.Dequeue();
        if (_lastMinute.Count >= Options.RequestsPerMinute) return Refuse(-32, "The request exceeded the rate limit");
        _lastMinute.Enqueue(now);
        if (_failNext.Count > 0) return Refuse(_failNext.Dequeue(), "Failed as the test asked");

        var userId = body?["recipient"]?["user_id"]?.GetValue<string>();
        if (body?["message"] is not JsonObject message) return Refuse(-201, "message is invalid!");
        if (string.IsNullOrEmpty(userId) || !_users.TryGetValue(userId, out var user)) return Refuse(-201, "user_id is invalid!");
        if (!user.Follows) return Refuse(-213, "User has not followed OA");
        if (now - user.LastInteraction > Options.InteractionWindow) return Refuse(-230, "User has not interacted with the OA in the past 7 days");

        var text = message["text"]?.GetValue<string>();
        string? cardTitle = null;
        var buttons = new List<FakeZaloButton>();
        if (message["attachment"] is JsonObject attachment)
        {
            var payload = attachment["payload"] as JsonObject;
            if (attachment["type"]?.GetValue<string>() != "template" || payload is null) return Refuse(-201, "attachment is invalid!");
            if (payload["template_type"]?.GetValue<string>() == "request_user_info")
            {
                if (payload["elements"] is not JsonArray { Count: 1 } elements || elements[0] is not JsonObject element) return Refuse(-201, "elements is invalid!");
                cardTitle = element["title"]?.GetValue<string>() ?? "";
                var subtitle = element["subtitle"]?.GetValue<string>() ?? "";
                if (cardTitle.Length is 0 or > 100 || subtitle.Length > 500) return Refuse(-210, "parameter exceeds allowable limit");
                text ??= subtitle;
            }
            else if (payload["buttons"] is JsonArray list)
            {
                if (list.Count is 0 or > 5) return Refuse(-201, "buttons is invalid!");
                foreach (var b in list)
                {
                    var title = b?["title"]?.GetValue<string>() ?? "";
                    var type = b?["type"]?.GetValue<string>() ?? "";
                    var data = b?["payload"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : b?["payload"]?.ToJsonString() ?? "";
                    if (title.Length is 0 or > 100 || !ButtonTypes.Contains(type) || data.Length is 0 or > 1000) return Refuse(-201, "buttons is invalid!");
                    buttons.Add(new FakeZaloButton(title, type, data));
                }
            }
            else return Refuse(-201, "payload is invalid!");
        }
        if (cardTitle is null && string.IsNullOrWhiteSpace(text)) return Refuse(-201, "text is invalid!");
        if ((text ?? "").Normalize(NormalizationForm.FormC).Length > 2000) return Refuse(-210, "parameter exceeds allowable limit");

        var id = NextId("m");
        user.Messages.Add(new FakeZaloMessage(id, true, text ?? "", buttons, cardTitle));
        _sent++;
        LastAccessTokenUsed = token;
        acceptedFor = userId;
        var sentTime = Ms(now);
        if (Options.EchoSends)
            echo = Event("oa_send_text", sentTime, sender: Options.OaId, recipient: userId, m => { m["text"] = text; m["msg_id"] = id; });
        if (Options.Receipts)
            receipt = Event("user_received_message", sentTime, sender: Options.OaId, recipient: userId, m => m["msg_id"] = id);
        return new JsonObject
        {
            ["error"] = 0,
            ["message"] = "Success",
            ["data"] = new JsonObject { ["message_id"] = id, ["user_id"] = userId, ["sent_time"] = sentTime },
        };
    }

    // ---- POST /v4/oa/access_token ------------------------------------------------------------------

    public async Task RefreshAsync(HttpContext http)
    {
        var secret = http.Request.Headers["secret_key"].ToString();
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        JsonObject reply;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            EnsureFirstPair(now);
            var refresh = form?["refresh_token"].ToString() ?? "";
            if (secret != Options.AppSecret) reply = OAuthError(-14002, "Invalid secret key", "secret_key is invalid");
            else if (form?["app_id"].ToString() != Options.AppId) reply = OAuthError(-14001, "Invalid app_id", "app_id is invalid");
            else if (form?["grant_type"].ToString() != "refresh_token") reply = OAuthError(-14003, "Invalid grant_type", "grant_type is invalid");
            else if (!_refresh.TryGetValue(refresh, out var known) || known.Used || known.Expires <= now)
                reply = OAuthError(-14014, "Invalid refresh token", "refresh_token is invalid or expired");
            else
            {
                _refresh[refresh] = known with { Used = true }; // single use: this one is dead from now on
                var access = NextId("access-");
                var next = NextId("refresh-");
                _access[access] = now + Options.AccessTokenLifetime;
                _refresh[next] = (now + Options.RefreshTokenLifetime, false);
                _refreshes++;
                reply = new JsonObject
                {
                    ["access_token"] = access,
                    ["refresh_token"] = next,
                    ["expires_in"] = ((int)Options.AccessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                };
            }
        }
        await Write(http, reply);
    }

    // ---- users and their events -------------------------------------------------------------------

    public JsonObject UserEvent(string userId, string eventName, string? text)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var user = UserOf(userId);
            user.LastInteraction = now;
            if (eventName is "follow") user.Follows = true;
            if (eventName is "unfollow") user.Follows = false;
            if (eventName is "follow" or "unfollow")
                return new JsonObject
                {
                    ["app_id"] = Options.AppId,
                    ["oa_id"] = Options.OaId,
                    ["user_id_by_app"] = "app" + userId,
                    ["event_name"] = eventName,
                    ["timestamp"] = Ms(now),
                    ["source"] = "oa_profile",
                    ["follower"] = new JsonObject { ["id"] = userId },
                };
            var id = NextId("u");
            user.Messages.Add(new FakeZaloMessage(id, false, text ?? "", [], null));
            return Event(eventName, Ms(now), sender: userId, recipient: Options.OaId, m => { m["text"] = text; m["msg_id"] = id; });
        }
    }

    public JsonObject SubmitInfo(string userId, string name, string phone)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            UserOf(userId).LastInteraction = now;
            var json = Event("user_submit_info", Ms(now), sender: userId, recipient: Options.OaId, null);
            json["info"] = new JsonObject { ["name"] = name, ["phone"] = phone, ["address"] = "", ["city"] = "Hải Dương", ["district"] = "Tứ Kỳ" };
            return json;
        }
    }

    public bool WasSentButton(string userId, string payload)
    {
        lock (_gate)
            return _users.TryGetValue(userId, out var u) && u.Messages.Any(m => m.FromOa && m.Buttons.Any(b => b.Payload == payload && b.Type.StartsWith("oa.query", StringComparison.Ordinal)));
    }

    public bool WasAskedInfo(string userId)
    {
        lock (_gate) return _users.TryGetValue(userId, out var u) && u.Messages.Any(m => m.AsksInfo);
    }

    public IReadOnlyList<FakeZaloMessage> Chat(string userId)
    {
        lock (_gate) return _users.TryGetValue(userId, out var u) ? [.. u.Messages] : [];
    }

    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            EnsureFirstPair(clock.GetUtcNow());
            foreach (var key in _access.Keys.ToList()) _access[key] = DateTimeOffset.MinValue;
        }
    }

    public void KillRefreshTokens()
    {
        lock (_gate)
        {
            EnsureFirstPair(clock.GetUtcNow());
            foreach (var key in _refresh.Keys.ToList()) _refresh[key] = (DateTimeOffset.MinValue, true);
        }
    }

    public void FailNext(int code, int times)
    {
        lock (_gate)
            for (var i = 0; i < times; i++) _failNext.Enqueue(code);
    }

    public void CountDelivery(IReadOnlyList<System.Net.HttpStatusCode?> attempts)
    {
        lock (_gate)
        {
            _webhookAttempts += attempts.Count;
            _webhookFailures += attempts.Count(a => a != System.Net.HttpStatusCode.OK);
        }
    }

    public FakeZaloStats Stats()
    {
        lock (_gate) return new FakeZaloStats(_sent, new Dictionary<int, int>(_refused), _refreshes, _webhookAttempts, _webhookFailures);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    // The consent's pair is issued when the server first needs it, on the server's own clock.
    private void EnsureFirstPair(DateTimeOffset now)
    {
        if (_issuedFirst) return;
        _issuedFirst = true;
        _access[Options.AccessToken] = now + Options.AccessTokenLifetime;
        _refresh[Options.RefreshToken] = (now + Options.RefreshTokenLifetime, false);
    }

    private JsonObject Event(string name, string timestamp, string sender, string recipient, Action<JsonObject>? message)
    {
        var json = new JsonObject
        {
            ["app_id"] = Options.AppId,
            ["user_id_by_app"] = "app" + (sender == Options.OaId ? recipient : sender),
            ["event_name"] = name,
            ["timestamp"] = timestamp,
            ["sender"] = new JsonObject { ["id"] = sender },
            ["recipient"] = new JsonObject { ["id"] = recipient },
        };
        if (message is not null)
        {
            var m = new JsonObject();
            message(m);
            json["message"] = m;
        }
        return json;
    }

    private User UserOf(string userId) => _users.TryGetValue(userId, out var u) ? u : _users[userId] = new User();

    private JsonObject Refuse(int code, string message)
    {
        _refused[code] = _refused.GetValueOrDefault(code) + 1;
        return new JsonObject { ["error"] = code, ["message"] = message };
    }

    private static JsonObject OAuthError(int code, string name, string description) => new()
    {
        ["error"] = code,
        ["error_name"] = name,
        ["error_reason"] = name,
        ["error_description"] = description,
    };

    private string NextId(string prefix) => prefix + (_nextId++).ToString("x8", CultureInfo.InvariantCulture);

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    // Errors too are HTTP 200, as the real API answers them.
    private static async Task Write(HttpContext http, JsonObject body)
    {
        if (http.RequestAborted.IsCancellationRequested) return;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(Json));
    }

    private sealed class User
    {
        public DateTimeOffset LastInteraction { get; set; } = DateTimeOffset.MinValue;

        /// <summary>Users who write without following can be answered too; an unfollow stops that (-213).</summary>
        public bool Follows { get; set; } = true;

        public List<FakeZaloMessage> Messages { get; } = [];
    }
}

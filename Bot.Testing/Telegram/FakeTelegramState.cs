using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Telegram;

/// <summary>The fake Bot API's state and its method handlers. One lock guards it all: it is a test server.</summary>
internal sealed partial class FakeTelegramState(FakeTelegramOptions options, TimeProvider clock)
{
    private const long BotUserId = 7_000_000_001;
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _updates = [];
    private readonly Dictionary<long, List<StoredMessage>> _chats = [];
    private readonly Dictionary<string, (DateTimeOffset At, bool Answered)> _callbacks = [];
    private readonly Dictionary<string, string?> _answers = [];
    private readonly List<(string, string)> _commands = [];
    private readonly Dictionary<string, FakeFile> _files = new(StringComparer.Ordinal);
    private long _nextFileId = 1;
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perChat = [];
    private readonly Queue<DateTimeOffset> _overall = new();
    private readonly Random _dice = new(options.Seed);
    private long _nextUpdateId = 1;
    private long _nextCallbackId = 900_000_000_000;
    private CancellationTokenSource? _pendingPoll;
    private TaskCompletionSource _arrived = NewSignal();
    private int _sent, _edited, _tooMany, _faults, _forbidden, _answered, _delivered, _downloads;

    /// <summary>getFile serves bots files of at most 20 MB.</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    public FakeTelegramOptions Options { get; } = options;

    public System.Collections.Concurrent.ConcurrentDictionary<long, bool> Blocked { get; } = new();

    public async Task HandleAsync(HttpContext http, string token, string method)
    {
        if (token != Options.Token)
        {
            await Reply(http, Error(401, "Unauthorized: invalid token specified"));
            return;
        }
        var args = await ReadArgumentsAsync(http.Request);
        var name = method.StartsWith("test/", StringComparison.OrdinalIgnoreCase) ? method[5..] : method;
        var result = name.ToLowerInvariant() switch
        {
            "getme" => Ok(new JsonObject { ["id"] = BotUserId, ["is_bot"] = true, ["first_name"] = "Trợ lý nhiệm vụ", ["username"] = "tro_ly_nhiem_vu_bot" }),
            "getupdates" => await GetUpdatesAsync(args, http.RequestAborted),
            "sendmessage" => await SendAsync(args, edit: false, http.RequestAborted),
            "editmessagetext" => await SendAsync(args, edit: true, http.RequestAborted),
            "editmessagereplymarkup" => EditMarkup(args),
            "answercallbackquery" => Answer(args),
            "getfile" => GetFile(args),
            "senddocument" => await SendFileAsync(http, args, "document"),
            "sendphoto" => await SendFileAsync(http, args, "photo"),
            "setmycommands" => SetCommands(args),
            "deletewebhook" or "setwebhook" or "deletemessage" => Ok(true),
            _ => Error(404, "Not Found: method not found"),
        };
        await Reply(http, result);
    }

    public long Enqueue(string kind, JsonObject payload)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            _updates.Add(new JsonObject { ["update_id"] = id, [kind] = payload });
            _arrived.TrySetResult();
            return id;
        }
    }

    public JsonObject UserMessage(long userId, string firstName, Action<JsonObject> fill)
    {
        lock (_gate)
        {
            var chat = ChatOf(userId);
            var message = new JsonObject
            {
                ["message_id"] = chat.Count + 1,
                ["from"] = User(userId, firstName),
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = firstName },
                ["date"] = clock.GetUtcNow().ToUnixTimeSeconds(),
            };
            fill(message);
            chat.Add(new StoredMessage(chat.Count + 1, false, message["text"]?.GetValue<string>() ?? message["document"]?["file_name"]?.GetValue<string>() ?? message["caption"]?.GetValue<string>() ?? "", null, false));
            return message;
        }
    }

    public string EnqueueCallback(long userId, int messageId, string data)
    {
        JsonObject query;
        string id;
        lock (_gate)
        {
            var chat = ChatOf(userId);
            var message = chat.FirstOrDefault(m => m.Id == messageId);
            id = (_nextCallbackId++).ToString(CultureInfo.InvariantCulture);
            _callbacks[id] = (clock.GetUtcNow(), false);
            query = new JsonObject
            {
                ["id"] = id,
                ["from"] = User(userId, "Cán bộ"),
                ["chat_instance"] = "ci" + userId.ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
                ["message"] = message is null
                    ? new JsonObject { ["message_id"] = messageId, ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" }, ["date"] = 0 }
                    : BotMessage(userId, message),
            };
        }
        Enqueue("callback_query", query);
        return id;
    }

    public IReadOnlyList<FakeMessage> ChatSnapshot(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat)
                ? chat.Select(m => new FakeMessage(m.Id, m.FromBot, m.Text, ButtonsOf(m.Markup), m.Edited)
                    { File = m.File is { } f ? new FakeSentFile(f.Name, f.Content) : null }).ToList()
                : [];
        }
    }

    public FakeTelegramStats Stats()
    {
        lock (_gate) return new FakeTelegramStats(_sent, _edited, _tooMany, _faults, _forbidden, _answered, _delivered) { Downloads = _downloads };
    }

    public IReadOnlyDictionary<string, string?> CallbackAnswers()
    {
        lock (_gate) return new Dictionary<string, string?>(_answers);
    }

    public IReadOnlyList<(string, string)> Commands()
    {
        lock (_gate) return [.. _commands];
    }

    public void Close()
    {
        lock (_gate) _pendingPoll?.Cancel();
    }

    private async Task<Result> GetUpdatesAsync(JsonObject args, CancellationToken aborted)
    {
        var offset = Long(args, "offset");
        var limit = (int)Math.Clamp(Long(args, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(Long(args, "timeout") ?? 0, 0, 50));
        CancellationTokenSource mine;
        lock (_gate)
        {
            // A newer poll ends the older one with 409, as the real server does.
            _pendingPoll?.Cancel();
            mine = _pendingPoll = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            Confirm(offset);
        }
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (mine.IsCancellationRequested && !aborted.IsCancellationRequested)
                    return Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                if (_updates.Count > 0 || clock.GetUtcNow() >= deadline)
                {
                    var batch = _updates.Take(limit).Select(u => u.DeepClone()).ToArray();
                    _delivered += batch.Length;
                    if (ReferenceEquals(_pendingPoll, mine)) _pendingPoll = null;
                    return Ok(new JsonArray(batch));
                }
                if (_arrived.Task.IsCompleted) _arrived = NewSignal();
                signal = _arrived.Task;
            }
            var wait = deadline - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero) continue;
            try
            {
                await signal.WaitAsync(wait, clock, mine.Token);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                return Error(400, "Bad Request: request aborted");
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void Confirm(long? offset)
    {
        if (offset is null) return;
        if (offset < 0)
        {
            var keep = (int)Math.Min(-offset.Value, _updates.Count);
            _updates.RemoveRange(0, _updates.Count - keep);
        }
        else _updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
    }

    private async Task<Result> SendAsync(JsonObject args, bool edit, CancellationToken aborted)
    {
        if (Fault() is { } fault)
        {
            if (fault == HttpStatusCode.RequestTimeout)
            {
                // A hang: the request is lost; the client must time out and try again.
                await Task.Delay(Options.HangFor, clock, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Error(504, "Gateway Timeout");
            }
            return fault == HttpStatusCode.TooManyRequests ? TooMany(1) : Error((int)fault, "Internal Server Error");
        }
        var chatId = Long(args, "chat_id");
        if (chatId is null) return Error(400, "Bad Request: chat not found");
        var parseMode = args["parse_mode"]?.GetValue<string>();
        var raw = args["text"]?.GetValue<string>() ?? "";
        var (text, parseError) = string.Equals(parseMode, "html", StringComparison.OrdinalIgnoreCase) ? ParseHtml(raw) : (raw, null);
        if (parseError is not null) return Error(400, parseError);
        if (text.Trim().Length == 0) return Error(400, "Bad Request: message text is empty");
        if (text.Length > 4096) return Error(400, "Bad Request: message is too long");
        var markup = args["reply_markup"] as JsonObject;
        if (InvalidButtons(markup)) return Error(400, "Bad Request: BUTTON_DATA_INVALID");
        Result sent;
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId.Value, out var chat)) return Error(400, "Bad Request: chat not found");
            if (Blocked.ContainsKey(chatId.Value))
            {
                _forbidden++;
                return Error(403, "Forbidden: bot was blocked by the user");
            }
            if (edit)
            {
                var id = (int)(Long(args, "message_id") ?? 0);
                var index = chat.FindIndex(m => m.Id == id);
                if (index < 0) return Error(400, "Bad Request: message to edit not found");
                var old = chat[index];
                if (!old.FromBot) return Error(400, "Bad Request: message can't be edited");
                var inline = markup?["inline_keyboard"] is null ? null : markup;
                if (old.Text == text && JsonNode.DeepEquals(old.Markup, inline))
                    return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
                chat[index] = old with { Text = text, Markup = inline?.DeepClone() as JsonObject, Edited = true };
                _edited++;
                return Ok(BotMessage(chatId.Value, chat[index]));
            }
            if (RateLimited(chatId.Value) is { } retryAfter) return TooMany(retryAfter);
            var message = new StoredMessage(chat.Count + 1, true, text, markup?.DeepClone() as JsonObject, false);
            chat.Add(message);
            _sent++;
            sent = Ok(BotMessage(chatId.Value, message));
        }
        Options.OnBotMessage?.Invoke(chatId.Value);
        return sent;
    }

    /// <summary>A file a user sends: kept with a file id and path, as Telegram keeps uploads.</summary>
    public JsonObject AddFile(string fileName, byte[] content, long? declaredSize)
    {
        lock (_gate)
        {
            var n = _nextFileId++;
            var id = "BQACAgIAAxk" + n.ToString("D8", CultureInfo.InvariantCulture);
            var file = new FakeFile(id, "u" + n.ToString(CultureInfo.InvariantCulture), $"documents/file_{n}{Path.GetExtension(fileName)}", fileName, content, declaredSize ?? content.Length);
            _files[id] = file;
            return new JsonObject { ["file_id"] = id, ["file_unique_id"] = file.UniqueId, ["file_name"] = fileName, ["file_size"] = file.Size };
        }
    }

    /// <summary>One size of a compressed photo: a file of its own, described as Telegram's PhotoSize (no name).</summary>
    public JsonObject AddPhotoSize(byte[] content, int width, int height)
    {
        lock (_gate)
        {
            var n = _nextFileId++;
            var id = "AgACAgIAAxk" + n.ToString("D8", CultureInfo.InvariantCulture);
            var file = new FakeFile(id, "u" + n.ToString(CultureInfo.InvariantCulture), $"photos/file_{n}.jpg", $"file_{n}.jpg", content, content.Length);
            _files[id] = file;
            return new JsonObject { ["file_id"] = id, ["file_unique_id"] = file.UniqueId, ["width"] = width, ["height"] = height, ["file_size"] = file.Size };
        }
    }

    /// <summary>GET /file/bot&lt;token&gt;/&lt;path&gt;: the file's bytes, 404 for an unknown path, 401 for a bad token.</summary>
    public async Task DownloadAsync(HttpContext http, string token, string path)
    {
        if (token != Options.Token)
        {
            await Reply(http, Error(401, "Unauthorized: invalid token specified"));
            return;
        }
        FakeFile? file;
        lock (_gate) file = _files.Values.FirstOrDefault(f => f.Path == path);
        if (file is null)
        {
            await Reply(http, Error(404, "Not Found: file not found"));
            return;
        }
        lock (_gate) _downloads++;
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = file.Content.Length;
        await http.Response.Body.WriteAsync(file.Content, http.RequestAborted);
    }

    private Result GetFile(JsonObject args)
    {
        var id = args["file_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(id)) return Error(400, "Bad Request: file_id not specified");
        lock (_gate)
        {
            if (!_files.TryGetValue(id, out var file)) return Error(400, "Bad Request: invalid file_id");
            if (file.Size > MaxDownloadBytes) return Error(400, "Bad Request: file is too big");
            return Ok(new JsonObject { ["file_id"] = file.Id, ["file_unique_id"] = file.UniqueId, ["file_size"] = file.Size, ["file_path"] = file.Path });
        }
    }

    /// <summary>sendDocument / sendPhoto: a multipart upload (the field, or attach://name) or a known file_id, with an optional caption.</summary>
    private async Task<Result> SendFileAsync(HttpContext http, JsonObject args, string field)
    {
        var chatId = Long(args, "chat_id");
        if (chatId is null) return Error(400, "Bad Request: chat not found");
        var caption = args["caption"]?.GetValue<string>() ?? "";
        if (caption.Length > 1024) return Error(400, "Bad Request: message caption is too long");
        FakeFile? file = null;
        var reference = args[field]?.GetValue<string>();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var part = form.Files.GetFile(reference is { } r && r.StartsWith("attach://", StringComparison.Ordinal) ? r[9..] : field);
            if (part is not null)
            {
                if (part.Length > (field == "photo" ? 10L : 50L) * 1024 * 1024) return Error(400, "Bad Request: file is too big");
                using var content = new MemoryStream();
                await part.CopyToAsync(content, http.RequestAborted);
                var json = AddFile(part.FileName, content.ToArray(), null);
                lock (_gate) file = _files[json["file_id"]!.GetValue<string>()];
            }
        }
        if (file is null && reference is { Length: > 0 } && !reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            lock (_gate)
                if (!_files.TryGetValue(reference, out file)) return Error(400, "Bad Request: wrong file identifier/HTTP URL specified");
        }
        if (file is null) return Error(400, $"Bad Request: there is no {field} in the request");
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId.Value, out var chat)) return Error(400, "Bad Request: chat not found");
            if (Blocked.ContainsKey(chatId.Value))
            {
                _forbidden++;
                return Error(403, "Forbidden: bot was blocked by the user");
            }
            if (RateLimited(chatId.Value) is { } retryAfter) return TooMany(retryAfter);
            var message = new StoredMessage(chat.Count + 1, true, caption, (args["reply_markup"] as JsonObject)?.DeepClone() as JsonObject, false, file, field);
            chat.Add(message);
            _sent++;
            var sent = BotMessage(chatId.Value, message);
            return Ok(sent);
        }
    }

    private Result EditMarkup(JsonObject args)
    {
        lock (_gate)
        {
            var chatId = Long(args, "chat_id") ?? 0;
            var id = (int)(Long(args, "message_id") ?? 0);
            if (!_chats.TryGetValue(chatId, out var chat)) return Error(400, "Bad Request: chat not found");
            var index = chat.FindIndex(m => m.Id == id && m.FromBot);
            if (index < 0) return Error(400, "Bad Request: message to edit not found");
            var markup = args["reply_markup"] as JsonObject;
            if (JsonNode.DeepEquals(chat[index].Markup, markup))
                return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            chat[index] = chat[index] with { Markup = markup?.DeepClone() as JsonObject, Edited = true };
            _edited++;
            return Ok(BotMessage(chatId, chat[index]));
        }
    }

    private Result Answer(JsonObject args)
    {
        var id = args["callback_query_id"]?.GetValue<string>() ?? "";
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(id, out var query) || query.Answered || clock.GetUtcNow() - query.At > Options.CallbackAnswerWindow)
                return Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            _callbacks[id] = (query.At, true);
            _answers[id] = args["text"]?.GetValue<string>();
            _answered++;
            return Ok(true);
        }
    }

    private Result SetCommands(JsonObject args)
    {
        if (args["commands"] is not JsonArray list || list.Count > 100) return Error(400, "Bad Request: commands are invalid");
        var commands = new List<(string, string)>();
        foreach (var c in list.OfType<JsonObject>())
        {
            var command = c["command"]?.GetValue<string>() ?? "";
            var description = c["description"]?.GetValue<string>() ?? "";
            if (!CommandName().IsMatch(command) || description.Length is < 1 or > 256)
                return Error(400, "Bad Request: BOT_COMMAND_INVALID");
            commands.Add((command, description));
        }
        lock (_gate)
        {
            _commands.Clear();
            _commands.AddRange(commands);
        }
        return Ok(true);
    }

    /// <summary>Null when the send may go now; else the seconds to wait (at least 1).</summary>
    private int? RateLimited(long chatId)
    {
        var now = clock.GetUtcNow();
        var second = TimeSpan.FromSeconds(1);
        var chatWindow = _perChat.TryGetValue(chatId, out var q) ? q : _perChat[chatId] = new Queue<DateTimeOffset>();
        // Per chat: a sliding window as long as the burst lasts at the chat's rate.
        var chatSpan = TimeSpan.FromSeconds((Options.PerChatBurst + Options.PerChatPerSecond) / Options.PerChatPerSecond);
        while (chatWindow.Count > 0 && now - chatWindow.Peek() >= chatSpan) chatWindow.Dequeue();
        while (_overall.Count > 0 && now - _overall.Peek() >= second) _overall.Dequeue();
        var chatLimit = Options.PerChatBurst + (int)Math.Ceiling(Options.PerChatPerSecond);
        var overallLimit = (int)Math.Ceiling(Options.OverallPerSecond);
        if (chatWindow.Count >= chatLimit || _overall.Count >= overallLimit)
        {
            var free = chatWindow.Count >= chatLimit ? chatWindow.Peek() + chatSpan - now : _overall.Peek() + second - now;
            _tooMany++;
            return Math.Max(1, (int)Math.Ceiling(free.TotalSeconds));
        }
        chatWindow.Enqueue(now);
        _overall.Enqueue(now);
        return null;
    }

    private HttpStatusCode? Fault()
    {
        lock (_gate)
        {
            if (Options.FaultRate <= 0 || _dice.NextDouble() >= Options.FaultRate) return null;
            _faults++;
            return _dice.Next(3) switch
            {
                0 => HttpStatusCode.InternalServerError,
                1 => HttpStatusCode.RequestTimeout,
                _ => HttpStatusCode.TooManyRequests,
            };
        }
    }

    private static Result TooMany(int seconds)
    {
        var error = Error(429, $"Too Many Requests: retry after {seconds}");
        error.Body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return error with { RetryAfter = seconds };
    }

    private List<StoredMessage> ChatOf(long userId) =>
        _chats.TryGetValue(userId, out var chat) ? chat : _chats[userId] = [];

    private JsonObject BotMessage(long chatId, StoredMessage m)
    {
        var json = new JsonObject
        {
            ["message_id"] = m.Id,
            ["from"] = new JsonObject { ["id"] = BotUserId, ["is_bot"] = true, ["first_name"] = "Trợ lý nhiệm vụ" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["date"] = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (m.File is { } file)
        {
            if (m.FileKind == "photo")
                json["photo"] = new JsonArray(new JsonObject { ["file_id"] = file.Id, ["file_unique_id"] = file.UniqueId, ["width"] = 1, ["height"] = 1, ["file_size"] = file.Size });
            else json["document"] = new JsonObject { ["file_id"] = file.Id, ["file_unique_id"] = file.UniqueId, ["file_name"] = file.Name, ["file_size"] = file.Size };
            if (m.Text.Length > 0) json["caption"] = m.Text;
        }
        else json["text"] = m.Text;
        if (m.Edited) json["edit_date"] = clock.GetUtcNow().ToUnixTimeSeconds();
        if (m.Markup is not null) json["reply_markup"] = m.Markup.DeepClone();
        return json;
    }

    private static JsonObject User(long id, string firstName) =>
        new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "vi" };

    private static List<IReadOnlyList<(string, string)>> ButtonsOf(JsonObject? markup) =>
        markup?["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().Select(r => (IReadOnlyList<(string, string)>)r.OfType<JsonObject>()
                .Select(b => (b["text"]?.GetValue<string>() ?? "", b["callback_data"]?.GetValue<string>() ?? "")).ToList()).ToList()
            : [];

    private static bool InvalidButtons(JsonObject? markup) =>
        markup?["inline_keyboard"] is JsonArray rows && rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>())
            .Any(b => b["callback_data"] is { } d && Encoding.UTF8.GetByteCount(d.GetValue<string>()) is < 1 or > 64);

    /// <summary>Telegram's HTML subset: the text a user sees, or the error the real API gives.</summary>
    private static (string Text, string? Error) ParseHtml(string html)
    {
        foreach (Match tag in HtmlTag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (!AllowedTags.Contains(name))
            {
                var offset = Encoding.UTF8.GetByteCount(html.AsSpan(0, tag.Index));
                return ("", $"Bad Request: can't parse entities: Unsupported start tag \"{name}\" at byte offset {offset}");
            }
        }
        var text = HtmlTag().Replace(html, "");
        return (WebUtility.HtmlDecode(text), null);
    }

    private static readonly HashSet<string> AllowedTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji", "span"];

    private static async Task<JsonObject> ReadArgumentsAsync(HttpRequest request)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query) args[key] = AsNode(value.ToString());
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form) args[key] = AsNode(value.ToString());
        }
        else if (request.ContentLength is not 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (body.Length > 0 && JsonNode.Parse(body) is JsonObject json)
                foreach (var (key, value) in json) args[key] = value?.DeepClone();
        }
        return args;
    }

    // Form and query values are strings; JSON-looking ones (reply_markup, commands) are parsed.
    private static JsonNode? AsNode(string value)
    {
        if (value.Length > 0 && value[0] is '{' or '[')
        {
            try { return JsonNode.Parse(value); } catch (JsonException) { }
        }
        return JsonValue.Create(value);
    }

    private static long? Long(JsonObject args, string name) => args[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    private static Result Ok(JsonNode result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Result Ok(bool result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Result Error(int code, string description) =>
        new(code, new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description });

    private static async Task Reply(HttpContext http, Result result)
    {
        if (http.RequestAborted.IsCancellationRequested) return;
        http.Response.StatusCode = result.Status;
        if (result.RetryAfter is { } s) http.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(result.Body.ToJsonString(Json));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GeneratedRegex("</?(?<name>[a-zA-Z][a-zA-Z0-9-]*)[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    private sealed record StoredMessage(int Id, bool FromBot, string Text, JsonObject? Markup, bool Edited, FakeFile? File = null, string? FileKind = null);

    private sealed record FakeFile(string Id, string UniqueId, string Path, string Name, byte[] Content, long Size);

    private sealed record Result(int Status, JsonObject Body, int? RetryAfter = null);
}

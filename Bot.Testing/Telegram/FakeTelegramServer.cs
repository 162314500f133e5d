using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Testing.Telegram;

/// <summary>
/// A local Telegram Bot API for tests and benches: real HTTP on 127.0.0.1, the real envelope and
/// error texts, getUpdates with offsets and long polling, 429 with retry_after when a bot sends
/// faster than the limits, 403 for users who blocked the bot, and optional random faults.
/// Test code plays the users through <see cref="SendText"/>, <see cref="ShareContact"/> and
/// <see cref="Tap"/>, and reads what the bot sent through <see cref="Chat"/>.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeTelegramState _state;

    private FakeTelegramServer(WebApplication app, FakeTelegramState state)
    {
        _app = app;
        _state = state;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public string Token => _state.Options.Token;

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null, TimeProvider? clock = null)
    {
        var state = new FakeTelegramState(options ?? new FakeTelegramOptions(), clock ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Map("/bot{token}/{**method}", (HttpContext http, string token, string method) => state.HandleAsync(http, token, method));
        app.MapGet("/file/bot{token}/{**path}", (HttpContext http, string token, string path) => state.DownloadAsync(http, token, path));
        await app.StartAsync();
        return new FakeTelegramServer(app, state) { BaseUrl = Listening.Address(app.Services) };
    }

    /// <summary>A user types a message in their private chat with the bot.</summary>
    public long SendText(long userId, string text, string firstName = "Cán bộ") =>
        _state.Enqueue("message", _state.UserMessage(userId, firstName, m => m["text"] = text));

    /// <summary>A user shares a phone contact (their own unless <paramref name="ownerId"/> says otherwise).</summary>
    public long ShareContact(long userId, string phone, long? ownerId = null, string firstName = "Cán bộ") =>
        _state.Enqueue("message", _state.UserMessage(userId, firstName, m => m["contact"] = new JsonObject
        {
            ["phone_number"] = phone,
            ["first_name"] = firstName,
            ["user_id"] = ownerId ?? userId,
        }));

    /// <summary>
    /// A user sends a file (a document message, optionally with a caption). <paramref name="declaredSize"/> is the size
    /// Telegram reports, for files too large to make in a test (getFile refuses over 20 MB).
    /// </summary>
    public long SendDocument(long userId, string fileName, byte[] content, long? declaredSize = null, string? caption = null, string firstName = "Cán bộ")
    {
        var document = _state.AddFile(fileName, content, declaredSize);
        return _state.Enqueue("message", _state.UserMessage(userId, firstName, m =>
        {
            m["document"] = document;
            if (caption is not null) m["caption"] = caption;
        }));
    }

    /// <summary>
    /// A user sends a picture compressed, as Telegram's camera button does: a photo message with its sizes, smallest
    /// first (here a thumbnail of the first bytes, then the picture itself), and no file name.
    /// </summary>
    public long SendPhoto(long userId, byte[] jpeg, string? caption = null, string firstName = "Cán bộ")
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var thumbnail = _state.AddPhotoSize(jpeg[..Math.Min(jpeg.Length, 8)], 90, 67);
        var full = _state.AddPhotoSize(jpeg, 1280, 960);
        return _state.Enqueue("message", _state.UserMessage(userId, firstName, m =>
        {
            m["photo"] = new System.Text.Json.Nodes.JsonArray(thumbnail, full);
            if (caption is not null) m["caption"] = caption;
        }));
    }

    /// <summary>A user taps an inline button under one of the bot's messages; returns the callback query id.</summary>
    public string Tap(long userId, int messageId, string data) => _state.EnqueueCallback(userId, messageId, data);

    /// <summary>The user blocks the bot: sends to them get 403.</summary>
    public void Block(long userId) => _state.Blocked[userId] = true;

    /// <summary>The private chat with a user as the bot left it: messages with their current text and buttons.</summary>
    public IReadOnlyList<FakeMessage> Chat(long chatId) => _state.ChatSnapshot(chatId);

    /// <summary>The bot's latest message in a chat that matches, waiting for it (a real process answers in its own time).</summary>
    /// <exception cref="TimeoutException">Not said within <paramref name="timeout"/> (15 s); the message shows the chat.</exception>
    public async Task<FakeMessage> UntilAsync(long chat, Func<FakeMessage, bool> seen, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var hit = Chat(chat).LastOrDefault(m => m.FromBot && seen(m));
            if (hit is not null) return hit;
            await Task.Delay(50);
        }
        var said = string.Join("\n---\n", Chat(chat).Select(m => (m.FromBot ? "bot: " : "user: ") + m.Text));
        throw new TimeoutException($"The bot never said it. Chat {chat}:\n{said}");
    }

    /// <summary>The bot's answer to a tap, waiting for it.</summary>
    public async Task<string?> AnswerAsync(string queryId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (CallbackAnswers.TryGetValue(queryId, out var text)) return text;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Callback {queryId} was never answered.");
    }

    /// <summary>Counts of what the server saw, for assertions and benches.</summary>
    public FakeTelegramStats Stats => _state.Stats();

    /// <summary>The answers given to callback queries, by query id.</summary>
    public IReadOnlyDictionary<string, string?> CallbackAnswers => _state.CallbackAnswers();

    /// <summary>The commands the bot registered with setMyCommands.</summary>
    public IReadOnlyList<(string Command, string Description)> Commands => _state.Commands();

    public async ValueTask DisposeAsync()
    {
        _state.Close();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One message in a chat: who sent it, its current text (a file's caption) and inline buttons (text, data), the file it carries.</summary>
public sealed record FakeMessage(int Id, bool FromBot, string Text, IReadOnlyList<IReadOnlyList<(string Text, string Data)>> Buttons, bool Edited)
{
    public FakeSentFile? File { get; init; }
}

/// <summary>A file in a chat (sendDocument, sendPhoto): its name and bytes as uploaded.</summary>
public sealed record FakeSentFile(string Name, byte[] Content);

public sealed record FakeTelegramStats(int Sent, int Edited, int TooManyRequests, int Faults, int Forbidden, int Answered, int UpdatesDelivered)
{
    /// <summary>Files the bot downloaded (GET /file/bot…/path).</summary>
    public int Downloads { get; init; }
}

using Bot.Testing.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Tests.Channels;

/// <summary>
/// The fake Bot API must behave like the real one for Telegram.Bot, or the end-to-end tests prove
/// nothing. These drive it through the library over real HTTP.
/// </summary>
public sealed class FakeTelegramServerTests : IAsyncLifetime
{
    private const long User = 501;
    private FakeTelegramServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { PerChatPerSecond = 1, PerChatBurst = 2 });
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Updates_are_confirmed_by_the_offset()
    {
        _server.SendText(User, "việc của tôi");
        _server.SendText(User, "quá hạn");

        var first = await _bot.GetUpdates(timeout: 0);
        Assert.Equal(["việc của tôi", "quá hạn"], first.Select(u => u.Message!.Text));
        var again = await _bot.GetUpdates(timeout: 0);
        Assert.Equal(2, again.Length); // not confirmed yet: delivered again

        var confirmed = await _bot.GetUpdates(offset: first[^1].Id + 1, timeout: 0);
        Assert.Empty(confirmed);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives()
    {
        var poll = _bot.GetUpdates(timeout: 20);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);
        _server.SendText(User, "xin chào");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("xin chào", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task Sends_edits_and_callback_answers_work_like_the_real_api()
    {
        _server.SendText(User, "/start");
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("✅ Đã xong", "d:1"));
        var sent = await _bot.SendMessage(User, "<b>Việc 1</b> &amp; hạn 30/11", ParseMode.Html, replyMarkup: keyboard);
        Assert.Equal("Việc 1 & hạn 30/11", sent.Text);

        var queryId = _server.Tap(User, sent.Id, "d:1");
        var tap = (await _bot.GetUpdates(timeout: 0)).Single(u => u.CallbackQuery is not null).CallbackQuery!;
        Assert.Equal(queryId, tap.Id);
        Assert.Equal("d:1", tap.Data);
        await _bot.AnswerCallbackQuery(tap.Id, "Đã ghi nhận");
        var late = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerCallbackQuery(tap.Id));
        Assert.Contains("query is too old", late.Message, StringComparison.Ordinal);

        await _bot.EditMessageText(User, sent.Id, "Việc 1 — đã xong"); // no markup: the buttons go
        var shown = _server.Chat(User).Single(m => m.Id == sent.Id);
        Assert.Equal("Việc 1 — đã xong", shown.Text);
        Assert.Empty(shown.Buttons);
        var same = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(User, sent.Id, "Việc 1 — đã xong"));
        Assert.Contains("message is not modified", same.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_get_the_real_errors()
    {
        _server.SendText(User, "/start");
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(999, "x"));
        Assert.Equal(400, unknown.ErrorCode);
        Assert.Equal("Bad Request: chat not found", unknown.Message);

        var tooLong = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("x", new string('đ', 40)));
        var button = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(User, "x", replyMarkup: tooLong));
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", button.Message);

        var html = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(User, "<x>y</x>", ParseMode.Html));
        Assert.StartsWith("Bad Request: can't parse entities: Unsupported start tag \"x\"", html.Message, StringComparison.Ordinal);

        _server.Block(User);
        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(User, "nhắc việc"));
        Assert.Equal(403, blocked.ErrorCode);
    }

    [Fact]
    public async Task Sending_faster_than_the_chat_limit_gets_429_with_retry_after()
    {
        _server.SendText(User, "/start");
        ApiRequestException? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            try { await _bot.SendMessage(User, $"tin {i}"); }
            catch (ApiRequestException e) { limited = e; }
        }
        Assert.NotNull(limited);
        Assert.Equal(429, limited.ErrorCode);
        Assert.True(limited.Parameters?.RetryAfter >= 1);
        Assert.Equal(1, _server.Stats.TooManyRequests);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("42:wrong", _server.BaseUrl.ToString()));
        var e = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());
        Assert.Equal(401, e.ErrorCode);
    }
}

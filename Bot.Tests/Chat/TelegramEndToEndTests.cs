using Bot.Testing.Telegram;
using Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Chat;

/// <summary>
/// The real host talks HTTP to the fake Bot API on 127.0.0.1 through Telegram.Bot, as it would to
/// Telegram: people link by sharing their phone, list their work, tap "✅ Đã xong", undo, and try
/// buttons that are forged or not theirs.
/// </summary>
public sealed class TelegramEndToEndTests : IAsyncLifetime
{
    private const long Minh = 1001;       // Lê Văn Minh, Thị trấn Tứ Kỳ, 0900000015 in the sample directory
    private const long Stranger = 2002;
    private readonly BotWorld _world = BotWorld.Create();
    private FakeTelegramServer _telegram = null!;
    private WebApplication _host = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { PerChatBurst = 20 });
        _host = BotHost.Build(BotRole.Serve, new Dictionary<string, string?>
        {
            ["Storage:Path"] = _world.DbPath,
            ["Telegram:Token"] = _telegram.Token,
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Clock:Now"] = BotWorld.Today.ToString("O"),
            ["Urls"] = "http://127.0.0.1:0",
        })!;
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _telegram.DisposeAsync();
        _world.Dispose();
    }

    [Fact]
    public async Task Link_list_tap_done_undo_and_forged_buttons()
    {
        // Unlinked: asked to share the phone, and the Vietnamese command menu is registered.
        _telegram.SendText(Minh, "/start");
        await Until(Minh, m => m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        Assert.Contains(_telegram.Commands, c => c.Command == "viec" && c.Description.Contains("Việc", StringComparison.Ordinal));

        _telegram.ShareContact(Minh, "+84900000015");
        await Until(Minh, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));

        _telegram.SendText(Minh, "viec cua toi");
        var list = await Until(Minh, m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
        var done2 = Button(list, "✅ Đã xong 2");

        var tap = _telegram.Tap(Minh, list.Id, done2);
        var confirmed = await Until(Minh, m => m.Id == list.Id && m.Text.Contains("Lê Văn Minh xác nhận xong", StringComparison.Ordinal));
        Assert.Contains("Đã ghi nhận", await Answer(tap), StringComparison.Ordinal);
        var undo = Button(confirmed, "↩ Hoàn tác 2");

        _telegram.Tap(Minh, list.Id, undo);
        await Until(Minh, m => m.Id == list.Id && !m.Text.Contains("xác nhận xong", StringComparison.Ordinal) && HasButton(m, "✅ Đã xong 2"));

        // A forged button and one replayed from another account change nothing.
        var before = _telegram.Chat(Minh).Single(m => m.Id == list.Id).Text;
        var forged = _telegram.Tap(Minh, list.Id, done2[..^3] + "AAA");
        Assert.Equal("Nút này không còn hiệu lực.", await Answer(forged));
        _telegram.SendText(Stranger, "/start");
        await Until(Stranger, m => m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        var foreign = _telegram.Tap(Stranger, 1, done2);
        Assert.Equal("Nút này không còn hiệu lực.", await Answer(foreign));
        Assert.Equal(before, _telegram.Chat(Minh).Single(m => m.Id == list.Id).Text);
    }

    [Fact]
    public async Task An_unknown_number_sees_only_how_to_get_access()
    {
        _telegram.ShareContact(Stranger, "0900999999");
        var reply = await Until(Stranger, m => m.FromBot);
        Assert.Contains("chưa có trong danh bạ", reply.Text, StringComparison.Ordinal);
        _telegram.SendText(Stranger, "việc của tôi");
        await Until(Stranger, m => m.FromBot && m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        Assert.DoesNotContain(_telegram.Chat(Stranger), m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_official_who_blocked_the_bot_is_marked_unreachable_until_they_write_again()
    {
        _telegram.ShareContact(Minh, "0900000015");
        await Until(Minh, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));
        _telegram.Block(Minh);
        _telegram.SendText(Minh, "việc của tôi");
        var store = _host.Services.GetRequiredService<Bot.Storage.BotStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (store.Preferences.Preferences("0900000015").UnreachableSince is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotNull(store.Preferences.Preferences("0900000015").UnreachableSince);
    }

    private Task<FakeMessage> Until(long chat, Func<FakeMessage, bool> seen) => _telegram.UntilAsync(chat, seen);

    private Task<string?> Answer(string queryId) => _telegram.AnswerAsync(queryId);

    private static string Button(FakeMessage message, string text) =>
        message.Buttons.SelectMany(r => r).Single(b => b.Text == text).Data;

    private static bool HasButton(FakeMessage message, string text) =>
        message.Buttons.SelectMany(r => r).Any(b => b.Text == text);
}

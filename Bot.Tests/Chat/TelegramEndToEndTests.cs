using Bot.Testing.Telegram;
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
    private ServedBot _served = null!;

    private FakeTelegramServer Telegram => _served.Telegram;

    public async Task InitializeAsync()
    {
        _served = await ServedBot.StartAsync();
    }

    public async Task DisposeAsync() => await _served.DisposeAsync();

    [Fact]
    public async Task A_chat_waits_for_an_update_another_node_has_in_hand_and_other_chats_go_on()
    {
        var first = Telegram.SendText(Minh, "/start");
        await _served.Until(Minh, m => m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        var nodes = _served.Store.Nodes;
        Assert.Equal(Bot.Storage.UpdateClaim.Mine, nodes.Claim(Bot.Channels.Telegram.TelegramUpdates.Channel, first + 1)); // another node has it
        Assert.Equal(first + 1, Telegram.SendText(Minh, "xin chào"));
        Telegram.SendText(Minh, "/start");
        Telegram.SendText(Stranger, "/start");
        await _served.Until(Stranger, m => m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        Assert.Single(Telegram.Chat(Minh), m => m.FromBot); // Minh's chat keeps its order: nothing after the update in hand

        nodes.Handled(Bot.Channels.Telegram.TelegramUpdates.Channel, first + 1); // answered by that node
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Telegram.Chat(Minh).Count(m => m.FromBot) < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(2, Telegram.Chat(Minh).Count(m => m.FromBot)); // the /start after it, and not the update handled elsewhere
    }

    [Fact]
    public async Task Link_list_tap_done_undo_and_forged_buttons()
    {
        // Unlinked: asked to share the phone, and the Vietnamese command menu is registered.
        Telegram.SendText(Minh, "/start");
        await _served.Until(Minh, m => m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        Assert.Contains(Telegram.Commands, c => c.Command == "viec" && c.Description.Contains("Việc", StringComparison.Ordinal));

        Telegram.ShareContact(Minh, "+84900000015");
        await _served.Until(Minh, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));

        Telegram.SendText(Minh, "viec cua toi");
        var list = await _served.Until(Minh, m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
        var done2 = ServedBot.Button(list, "✅ Đã xong 2");

        var tap = Telegram.Tap(Minh, list.Id, done2);
        var confirmed = await _served.Until(Minh, m => m.Id == list.Id && m.Text.Contains("Lê Văn Minh xác nhận xong", StringComparison.Ordinal));
        Assert.Contains("Đã ghi nhận", await Answer(tap), StringComparison.Ordinal);
        var undo = ServedBot.Button(confirmed, "↩ Hoàn tác 2");

        Telegram.Tap(Minh, list.Id, undo);
        await _served.Until(Minh, m => m.Id == list.Id && !m.Text.Contains("xác nhận xong", StringComparison.Ordinal) && HasButton(m, "✅ Đã xong 2"));

        // A forged button and one replayed from another account change nothing.
        var before = Telegram.Chat(Minh).Single(m => m.Id == list.Id).Text;
        var forged = Telegram.Tap(Minh, list.Id, done2[..^3] + "AAA");
        Assert.Equal("Nút này không còn hiệu lực.", await Answer(forged));
        Telegram.SendText(Stranger, "/start");
        await _served.Until(Stranger, m => m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        var foreign = Telegram.Tap(Stranger, 1, done2);
        Assert.Equal("Nút này không còn hiệu lực.", await Answer(foreign));
        Assert.Equal(before, Telegram.Chat(Minh).Single(m => m.Id == list.Id).Text);
    }

    [Fact]
    public async Task An_unknown_number_sees_only_how_to_get_access()
    {
        Telegram.ShareContact(Stranger, "0900999999");
        var reply = await _served.Until(Stranger, m => m.FromBot);
        Assert.Contains("chưa có trong danh bạ", reply.Text, StringComparison.Ordinal);
        Telegram.SendText(Stranger, "việc của tôi");
        await _served.Until(Stranger, m => m.FromBot && m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
        Assert.DoesNotContain(Telegram.Chat(Stranger), m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_official_who_blocked_the_bot_is_marked_unreachable_until_they_write_again()
    {
        Telegram.ShareContact(Minh, "0900000015");
        await _served.Until(Minh, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));
        Telegram.Block(Minh);
        Telegram.SendText(Minh, "việc của tôi");
        var store = _served.Store;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (store.Preferences.Preferences("0900000015").UnreachableSince is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotNull(store.Preferences.Preferences("0900000015").UnreachableSince);
    }

    private Task<string?> Answer(string queryId) => Telegram.AnswerAsync(queryId);

    private static bool HasButton(FakeMessage message, string text) =>
        message.Buttons.SelectMany(r => r).Any(b => b.Text == text);
}

using Bot.Channels;
using Bot.Channels.Telegram;
using Bot.Domain.Conversation;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;

namespace Bot.Tests.Channels;

/// <summary>
/// The Telegram channel over real HTTP to the fake Bot API: Telegram's errors come out as the channel's
/// own small set (unreachable, throttled with retry-after, transient, rejected), and nothing else escapes.
/// </summary>
public sealed class TelegramChannelTests
{
    private const long User = 501;

    private static async Task<(FakeTelegramServer Server, TelegramChannel Channel)> Start(FakeTelegramOptions? options = null)
    {
        var server = await FakeTelegramServer.StartAsync(options);
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl.ToString()) { RetryThreshold = 0 });
        return (server, new TelegramChannel(bot, NullLogger<TelegramChannel>.Instance));
    }

    private static Outbound Hello(long chat) => Outbound.Say(chat.ToString(System.Globalization.CultureInfo.InvariantCulture), "Xin chào");

    [Fact]
    public async Task A_person_who_blocked_the_bot_or_never_started_it_is_unreachable()
    {
        var (server, channel) = await Start();
        await using var _ = server;
        server.SendText(User, "/start");
        server.Block(User);
        Assert.Equal(ChannelFailure.Unreachable, (await Assert.ThrowsAsync<ChannelException>(() => channel.SendAsync(Hello(User), default))).Failure);
        Assert.Equal(ChannelFailure.Unreachable, (await Assert.ThrowsAsync<ChannelException>(() => channel.SendAsync(Hello(999), default))).Failure);
    }

    [Fact]
    public async Task Too_fast_is_throttled_with_the_wait_telegram_asks_for()
    {
        var (server, channel) = await Start(new FakeTelegramOptions { PerChatPerSecond = 1, PerChatBurst = 1 });
        await using var _ = server;
        server.SendText(User, "/start");
        await channel.SendAsync(Hello(User), default);
        var throttled = await Assert.ThrowsAsync<ChannelException>(async () =>
        {
            for (var i = 0; i < 5; i++) await channel.SendAsync(Hello(User), default);
        });
        Assert.Equal(ChannelFailure.Throttled, throttled.Failure);
        Assert.True(throttled.RetryAfter >= TimeSpan.FromSeconds(1), $"retry after {throttled.RetryAfter}");
    }

    [Fact]
    public async Task Server_faults_are_transient_or_throttled_and_a_bad_request_is_rejected()
    {
        var (server, channel) = await Start(new FakeTelegramOptions { FaultRate = 1, HangFor = TimeSpan.FromMilliseconds(50), PerChatBurst = 100 });
        await using var _ = server;
        server.SendText(User, "/start");
        var seen = new HashSet<ChannelFailure>();
        for (var i = 0; i < 12; i++)
            seen.Add((await Assert.ThrowsAsync<ChannelException>(() => channel.SendAsync(Hello(User), default))).Failure);
        Assert.Equal([ChannelFailure.Throttled, ChannelFailure.Transient], seen.Order());

        var (healthy, other) = await Start();
        await using var __ = healthy;
        healthy.SendText(User, "/start");
        var edit = Hello(User) with { EditMessageId = "4242" }; // no such message
        Assert.Equal(ChannelFailure.Rejected, (await Assert.ThrowsAsync<ChannelException>(() => other.SendAsync(edit, default))).Failure);
    }

    [Fact]
    public async Task An_edit_to_the_same_text_is_not_an_error()
    {
        var (server, channel) = await Start();
        await using var _ = server;
        server.SendText(User, "/start");
        var id = await channel.SendAsync(Hello(User), default);
        Assert.Equal(id, await channel.SendAsync(Hello(User) with { EditMessageId = id }, default));
    }
}

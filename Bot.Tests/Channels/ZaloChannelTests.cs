using Bot.Channels;
using Bot.Channels.Zalo;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Words;
using Bot.Hosting;
using Bot.Testing;
using Bot.Testing.Zalo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Channels;

/// <summary>
/// The Zalo channel over real HTTP to the fake OA server, on a real store and a fake clock: long texts
/// and many buttons fit Zalo's limits, tokens are refreshed early, on -216/-220 once, one at a time and
/// saved before use; a dead refresh token alerts the admins; Zalo's error codes come out as the four failures.
/// </summary>
public sealed class ZaloChannelTests : IAsyncLifetime
{
    private const string User = "2468458835";
    private readonly BotWorld _world = BotWorld.Create();
    private readonly RecordingChannel _telegram = new("telegram");
    private FakeZaloServer _zalo = null!;
    private ServiceProvider _services = null!;

    private FakeTimeProvider Clock => _world.Clock;

    private ZaloChannel Channel => _services.GetRequiredService<ZaloChannel>();

    public async Task InitializeAsync()
    {
        _zalo = await FakeZaloServer.StartAsync(clock: Clock);
        _services = Services(_zalo, _world, _telegram);
    }

    /// <summary>The bot's parts with the Zalo channel pointed at the fake (and Telegram recorded), as a host makes them.</summary>
    internal static ServiceProvider Services(FakeZaloServer zalo, BotWorld world, RecordingChannel telegram)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = world.DbPath }).Build();
        return BotServices.Build(config, s =>
        {
            s.AddSingleton<TimeProvider>(world.Clock);
            s.AddSingleton<IChannel>(telegram);
            s.AddZaloChannel(Options(zalo), receive: false);
        });
    }

    internal static ZaloOptions Options(FakeZaloServer zalo) => new()
    {
        AppId = zalo.Options.AppId,
        AppSecret = zalo.Options.AppSecret,
        OaSecretKey = zalo.Options.OaSecretKey,
        AccessToken = zalo.Options.AccessToken,
        RefreshToken = zalo.Options.RefreshToken,
        ApiBaseUrl = zalo.BaseUrl.ToString(),
        OAuthBaseUrl = zalo.BaseUrl.ToString(),
    };

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _zalo.DisposeAsync();
        _world.Dispose();
    }

    // No webhook here: the user's interaction only moves Zalo's window.
    private Task UserWrites()
    {
        _zalo.Interacted(User);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_long_text_with_many_buttons_goes_as_messages_within_zalos_limits()
    {
        await UserWrites();
        var lines = Enumerable.Range(1, 60).Select(i => $"{i}. Báo cáo kết quả thực hiện nhiệm vụ số {i} về Văn phòng HĐND và UBND huyện trước hạn.");
        var text = string.Join('\n', lines);
        var buttons = Enumerable.Range(1, 9).Select(i => (IReadOnlyList<Button>)[new Button($"✅ Đã xong {i}", $"d.L1-{i}.100.mac{i}")]).ToList();
        await Channel.SendAsync(new Outbound(User, text) { Buttons = buttons }, default);

        var sent = _zalo.Chat(User).Where(m => m.FromOa).ToList();
        Assert.True(text.Length > 4000);
        Assert.All(sent, m => Assert.True(m.Text.Length <= ZaloChannel.MaxText));
        Assert.Equal(lines, sent.SelectMany(m => m.Text.Split('\n')).Where(l => l.Length > 0 && char.IsDigit(l[0])));
        var taps = sent.SelectMany(m => m.Buttons).ToList();
        Assert.Equal(9, taps.Count);
        Assert.All(taps, b => Assert.Equal("oa.query.hide", b.Type));
        Assert.Equal("#b:d.L1-1.100.mac1", taps[0].Payload);
        Assert.All(sent, m => Assert.True(m.Buttons.Count <= ZaloChannel.MaxButtons));
        Assert.Equal(0, _zalo.Stats.Refused.Values.Sum());
    }

    [Fact]
    public async Task Asking_for_the_phone_sends_the_request_user_info_card()
    {
        await UserWrites();
        await Channel.SendAsync(new Outbound(User, Phrases.WhoAreYou) { AskContact = true }, default);
        var card = Assert.Single(_zalo.Chat(User), m => m.AsksInfo);
        Assert.Equal(Phrases.ShareContactButton, card.InfoCardTitle);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_saved_and_the_message_sent_again()
    {
        await UserWrites();
        await Channel.SendAsync(Outbound.Say(User, "Một"), default);
        _zalo.ExpireAccessTokens();
        await Channel.SendAsync(Outbound.Say(User, "Hai"), default);

        Assert.Equal(1, _zalo.Stats.Refreshes);
        Assert.Equal(1, _zalo.Stats.RefusedWith(-220));
        var saved = _services.GetRequiredService<IZaloStore>().Tokens()!;
        Assert.Equal(saved.AccessToken, _zalo.LastAccessTokenUsed);
        Assert.NotEqual(_zalo.Options.RefreshToken, saved.RefreshToken);
        // The first refresh token was spent: Zalo takes it no more.
        var api = _services.GetRequiredService<ZaloApi>();
        Assert.False((await api.RefreshAsync(_zalo.Options.RefreshToken, default)).Ok);
        Assert.True((await api.RefreshAsync(saved.RefreshToken, default)).Ok);
    }

    [Fact]
    public async Task Tokens_are_refreshed_early_and_one_at_a_time()
    {
        await UserWrites();
        await Channel.SendAsync(Outbound.Say(User, "Một"), default);
        Clock.Advance(TimeSpan.FromHours(21)); // within 5 h of the 25 h
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Channel.SendAsync(Outbound.Say(User, $"Tin {i}"), default)));
        Assert.Equal(1, _zalo.Stats.Refreshes);
        Assert.Equal(0, _zalo.Stats.RefusedWith(-220));
        Assert.Equal(11, _zalo.Chat(User).Count(m => m.FromOa));
    }

    [Fact]
    public async Task A_dead_refresh_token_alerts_the_admins_on_telegram_and_sends_stay_transient()
    {
        var store = _services.GetRequiredService<IDirectoryStore>();
        store.Upsert([new Official { Phone = "0988111222", Name = "Quản trị", UnitCode = "VP", Role = Role.Admin, ChatAccounts = [new ChatAccount("telegram", "42")] }]);
        await UserWrites();
        _zalo.ExpireAccessTokens();
        _zalo.KillRefreshTokens();

        var first = await Assert.ThrowsAsync<ChannelException>(() => Channel.SendAsync(Outbound.Say(User, "Một"), default));
        Assert.Equal(ChannelFailure.Transient, first.Failure);
        var second = await Assert.ThrowsAsync<ChannelException>(() => Channel.SendAsync(Outbound.Say(User, "Hai"), default));
        Assert.Equal(ChannelFailure.Transient, second.Failure);
        var alert = Assert.Single(_telegram.Chat("42")).Message.Text;
        Assert.Contains("cấp quyền lại", alert, StringComparison.Ordinal);
        Assert.DoesNotContain(_zalo.Options.RefreshToken, alert, StringComparison.Ordinal);
        Assert.Equal(0, _zalo.Chat(User).Count(m => m.FromOa));
    }

    [Theory]
    [InlineData(-32, ChannelFailure.Throttled)]
    [InlineData(-213, ChannelFailure.Unreachable)]
    [InlineData(-232, ChannelFailure.Unreachable)]
    [InlineData(-244, ChannelFailure.Unreachable)]
    [InlineData(-201, ChannelFailure.Rejected)]
    [InlineData(-210, ChannelFailure.Rejected)]
    public async Task Zalos_errors_come_out_as_the_channels_failures(int code, ChannelFailure failure)
    {
        await UserWrites();
        _zalo.FailNext(code);
        var e = await Assert.ThrowsAsync<ChannelException>(() => Channel.SendAsync(Outbound.Say(User, "Xin chào"), default));
        Assert.Equal(failure, e.Failure);
        if (failure == ChannelFailure.Throttled) Assert.True(e.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task Past_seven_days_a_user_is_unreachable_until_they_write()
    {
        await UserWrites();
        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        var e = await Assert.ThrowsAsync<ChannelException>(() => Channel.SendAsync(Outbound.Say(User, "Nhắc việc"), default));
        Assert.Equal(ChannelFailure.Unreachable, e.Failure);
        Assert.Equal(1, _zalo.Stats.RefusedWith(-230)); // the bot did not know yet: it had not heard the user itself
        Assert.Equal(0, _zalo.Chat(User).Count(m => m.FromOa));
    }

    [Fact]
    public void Split_cuts_between_lines_and_never_inside_an_emoji()
    {
        var text = new string('a', 1999) + "😀" + new string('b', 10);
        var pieces = ZaloChannel.Split(text, 2000);
        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.True(p.Length <= 2000));
        Assert.Equal(["một", "hai"], ZaloChannel.Split("một\nhai", 5));
    }
}

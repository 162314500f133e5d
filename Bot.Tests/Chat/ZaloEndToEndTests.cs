using System.Net;
using Bot.Channels.Zalo;
using Bot.Domain.Reminders;
using Bot.Hosting;
using Bot.Scheduling;
using Bot.Storage;
using Bot.Testing.Zalo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Chat;

/// <summary>
/// `serve` with a Zalo app configured, over real HTTP both ways: the fake OA server posts signed
/// webhooks to the host's `/zalo/webhook` and the host answers through the fake's v3 API. People
/// follow, share their phone on the info card, list their work, tap "✅ Đã xong" and undo; forged
/// signatures and buttons, duplicated events and an access token that expires mid-conversation
/// change nothing they should not.
/// </summary>
public sealed class ZaloEndToEndTests : IAsyncLifetime
{
    private const string Minh = "2468458835";     // Lê Văn Minh, Thị trấn Tứ Kỳ, 0900000015 in the sample directory
    private const string Stranger = "5550001111";
    private readonly BotWorld _world = BotWorld.Create();
    private FakeZaloServer _zalo = null!;
    private WebApplication _host = null!;

    private FakeTimeProvider Clock => _world.Clock;

    public async Task InitializeAsync()
    {
        _zalo = await FakeZaloServer.StartAsync(new FakeZaloOptions { EchoSends = true, Receipts = true }, Clock);
        var settings = Settings(_zalo, _world.DbPath);
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _host = BotHost.Build(BotRole.Serve, settings, s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddReminderDelivery(config); // the pass and the delivery, driven by the test on the fake clock (no Hangfire)
        })!;
        await _host.StartAsync();
        _zalo.WebhookUrl = new Uri(Bot.Testing.Listening.Address(_host.Services), ZaloSetup.WebhookPath);
    }

    internal static Dictionary<string, string?> Settings(FakeZaloServer zalo, string dbPath) => new()
    {
        ["Storage:Path"] = dbPath,
        ["Zalo:AppId"] = zalo.Options.AppId,
        ["Zalo:AppSecret"] = zalo.Options.AppSecret,
        ["Zalo:OaSecretKey"] = zalo.Options.OaSecretKey,
        ["Zalo:AccessToken"] = zalo.Options.AccessToken,
        ["Zalo:RefreshToken"] = zalo.Options.RefreshToken,
        ["Zalo:ApiBaseUrl"] = zalo.BaseUrl.ToString(),
        ["Zalo:OAuthBaseUrl"] = zalo.BaseUrl.ToString(),
        ["Scheduling:Reminders"] = "false", // no Hangfire: a test drives the reminders itself
        ["Delivery:OverallPerSecond"] = "1000",
        ["Urls"] = "http://127.0.0.1:0",
    };

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _zalo.DisposeAsync();
        _world.Dispose();
    }

    [Fact]
    public async Task Follow_share_the_phone_list_tap_done_undo_and_forged_buttons()
    {
        Assert.True((await _zalo.Follow(Minh)).Delivered);
        await Until(Minh, m => m.AsksInfo);
        Assert.Contains(_zalo.Chat(Minh), m => m.FromOa && m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));

        await _zalo.SubmitInfo(Minh, "Lê Văn Minh", "84900000015");
        await Until(Minh, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));
        Assert.Contains(new Bot.Domain.Organization.ChatAccount("zalo", Minh), Store.Directory.ByPhone("0900000015")!.ChatAccounts);

        await _zalo.SendText(Minh, "viec cua toi");
        await Until(Minh, m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
        var done2 = Payload(Minh, "✅ Đã xong 2");
        var before = OpenCount();

        var said = _zalo.Chat(Minh).Count;
        await _zalo.Tap(Minh, done2);
        await Until(Minh, m => m.Text.Contains("Lê Văn Minh xác nhận xong", StringComparison.Ordinal), after: said);
        Assert.Equal(before - 1, OpenCount());
        said = _zalo.Chat(Minh).Count;
        await _zalo.Tap(Minh, Payload(Minh, "↩ Hoàn tác 2"));
        await Until(Minh, m => m.Buttons.Any(b => b.Title == "✅ Đã xong 2"), after: said);
        Assert.Equal(before, OpenCount());

        // A forged button (typed, as anyone can type) and one of Minh's sent by a stranger change nothing.
        said = _zalo.Chat(Minh).Count;
        await _zalo.SendText(Minh, done2[..^3] + "AAA");
        await Until(Minh, m => m.Text == "Nút này không còn hiệu lực.", after: said);
        await _zalo.Follow(Stranger);
        await Until(Stranger, m => m.AsksInfo);
        await _zalo.SendText(Stranger, done2);
        await Until(Stranger, m => m.Text == "Nút này không còn hiệu lực.");
        Assert.Equal(before, OpenCount());
    }

    [Fact]
    public async Task A_forged_or_missing_signature_gets_401_and_changes_nothing()
    {
        await _zalo.Follow(Minh);
        await Until(Minh, m => m.AsksInfo);
        var said = _zalo.Chat(Minh).Count;
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["app_id"] = _zalo.Options.AppId, ["event_name"] = "user_submit_info", ["timestamp"] = "1697763600000",
            ["sender"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Minh }, ["recipient"] = new System.Text.Json.Nodes.JsonObject { ["id"] = _zalo.Options.OaId },
            ["info"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "Kẻ giả", ["phone"] = "84900000015" },
        }.ToJsonString();
        var wrongSecret = "mac=" + FakeZaloServer.Sign(_zalo.Options.AppId, System.Text.Encoding.UTF8.GetBytes(body), "1697763600000", "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, await _zalo.PostUnsigned(body, wrongSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await _zalo.PostUnsigned(body, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await _zalo.PostUnsigned("not json", "mac=00"));
        var right = "mac=" + FakeZaloServer.Sign(_zalo.Options.AppId, System.Text.Encoding.UTF8.GetBytes(body), "1697763600000", _zalo.Options.OaSecretKey);
        Assert.Equal(HttpStatusCode.Unauthorized, await _zalo.PostUnsigned(body + " ", right)); // one byte more than was signed

        // Then a real message: its answer comes after anything the forged posts could have caused.
        await _zalo.SendText(Minh, "xin chào");
        await Until(Minh, m => m.FromOa, after: said + 1);
        Assert.DoesNotContain(new Bot.Domain.Organization.ChatAccount("zalo", Minh), Store.Directory.ByPhone("0900000015")!.ChatAccounts);
    }

    [Fact]
    public async Task A_duplicated_event_is_answered_once()
    {
        await Link();
        var asked = await _zalo.SendText(Minh, "viec cua toi");
        await Until(Minh, m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
        var said = _zalo.Chat(Minh).Count;
        Assert.True((await _zalo.Redeliver(asked)).Delivered); // 200 for a duplicate too, or Zalo would retry it
        await _zalo.SendText(Minh, "quá hạn");
        // Each user's events are handled in order: had the duplicate been taken, its answer would come first.
        await Until(Minh, m => m.Text.Contains("quá hạn", StringComparison.Ordinal), after: said);
        Assert.Equal(1, _zalo.Chat(Minh).Count(m => m.FromOa && m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_access_token_that_expires_mid_conversation_is_refreshed_and_the_reply_arrives()
    {
        await Link();
        _zalo.ExpireAccessTokens();
        await _zalo.SendText(Minh, "viec cua toi");
        await Until(Minh, m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
        Assert.Equal(1, _zalo.Stats.Refreshes);
        Assert.NotEqual(_zalo.Options.AccessToken, _zalo.LastAccessTokenUsed);
        Assert.Equal(_zalo.LastAccessTokenUsed, _host.Services.GetRequiredService<IZaloStore>().Tokens()!.AccessToken);
    }

    [Fact]
    public async Task A_reminder_past_the_seven_days_waits_for_the_next_message_then_arrives()
    {
        await Link();
        // Ten days later, a working morning: Minh has not written since linking.
        Clock.Advance(new DateTimeOffset(2023, 10, 30, 8, 30, 0, TimeSpan.FromHours(7)) - Clock.GetUtcNow());
        var pass = _host.Services.GetRequiredService<ReminderPass>();
        var delivery = _host.Services.GetRequiredService<NudgeDelivery>();
        var outbox = _host.Services.GetRequiredService<INudgeOutbox>();
        var ids = pass.PlanAndRecord().Where(id => outbox.Get(id)!.OfficialPhone == "0900000015").ToList();
        var id = Assert.Single(ids);

        Assert.Equal(DeliveryOutcome.Waiting, await Drive(delivery.DeliverAsync(id, CancellationToken.None)));
        Assert.DoesNotContain(_zalo.Chat(Minh), m => m.Text.StartsWith("⏰ Nhắc việc", StringComparison.Ordinal));
        Assert.Equal(0, _zalo.Stats.RefusedWith(-230)); // the bot knew the window was closed: it did not ask Zalo
        var reachability = _host.Services.GetRequiredService<Reachability>();
        Assert.Contains(reachability.Unreachable(), u => u.Official.Phone == "0900000015");

        var said = _zalo.Chat(Minh).Count;
        await _zalo.SendText(Minh, "xin chào");
        await Until(Minh, m => true, after: said);
        Assert.Equal([id], pass.Wake());
        Assert.Equal(DeliveryOutcome.Sent, await Drive(delivery.DeliverAsync(id, CancellationToken.None)));
        Assert.Contains(_zalo.Chat(Minh), m => m.Text.StartsWith("⏰ Nhắc việc", StringComparison.Ordinal) && m.Buttons.Count > 0);
    }

    /// <summary>A task that waits on the fake clock (the pacer, a backoff): the clock moves a second at a time until it is done.</summary>
    private async Task<T> Drive<T>(Task<T> task)
    {
        for (var step = 0; step < 600 && !task.IsCompleted; step++)
        {
            await Task.WhenAny(task, Task.Delay(10));
            if (!task.IsCompleted) Clock.Advance(TimeSpan.FromSeconds(1));
        }
        return await task;
    }

    private BotStore Store => _host.Services.GetRequiredService<BotStore>();

    private int OpenCount() => Store.Assignments.OpenOfUnit(Store.Directory.ByPhone("0900000015")!.UnitCode).Count;

    private async Task Link()
    {
        await _zalo.Follow(Minh);
        await Until(Minh, m => m.AsksInfo);
        await _zalo.SubmitInfo(Minh, "Lê Văn Minh", "84900000015");
        await Until(Minh, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));
    }

    private string Payload(string user, string title) =>
        _zalo.Chat(user).Last(m => m.Buttons.Any(b => b.Title == title)).Buttons.First(b => b.Title == title).Payload;

    /// <summary>The OA's first message after the first <paramref name="after"/> messages that matches.</summary>
    private async Task<FakeZaloMessage> Until(string user, Func<FakeZaloMessage, bool> seen, int after = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var hit = _zalo.Chat(user).Skip(after).FirstOrDefault(m => m.FromOa && seen(m));
            if (hit is not null) return hit;
            await Task.Delay(20);
        }
        var said = string.Join("\n---\n", _zalo.Chat(user).Select(m => (m.FromOa ? "OA: " : "user: ") + m.Text));
        throw new TimeoutException($"The OA never said it. Chat {user}:\n{said}");
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Testing.Telegram;
using Bot.Channels;
using Bot.Hosting;
using Bot.Testing;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Scheduling;
using Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Bot.Tests.Scheduling;

/// <summary>
/// The reminder pipeline in this process: end to end against the fake Bot API with a fifth of the
/// sends failing; and, on a fake clock with a recording channel (no HTTP, no waiting), tasks done
/// meanwhile, a pass that keeps what it read, a blocked official, a restart at night, the dashboard.
/// </summary>
[Collection(ReminderHosts.Name)]
public sealed class ReminderDeliveryTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "remind-delivery-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static Dictionary<string, string?> Settings(FakeTelegramServer server, string store)
    {
        var settings = ReminderFixture.WorkerSettings(server, store, ReminderFixture.WorkingMorning, 280);
        settings["Delivery:AttemptTimeoutSeconds"] = "3";
        settings["Delivery:FirstRetryDelaySeconds"] = "0.05";
        return settings;
    }

    [Fact]
    public async Task With_a_fifth_of_sends_failing_every_nudge_still_arrives_once()
    {
        const int officials = 300;
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            OverallPerSecond = 300, PerChatPerSecond = 10, FaultRate = 0.2, HangFor = TimeSpan.FromSeconds(5), Seed = 6,
        });
        ReminderFixture.Prepare(StorePath, officials, ReminderFixture.WorkingMorning, id => server.SendText(id, "/start"));
        await using var app = BotHost.Build(BotRole.RemindWorker, Settings(server, StorePath))!;
        await app.StartAsync();
        var limit = DateTime.UtcNow.AddSeconds(45);
        while (!Enumerable.Range(0, officials).All(i => server.Chat(ReminderFixture.UserId(i)).Any(m => m.FromBot)) && DateTime.UtcNow < limit)
            await Task.Delay(100);
        await Task.Delay(500);
        await app.StopAsync();

        var perChat = Enumerable.Range(0, officials).Select(i => server.Chat(ReminderFixture.UserId(i)).Count(m => m.FromBot)).ToList();
        output.WriteLine($"faults injected: {server.Stats.Faults}, 429s: {server.Stats.TooManyRequests}, sent: {server.Stats.Sent}");
        var dup = perChat.FindIndex(n => n > 1);
        if (dup >= 0)
        {
            foreach (var m in server.Chat(ReminderFixture.UserId(dup))) output.WriteLine($"{m.Id} {m.FromBot} {m.Text[..Math.Min(60, m.Text.Length)]}");
            var ob = app.Services.GetRequiredService<BotStore>();
            var phone = "09" + dup.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var d in ob.Database.GetCollection<LiteNudgeOutbox.MessageDoc>(LiteNudgeOutbox.MessagesName).FindAll().Where(d => d.Official == phone))
                output.WriteLine($"{d.Id} {d.State} attempts {d.Attempts} {d.ChannelMessageId} {string.Join(",", d.NudgeKeys)}");
        }
        Assert.True(server.Stats.Faults > officials / 10, "the fake server should have failed a good share of the sends");
        Assert.All(perChat, n => Assert.Equal(1, n));
        Assert.Empty(app.Services.GetRequiredService<INudgeOutbox>().Pending());
    }

    /// <summary>A store of <paramref name="officials"/> officials with one task each due today, and the bot over it on a fake clock.</summary>
    private TestBot Prepared(int officials, DateTimeOffset now, RecordingChannel? channel = null)
    {
        ReminderFixture.Prepare(StorePath, officials, now, _ => { });
        return new TestBot(StorePath, new FakeTimeProvider(now), channel ?? new RecordingChannel());
    }

    [Fact]
    public async Task A_message_whose_tasks_were_done_meanwhile_is_not_sent()
    {
        using var bot = Prepared(3, ReminderFixture.WorkingMorning);
        var ids = bot.Get<ReminderPass>().PlanAndRecord();
        Assert.Equal(3, ids.Count);
        var outbox = bot.Get<INudgeOutbox>();
        var first = outbox.Get(ids[0])!;
        bot.Store.Assignments.Confirm(first.Nudges[0].AssignmentId, bot.Store.Directory.ByPhone(first.OfficialPhone)!);

        var delivery = bot.Get<NudgeDelivery>();
        Assert.Equal(DeliveryOutcome.PassedOver, await delivery.DeliverAsync(ids[0], CancellationToken.None));
        Assert.Equal(DeliveryOutcome.Sent, await delivery.DeliverAsync(ids[1], CancellationToken.None));
        Assert.Equal(DeliveryOutcome.AlreadyDone, await delivery.DeliverAsync(ids[1], CancellationToken.None));
        Assert.Equal(OutboxState.PassedOver, outbox.Get(ids[0])!.State);
        Assert.Single(bot.Channel.Sent);
        // The next pass plans nothing again: the keys are handled.
        Assert.Empty(bot.Get<ReminderPass>().PlanAndRecord());
    }

    [Fact]
    public void A_pass_that_keeps_what_it_read_plans_as_one_that_reads_everything_afresh()
    {
        using var bot = Prepared(3, ReminderFixture.WorkingMorning);
        var kept = bot.Get<ReminderPass>();
        var store = bot.Store;
        var outbox = bot.Get<INudgeOutbox>();
        var now = bot.Clock.GetUtcNow();
        Assert.Equal(3, kept.PlanAndRecord().Count);

        // Two more tasks for the first official's unit: another writer (a second instance) records a nudge for one of them.
        var official = store.Directory.ByPhone("0900000000")!;
        var template = store.Assignments.OpenOfUnit(official.UnitCode).Single();
        var directive = store.Assignments.FindDirective(template.DirectiveId)!;
        var (other, fresh) = (template with { Id = template.Id + "-b", TaskId = "bench-2" }, template with { Id = template.Id + "-c", TaskId = "bench-3" });
        store.Assignments.Save(directive, new Bot.Domain.Assignments.Reconciliation([other, fresh], [], []),
            new Bot.Domain.Assignments.AuditEntry(now, "", "import", null, directive.Id, "thử"));
        outbox.Record(new NudgePlan([new NudgeBundle(official.Phone, [new Nudge(other.Id, official.Phone, NudgeKind.DueToday, 0, other.DueBefore!.Value, now)])], []), now);

        var later = now.AddMinutes(1);
        var keptPlan = kept.Plan(later)!;
        var afresh = ActivatorUtilities.CreateInstance<ReminderPass>(bot.Services).Plan(later)!;
        Assert.Equal(Keys(afresh), Keys(keptPlan));
        Assert.Equal([fresh.Id], Keys(keptPlan).Select(k => k.AssignmentId));

        static List<(string AssignmentId, string Official)> Keys(NudgePlan plan) =>
            [.. plan.Bundles.SelectMany(b => b.Nudges).Select(n => (n.AssignmentId, n.OfficialId)).Order()];
    }

    [Fact]
    public void A_blocked_official_is_marked_unreachable_and_the_district_office_reads_it_in_its_digest()
    {
        var channel = new RecordingChannel();
        using var bot = Prepared(2, ReminderFixture.WorkingMorning, channel);
        var store = bot.Store;
        store.Directory.Upsert([new Official
        {
            Phone = "0988000777", Name = "Chánh Văn phòng", UnitCode = "VP", Role = Role.UnitHead,
            ChatAccounts = [new ChatAccount("telegram", "777")],
        }]);
        store.Preferences.SavePreferences(new OfficialPreferences("0988000777") { Digest = true });
        channel.Fail(ReminderFixture.UserId(0).ToString(System.Globalization.CultureInfo.InvariantCulture), ChannelFailure.Unreachable);

        Assert.Equal([DeliveryOutcome.Failed, DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(ReminderFixture.WorkingMorning, store.Preferences.Preferences("0900000000").UnreachableSince);

        Assert.Equal([DeliveryOutcome.Sent], bot.Remind(digests: true));
        Assert.Empty(bot.Get<ReminderPass>().RecordDigests()); // once a day
        var text = Assert.Single(channel.Chat("777")).Message.Text;
        Assert.Contains("📵 Không gửi được nhắc việc tới", text, StringComparison.Ordinal);
        Assert.Contains("Cán bộ 1 — ", text, StringComparison.Ordinal);
        // Nobody unreachable is nudged again, even the next working morning.
        bot.Clock.Advance(TimeSpan.FromDays(1));
        bot.Remind();
        Assert.DoesNotContain(channel.Sent, m => m.ChatId == ReminderFixture.UserId(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void With_a_second_channel_each_official_gets_a_reminder_once_on_a_channel_of_theirs()
    {
        ReminderFixture.Prepare(StorePath, 3, ReminderFixture.WorkingMorning, _ => { });
        var (telegram, zalo) = (new RecordingChannel("telegram"), new RecordingChannel("zalo"));
        using var bot = new TestBot(StorePath, new FakeTimeProvider(ReminderFixture.WorkingMorning), telegram, others: [zalo]);
        var directory = bot.Store.Directory;
        var both = directory.ByPhone("0900000001")!;
        directory.Upsert([both with { ChatAccounts = [.. both.ChatAccounts, new ChatAccount("zalo", "z1")] }]);
        directory.Upsert([directory.ByPhone("0900000002")! with { ChatAccounts = [new ChatAccount("zalo", "z2")] }]);

        Assert.Equal([DeliveryOutcome.Sent, DeliveryOutcome.Sent, DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(["100000", "100001"], telegram.Sent.Select(m => m.ChatId).Order());
        Assert.Equal(["z2"], zalo.Sent.Select(m => m.ChatId));
    }

    [Fact]
    public void After_a_restart_at_night_pending_messages_wait_for_the_next_working_morning()
    {
        var night = ReminderFixture.WorkingMorning.AddHours(12); // Monday 20:00
        ReminderFixture.Prepare(StorePath, 2, night, _ => { });
        var channel = new RecordingChannel();
        using var app = BotHost.Build(BotRole.RemindWorker, new Dictionary<string, string?> { ["Storage:Path"] = StorePath },
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(night)).AddSingleton<Bot.Channels.IChannel>(channel))!;
        var outbox = app.Services.GetRequiredService<INudgeOutbox>();
        Assert.Empty(app.Services.GetRequiredService<ReminderPass>().PlanAndRecord()); // nothing is planned at night
        outbox.Record(new NudgePlan([new NudgeBundle("0900000000", [new Nudge("x", "0900000000", NudgeKind.DueToday, 0, night, night)])], []), night);

        Assert.Equal(1, app.Services.GetRequiredService<ReminderJobs>().RequeuePending());
        var monitor = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        Assert.Equal(1, monitor.ScheduledCount());
        Assert.Equal(0, monitor.EnqueuedCount("default"));
        Assert.Empty(app.Services.GetRequiredService<ReminderPass>().RecordDigests());
    }

    [Theory]
    [InlineData(false, "", "", HttpStatusCode.NotFound)]
    [InlineData(true, "", "", HttpStatusCode.NotFound)]        // no credentials: refused, with a log line
    [InlineData(true, "admin", "s3cret!", HttpStatusCode.Unauthorized)]
    public async Task The_dashboard_is_off_unless_enabled_with_credentials(bool enabled, string user, string password, HttpStatusCode anonymous)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = StorePath };
        settings["Scheduling:Dashboard"] = enabled ? "true" : "false";
        settings["Scheduling:DashboardUser"] = user;
        settings["Scheduling:DashboardPassword"] = password;
        await using var app = BotHost.Build(BotRole.RemindWorker, settings, services => services.AddSingleton<Bot.Channels.IChannel>(new RecordingChannel()))!;
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal(anonymous, (await http.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
        if (user.Length > 0)
        {
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":wrong")));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
            using var right = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            right.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
        }
        await app.StopAsync();
    }
}

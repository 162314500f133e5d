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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Bot.Tests.Scheduling;

/// <summary>
/// The reminder host with Hangfire in this process: end to end against the fake Bot API with a fifth of
/// the sends failing, a restart at night, the dashboard.
/// </summary>
[Collection(ReminderHosts.Name)]
public sealed class ReminderHostTests(ITestOutputHelper output) : IDisposable
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
        using var http = new HttpClient { BaseAddress = Listening.Address(app.Services) };
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

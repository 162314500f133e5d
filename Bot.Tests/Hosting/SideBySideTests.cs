using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Storage;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.Tests.Hosting;

/// <summary>
/// `serve` and a separate `remind-worker` as real processes on one store, on one host, with one
/// environment: they start side by side (serve on Urls, the worker on a port of its own), the worker
/// sends a reminder through the fake Bot API, and its "✅ Đã xong" button, tapped, is taken by serve.
/// </summary>
[Collection(Bot.Tests.Scheduling.ReminderHosts.Name)]
public sealed class SideBySideTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "side-by-side-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_reminder_the_worker_sent_is_confirmed_by_a_tap_in_serve()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { PerChatBurst = 20 });
        var store = Path.Combine(_folder, "bot.db");
        ReminderFixture.Prepare(store, 1, ReminderFixture.WorkingMorning, id => telegram.SendText(id, "/start"));
        var user = ReminderFixture.UserId(0);
        var port = BotProcess.FreePort();
        // One environment for both, as on one host: serve takes Urls; the worker has its own (RemindWorker:Urls).
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Storage:Path"] = store,
            ["Storage:Shared"] = "true",
            ["Scheduling:Reminders"] = "false", // serve leaves them to the worker; the worker runs them whatever this says
            ["Clock:Now"] = ReminderFixture.WorkingMorning.ToString("O", CultureInfo.InvariantCulture),
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var serve = BotProcess.Start("serve", settings);
        using var worker = BotProcess.Start("remind-worker", settings);

        var reminder = await Until(() => telegram.Chat(user).LastOrDefault(m => m.FromBot && m.Text.Contains("⏰ Nhắc việc", StringComparison.Ordinal)),
            "the worker's reminder", serve, worker);
        var done = reminder.Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Đã xong 1").Data;
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            var health = await http.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));
            Assert.Equal("serve", health.GetProperty("role").GetString());
        }

        var tap = telegram.Tap(user, reminder.Id, done);
        var edited = await Until(() => telegram.Chat(user).FirstOrDefault(m => m.Id == reminder.Id && m.Text.Contains("xác nhận xong", StringComparison.Ordinal)),
            "serve's edit of the reminder", serve, worker);
        Assert.Contains("Cán bộ 1 xác nhận xong", edited.Text, StringComparison.Ordinal);
        Assert.Equal("Đã ghi nhận hoàn thành. Cảm ơn anh/chị.", await Until(() => telegram.CallbackAnswers.GetValueOrDefault(tap), "the tap's answer", serve, worker));
        Assert.False(worker.Process.HasExited, worker.Output());

        serve.Process.Kill(entireProcessTree: true);
        worker.Process.Kill(entireProcessTree: true);
        await Task.WhenAll(serve.Process.WaitForExitAsync(), worker.Process.WaitForExitAsync());
        using var reopened = BotStore.Open(new StoreOptions(store), TimeProvider.System);
        var official = reopened.Directory.ByPhone("0900000000")!;
        Assert.Empty(reopened.Assignments.OpenOfUnit(official.UnitCode));
        Assert.Equal("confirm", reopened.Assignments.AuditOf(reopened.Assignments.DoneOfUnit(official.UnitCode).Single().Id)[^1].Action);
    }

    private static async Task<T> Until<T>(Func<T?> seen, string what, params BotProcess[] processes) where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (seen() is { } hit) return hit;
            foreach (var p in processes)
                if (p.Process.HasExited) Assert.Fail($"A process stopped before {what}: {p.Output()}");
            // A limit, not a wait: two processes start and open a shared LiteDB file, slower on a loaded machine.
            if (watch.Elapsed > TimeSpan.FromSeconds(90))
                Assert.Fail($"No {what} within 90 s.\nserve: {processes[0].Output()}\nworker: {processes[1].Output()}");
            await Task.Delay(50);
        }
    }
}

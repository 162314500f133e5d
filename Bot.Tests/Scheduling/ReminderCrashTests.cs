using System.Diagnostics;
using Bot.Testing.Telegram;
using Bot.Cli;
using Bot.Testing;
using Bot.Domain.Reminders;
using Bot.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.Scheduling;

/// <summary>
/// The reminder host as a real child process (`Bot remind-worker`) against the fake Bot API in this
/// process: killed in the middle of a broadcast and started again, it loses no nudge and repeats at
/// most the ones in flight at the kill (at most one per Hangfire worker). Its Hangfire lives in the
/// child processes, so it runs beside the other tests; it sends at ten times Telegram's overall limit,
/// since the rate is not what it tests (`bench remind` measures that).
/// </summary>
[Collection(ReminderHosts.Name)]
public sealed class ReminderCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Officials = 2000;
    private const int Workers = 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "remind-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Killed_mid_broadcast_and_restarted_every_nudge_arrives_and_repeats_stay_within_the_workers()
    {
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { OverallPerSecond = 1000, PerChatPerSecond = 10 });
        var store = Path.Combine(_folder, "bot.db");
        ReminderFixture.Prepare(store, Officials, ReminderFixture.WorkingMorning, id => server.SendText(id, "/start"));
        var settings = ReminderFixture.WorkerSettings(server, store, ReminderFixture.WorkingMorning, 950);
        settings["Scheduling:Workers"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture);

        int arrivedAtKill;
        using (var first = BotProcess.Start("remind-worker", settings))
        {
            // Limits, not waits: a loaded machine starts and runs the worker process several times slower.
            await WaitUntil(() => server.Stats.Sent >= 400, TimeSpan.FromSeconds(120), first);
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
            arrivedAtKill = server.Stats.Sent;
        }
        Assert.InRange(arrivedAtKill, 400, Officials - 1); // killed mid-broadcast

        using (var second = BotProcess.Start("remind-worker", settings))
        {
            await WaitUntil(() => Enumerable.Range(0, Officials).All(i => server.Chat(ReminderFixture.UserId(i)).Any(m => m.FromBot)), TimeSpan.FromSeconds(120), second);
            await Task.Delay(500); // anything still in flight lands before we count
            second.Process.Kill(entireProcessTree: true);
            await second.Process.WaitForExitAsync();
        }

        var perChat = Enumerable.Range(0, Officials).Select(i => server.Chat(ReminderFixture.UserId(i)).Count(m => m.FromBot)).ToList();
        Assert.All(perChat, n => Assert.True(n >= 1));
        var repeats = perChat.Sum(n => n - 1);
        output.WriteLine($"arrived at the kill: {arrivedAtKill}; sent in all: {server.Stats.Sent}; repeats: {repeats} (bound {Workers}); 429s: {server.Stats.TooManyRequests}");
        Assert.InRange(repeats, 0, Workers);
        Assert.All(server.Chat(ReminderFixture.UserId(0)).Where(m => m.FromBot), m => Assert.Contains("Nhắc việc", m.Text, StringComparison.Ordinal));

        using var reopened = BotStore.Open(new StoreOptions(store), TimeProvider.System);
        var outbox = new LiteNudgeOutbox(reopened);
        Assert.Empty(outbox.Pending());
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan limit, BotProcess worker)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (worker.Process.HasExited) Assert.Fail("The worker stopped: " + worker.Output());
            if (watch.Elapsed > limit) Assert.Fail($"Not done within {limit.TotalSeconds} s. Worker said: " + worker.Output());
            await Task.Delay(50);
        }
    }
}

/// <summary>Tests that run a reminder host: one at a time (Hangfire keeps static state, and they need the CPU).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReminderHosts
{
    public const string Name = "reminder host";
}

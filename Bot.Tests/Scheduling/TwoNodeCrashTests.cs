using System.Diagnostics;
using System.Globalization;
using Bot.Domain.Reminders;
using Bot.Storage;
using Bot.Storage.Postgres;
using Bot.Testing;
using Bot.Testing.Telegram;
using Bot.Tests.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.Scheduling;

/// <summary>
/// Two `remind-worker` nodes on one PostgreSQL database (Hangfire.PostgreSql shared, delivery by claims), as real
/// child processes against the fake Bot API: one is killed (SIGKILL) in the middle of a broadcast. The other sends
/// the rest, the dead node's fetched jobs come back when its heartbeat is missed, and its claims run out: every
/// official gets the reminder, and repeats stay within the dead node's sends in flight (its Hangfire workers).
/// </summary>
[Collection(OnePostgres.Name)]
public sealed class TwoNodeCrashTests(PgServer server, ITestOutputHelper output) : IDisposable
{
    private const int Officials = 2000;
    private const int Workers = 10;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "two-nodes-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task One_of_two_nodes_killed_mid_broadcast_loses_nothing_and_repeats_at_most_its_sends_in_flight()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { OverallPerSecond = 1000, PerChatPerSecond = 10 });
        var file = Path.Combine(_folder, "bot.db");
        ReminderFixture.Prepare(file, Officials, ReminderFixture.WorkingMorning, id => telegram.SendText(id, "/start"));
        var connection = server.NewDatabase();
        using (var lite = BotStore.Open(new StoreOptions(file), TimeProvider.System))
        using (var pg = PgStore.Open(connection, TimeProvider.System))
            Assert.All(StoreMigration.Copy(lite, pg), c => Assert.True(c.Agrees, c.What));

        var settings = ReminderFixture.WorkerSettings(telegram, file, ReminderFixture.WorkingMorning, 200); // each node; both well under the API's limit
        settings["Storage:Provider"] = "PostgreSql";
        settings["Storage:ConnectionString"] = connection;
        settings["Scheduling:Workers"] = Workers.ToString(CultureInfo.InvariantCulture);
        settings["Scheduling:JobInvisibleSeconds"] = "10";
        settings["Delivery:ClaimSeconds"] = "5";

        using var survivor = BotProcess.Start("remind-worker", settings);
        await WaitUntil(() => telegram.Stats.Sent > 0, TimeSpan.FromSeconds(90), survivor); // its Hangfire schema is made
        int arrivedAtKill;
        using (var doomed = BotProcess.Start("remind-worker", settings))
        {
            var before = telegram.Stats.Sent;
            await WaitUntil(() => telegram.Stats.Sent >= before + 300, TimeSpan.FromSeconds(90), doomed);
            doomed.Process.Kill(entireProcessTree: true);
            await doomed.Process.WaitForExitAsync();
            arrivedAtKill = telegram.Stats.Sent;
        }
        Assert.InRange(arrivedAtKill, 300, Officials - 1); // killed mid-broadcast

        // The dead node's fetched jobs return after 10 s, its claims run out after 5 s; the rest is the survivor's pace on a busy machine.
        await WaitUntil(() => Enumerable.Range(0, Officials).All(i => telegram.Chat(ReminderFixture.UserId(i)).Any(m => m.FromBot)), TimeSpan.FromSeconds(120), survivor,
            () => $"{Enumerable.Range(0, Officials).Count(i => !telegram.Chat(ReminderFixture.UserId(i)).Any(m => m.FromBot))} officials still without their reminder");
        await Task.Delay(500); // anything still in flight lands before we count
        survivor.Process.Kill(entireProcessTree: true);
        await survivor.Process.WaitForExitAsync();

        var perChat = Enumerable.Range(0, Officials).Select(i => telegram.Chat(ReminderFixture.UserId(i)).Count(m => m.FromBot)).ToList();
        var lost = perChat.Count(n => n == 0);
        var repeats = perChat.Sum(n => Math.Max(0, n - 1));
        output.WriteLine($"arrived at the kill: {arrivedAtKill}; sent in all: {telegram.Stats.Sent}; lost: {lost}; repeats: {repeats} (bound {Workers}); 429s: {telegram.Stats.TooManyRequests}");
        Assert.Equal(0, lost);
        Assert.InRange(repeats, 0, Workers);
        using var reopened = PgStore.Open(connection, TimeProvider.System);
        Assert.Empty(reopened.Outbox.Pending());
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan limit, BotProcess node, Func<string>? state = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (node.Process.HasExited) Assert.Fail("The node stopped: " + node.Output());
            if (watch.Elapsed > limit) Assert.Fail($"Not done within {limit.TotalSeconds} s ({state?.Invoke()}). The node said: " + node.Output());
            await Task.Delay(50);
        }
    }
}

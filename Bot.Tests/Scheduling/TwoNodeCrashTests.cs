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
    // 2,000 in the suite; the measure runs the same test with BOT_BROADCAST_OFFICIALS=10000.
    private static readonly int Officials = int.TryParse(Environment.GetEnvironmentVariable("BOT_BROADCAST_OFFICIALS"), out var n) && n >= 1000 ? n : 2000;
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
        var (connection, settings) = PostgresWorld(telegram, Officials);
        settings["Scheduling:Workers"] = Workers.ToString(CultureInfo.InvariantCulture);
        settings["Scheduling:JobInvisibleSeconds"] = "10";
        settings["Delivery:ClaimSeconds"] = "5";
        settings["Scheduling:LockExpirySeconds"] = "5"; // a job the dead node was moving between states stays locked no longer

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

        // The dead node's fetched jobs return after 10 s, its claims and Hangfire locks run out after 5 s; the rest is the survivor's pace on a busy machine.
        await UntilEveryoneHeard(telegram, Officials, TimeSpan.FromSeconds(120 * Officials / 2000), survivor);
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

    /// <summary>
    /// A node killed while it held Hangfire's locks leaves their rows behind: the recurring scheduler's, the pass's,
    /// the delayed jobs' poller, and the state locks of the jobs it had. Under Hangfire's own expiry (ten minutes)
    /// the next node's start and deliveries stalled that long; with `Scheduling:LockExpirySeconds` they run out.
    /// </summary>
    [Fact]
    public async Task Locks_a_killed_node_left_behind_run_out_and_the_next_node_delivers()
    {
        const int officials = 40;
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { OverallPerSecond = 1000, PerChatPerSecond = 10 });
        var (connection, settings) = PostgresWorld(telegram, officials);
        // A fresh schema numbers jobs from 1: the first ones are this node's pass and deliveries.
        var stale = new[] { "hangfire:recurring-jobs:lock", "hangfire:lock:recurring-job:" + Bot.Scheduling.ReminderJobs.PlanJobId, "hangfire:locks:schedulepoller", "hangfire:ReminderJobs.PlanAndEnqueue" }
            .Concat(Enumerable.Range(1, officials + 10).Select(id => $"hangfire:job:{id}:state-lock")).ToList();
        await using (var db = new Npgsql.NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            // Hangfire logs through a global provider, which the last in-process host left on its disposed logger factory.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Silent());
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(db, "hangfire");
            foreach (var resource in stale)
            {
                await using var insert = new Npgsql.NpgsqlCommand("insert into hangfire.lock (resource, acquired) values (@resource, now() at time zone 'utc')", db);
                insert.Parameters.AddWithValue("resource", resource);
                await insert.ExecuteNonQueryAsync();
            }
        }

        settings["Scheduling:LockExpirySeconds"] = "5";
        using var node = BotProcess.Start("remind-worker", settings);
        await UntilEveryoneHeard(telegram, officials, TimeSpan.FromSeconds(90), node);
        node.Process.Kill(entireProcessTree: true);
        await node.Process.WaitForExitAsync();
        Assert.All(Enumerable.Range(0, officials), i => Assert.Single(telegram.Chat(ReminderFixture.UserId(i)), m => m.FromBot));
    }

    /// <summary>The reminder fixture's officials copied into a fresh database, and a node's settings on it (each well under the API's limit).</summary>
    private (string Connection, Dictionary<string, string?> Settings) PostgresWorld(FakeTelegramServer telegram, int officials)
    {
        var file = Path.Combine(_folder, "bot.db");
        ReminderFixture.Prepare(file, officials, ReminderFixture.WorkingMorning, id => telegram.SendText(id, "/start"));
        var connection = server.NewDatabase();
        using (var lite = BotStore.Open(new StoreOptions(file), TimeProvider.System))
        using (var pg = PgStore.Open(connection, TimeProvider.System))
            Assert.All(StoreMigration.Copy(lite, pg), c => Assert.True(c.Agrees, c.What));
        var settings = ReminderFixture.WorkerSettings(telegram, file, ReminderFixture.WorkingMorning, 200);
        settings["Storage:Provider"] = "PostgreSql";
        settings["Storage:ConnectionString"] = connection;
        return (connection, settings);
    }

    private sealed class Silent : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    /// <summary>Until each of the fixture's first <paramref name="officials"/> has a message from the bot.</summary>
    private static Task UntilEveryoneHeard(FakeTelegramServer telegram, int officials, TimeSpan limit, BotProcess node)
    {
        bool Heard(int i) => telegram.Chat(ReminderFixture.UserId(i)).Any(m => m.FromBot);
        return WaitUntil(() => Enumerable.Range(0, officials).All(Heard), limit, node,
            () => $"{Enumerable.Range(0, officials).Count(i => !Heard(i))} officials still without their reminder");
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

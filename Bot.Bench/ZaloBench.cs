using System.Diagnostics;
using System.Globalization;
using Bot.Channels.Zalo;
using Bot.Domain.Organization;
using Bot.Hosting;
using Bot.Scheduling;
using Bot.Storage;
using Bot.Testing;
using Bot.Testing.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench;

/// <summary>
/// `Bot bench zalo`: through the fake OA server at Zalo's ~4,000 requests a minute, (1) replies: signed
/// webhook events from many users into `serve`, answered through the v3 API; (2) reminders: due nudges
/// through the whole reminder host (planner → outbox → Hangfire → paced delivery) on the Zalo channel.
/// </summary>
internal static class ZaloBench
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var events = int.Parse(args.Option("events") ?? "5000", CultureInfo.InvariantCulture);
        var users = int.Parse(args.Option("users") ?? "500", CultureInfo.InvariantCulture);
        var nudges = int.Parse(args.Option("nudges") ?? "2000", CultureInfo.InvariantCulture);
        var perMinute = int.Parse(args.Option("per-minute") ?? "4000", CultureInfo.InvariantCulture);
        var only = args.Option("only"); // "replies" or "reminders"
        var rows = new List<string>();
        if (only is null or "replies")
        {
            var r = await RepliesAsync(events, users, perMinute);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {events:N0} events from {users:N0} users: all webhooks answered 200 in | {r.Posted.TotalSeconds:0.0} s ({events / r.Posted.TotalSeconds:0}/s) | < 2 s each |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| replies accepted by the OA / the last one after | {r.Sent:N0} / {r.Elapsed.TotalSeconds:0.0} s | |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| replies/s in the first minute, until the quota ran out | {r.BurstRate:0.0}/s | |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| -32 received / replies lost (events − replies) | {r.RateLimited:N0} / {events - r.Sent:N0} | 0 lost |"));
        }
        if (only is null or "reminders")
        {
            var (rate, limit, limited, elapsed) = await RemindersAsync(nudges, perMinute);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {nudges:N0} reminders delivered in | {elapsed.TotalSeconds:0.0} s | |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| send rate / limit ({limit:0.0}/s) | {rate:0.0}/s = {rate / limit:0.00} | ≥ 0.90 |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| -32 received | {limited:N0} | 0 |"));
        }
        Console.WriteLine("| measure | value | target |");
        Console.WriteLine("|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private sealed record Replies(TimeSpan Posted, int Sent, TimeSpan Elapsed, double BurstRate, int RateLimited);

    private static async Task<Replies> RepliesAsync(int events, int users, int perMinute)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bench-zalo-" + Guid.NewGuid().ToString("N")[..8]);
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<long>();
        var watch = new Stopwatch();
        await using var zalo = await FakeZaloServer.StartAsync(new FakeZaloOptions { RequestsPerMinute = perMinute, OnOaMessage = _ => arrivals.Enqueue(watch.ElapsedTicks) });
        try
        {
            var store = Prepare(folder, users, zalo);
            var settings = Settings(zalo, store);
            settings["Scheduling:Reminders"] = "false";
            settings["Urls"] = "http://127.0.0.1:0";
            await using var app = BotHost.Build(BotRole.Serve, settings)!;
            await app.StartAsync();
            zalo.WebhookUrl = new Uri(Listening.Address(app.Services), ZaloSetup.WebhookPath);
            await zalo.SendText(User(0), "giúp"); // warm-up: the first request pays for the JIT
            while (zalo.Stats.Sent < 1) await Task.Delay(10);
            await Task.Delay(200); // its arrival is counted after the answer is written
            arrivals.Clear();
            var before = zalo.Stats;

            watch.Start();
            await Parallel.ForAsync(0, events, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var delivery = await zalo.SendText(User(i % users), "giúp");
                if (!delivery.Delivered) throw new InvalidOperationException("A webhook was not answered 200.");
            });
            var posted = watch.Elapsed;
            // Replies come until every event has one, or nothing more arrives for longer than Zalo's minute
            // (past the quota, the rest wait for the minute to slide; a reply refused twice is given up on).
            var last = (Count: 0, At: watch.Elapsed);
            while (arrivals.Count < events && watch.Elapsed - last.At < TimeSpan.FromSeconds(70))
            {
                if (arrivals.Count != last.Count) last = (arrivals.Count, watch.Elapsed);
                await Task.Delay(50);
            }
            var times = arrivals.ToArray();
            var elapsed = times.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(times.Max() * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            // The bot's own pace: the replies of the first minute (before Zalo's quota slides), over the time they took.
            var burst = times.Where(t => t < 60 * Stopwatch.Frequency).Order().ToArray();
            var burstRate = burst.Length == 0 ? 0 : burst.Length / Math.Max(0.001, (double)burst[^1] / Stopwatch.Frequency);
            var stats = zalo.Stats;
            await app.StopAsync();
            return new Replies(posted, times.Length, elapsed, burstRate, stats.RefusedWith(-32) - before.RefusedWith(-32));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(double Rate, double Limit, int RateLimited, TimeSpan Elapsed)> RemindersAsync(int count, int perMinute)
    {
        var limit = perMinute / 60.0;
        var folder = Path.Combine(Path.GetTempPath(), "bench-zalo-" + Guid.NewGuid().ToString("N")[..8]);
        await using var zalo = await FakeZaloServer.StartAsync(new FakeZaloOptions { RequestsPerMinute = perMinute });
        try
        {
            var store = Prepare(folder, count, zalo);
            var settings = Settings(zalo, store);
            // The bot paces at 95% of the limit, as for Telegram.
            settings["Delivery:OverallPerSecond"] = (limit * 0.95).ToString(CultureInfo.InvariantCulture);
            settings["Delivery:PerChatPerSecond"] = "10";
            settings["Scheduling:Workers"] = "50";
            await using var app = BotHost.Build(BotRole.RemindWorker, settings)!;
            var watch = Stopwatch.StartNew();
            await app.StartAsync();
            TimeSpan? first = null;
            while (zalo.Stats.Sent < count && watch.Elapsed < TimeSpan.FromMinutes(5))
            {
                if (first is null && zalo.Stats.Sent > 0) first = watch.Elapsed;
                await Task.Delay(20);
            }
            var elapsed = watch.Elapsed - (first ?? TimeSpan.Zero);
            var stats = zalo.Stats;
            await app.StopAsync();
            return (stats.Sent / elapsed.TotalSeconds, limit, stats.RefusedWith(-32), elapsed);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The reminder fixture's district with every official on Zalo instead of Telegram, each a user the OA heard from.</summary>
    private static string Prepare(string folder, int officials, FakeZaloServer zalo)
    {
        var store = Path.Combine(folder, "bot.db");
        ReminderFixture.Prepare(store, officials, ReminderFixture.WorkingMorning, _ => { });
        using (var opened = BotStore.Open(new StoreOptions(store), TimeProvider.System))
        {
            var moved = Enumerable.Range(0, officials).Select(i => opened.Directory.ByChatAccount(new ChatAccount("telegram", ReminderFixture.UserId(i).ToString(CultureInfo.InvariantCulture)))!)
                .Select((o, i) => o with { ChatAccounts = [new ChatAccount(ZaloEvents.Channel, User(i))] }).ToList();
            opened.Directory.Upsert(moved);
        }
        for (var i = 0; i < officials; i++) zalo.Interacted(User(i));
        return store;
    }

    private static Dictionary<string, string?> Settings(FakeZaloServer zalo, string store) => new()
    {
        ["Storage:Path"] = store,
        ["Clock:Now"] = ReminderFixture.WorkingMorning.ToString("O", CultureInfo.InvariantCulture),
        ["Zalo:AppId"] = zalo.Options.AppId,
        ["Zalo:AppSecret"] = zalo.Options.AppSecret,
        ["Zalo:OaSecretKey"] = zalo.Options.OaSecretKey,
        ["Zalo:AccessToken"] = zalo.Options.AccessToken,
        ["Zalo:RefreshToken"] = zalo.Options.RefreshToken,
        ["Zalo:ApiBaseUrl"] = zalo.BaseUrl.ToString(),
        ["Zalo:OAuthBaseUrl"] = zalo.BaseUrl.ToString(),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static string User(int i) => (3_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
}

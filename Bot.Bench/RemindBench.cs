using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Bot.Testing.Telegram;
using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Hosting;
using Bot.Scheduling;
using Bot.Storage;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench;

/// <summary>
/// `Bot bench remind`: (1) due nudges through the whole reminder host (planner → outbox → Hangfire
/// → paced delivery) to the fake Bot API enforcing Telegram's limits ×10; (2) one planner pass over
/// a million in-memory assignments.
/// </summary>
internal static class RemindBench
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var count = int.Parse(args.Option("nudges") ?? "10000", CultureInfo.InvariantCulture);
        var assignments = int.Parse(args.Option("assignments") ?? "1000000", CultureInfo.InvariantCulture);
        var workers = args.Option("workers") ?? "50";
        var only = args.Option("only"); // "delivery" or "planner": one half of the bench; "store": the store read of a pass
        var rows = new List<string>();
        if (only is null or "delivery")
        {
            var (deliveryRate, limit, tooMany, again, elapsed) = await DeliveryAsync(count, workers);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} nudges delivered in | {elapsed.TotalSeconds:0.0} s | |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| send rate / limit ({limit:0}/s) | {deliveryRate:0.0}/s = {deliveryRate / limit:0.00} | ≥ 0.90 |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| 429s received / twice in a row for one message | {tooMany} / {again} | 0 twice in a row |"));
        }
        if (only is null or "planner")
        {
            var (firstMs, steadyMs, shuffledMs, planned) = PlannerPass(assignments);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| planner pass over {assignments:N0} assignments, nothing sent before ({planned:N0} nudges due) | {firstMs:0} ms | |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| planner pass over {assignments:N0} assignments, the every-minute case (all handled) | {steadyMs:0} ms | < 200 ms |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| the same, assignments shuffled out of deadline order | {shuffledMs:0} ms | |"));
        }
        if (only == "store")
        {
            // Not in the default run: it builds (or, with --keep, copies) the 1,000,000-assignment world of `bench store`.
            var (read, windowCount, build, targetCount) = StoreRead(args);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| a pass's input from the store: open work in the planner's window ({windowCount:N0} assignments) read in | {read:0} ms | |"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| and made into {targetCount:N0} planner targets in | {build:0} ms | |"));
        }
        Console.WriteLine("| measure | value | target |");
        Console.WriteLine("|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private static async Task<(double Rate, double Limit, int TooMany, int Again, TimeSpan Elapsed)> DeliveryAsync(int count, string workers)
    {
        const double limit = 300;
        var folder = Path.Combine(Path.GetTempPath(), "bench-remind-" + Guid.NewGuid().ToString("N")[..8]);
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { OverallPerSecond = limit, PerChatPerSecond = 10 });
        try
        {
            var store = Path.Combine(folder, "bot.db");
            ReminderFixture.Prepare(store, count, ReminderFixture.WorkingMorning, userId => server.SendText(userId, "/start"));
            // The bot paces at 95% of the limit: arrival jitter would otherwise push some seconds over it.
            var settings = ReminderFixture.WorkerSettings(server, store, ReminderFixture.WorkingMorning, limit * 0.95);
            settings["Scheduling:Workers"] = workers;
            await using var app = BotHost.Build(BotRole.RemindWorker, settings)!;
            var watch = Stopwatch.StartNew();
            await app.StartAsync();
            TimeSpan? first = null;
            while (server.Stats.Sent < count && watch.Elapsed < TimeSpan.FromMinutes(5))
            {
                if (first is null && server.Stats.Sent > 0) first = watch.Elapsed;
                await Task.Delay(20);
            }
            var elapsed = watch.Elapsed - (first ?? TimeSpan.Zero);
            var stats = server.Stats;
            var delivery = app.Services.GetRequiredService<NudgeDelivery>();
            await app.StopAsync();
            return (stats.Sent / elapsed.TotalSeconds, limit, delivery.RateLimited, delivery.RateLimitedTwiceInARow, elapsed);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static (double FirstMs, double SteadyMs, double ShuffledMs, int Planned) PlannerPass(int count)
    {
        using var bot = BotServices.Build(BotConfiguration.Build());
        var planner = bot.GetRequiredService<NudgePlanner>();
        var random = new Random(7);
        var now = ReminderFixture.WorkingMorning;
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        // Deadlines at the end of the working day spread over the planner's ±30 days; 5,000 units of 3 officials,
        // 2 to escalate to. As NudgeTargets.Build does, a unit's lists are shared by its assignments, and the
        // targets are made in deadline order, the order the store hands open work over (IAssignmentStore.OpenTasksDueBetween).
        var officials = Enumerable.Range(0, 5000).Select(u => (ImmutableArray<string>)[$"09{u:D5}1", $"09{u:D5}2", $"09{u:D5}3"]).ToArray();
        var escalateTo = Enumerable.Range(0, 5000).Select(u => (ImmutableArray<string>)[$"09{u:D5}0", "0900000000"]).ToArray();
        var targets = Enumerable.Range(0, count)
            .Select(i => (Index: i, Due: VietnamTime.StartOfDay(today.AddDays(random.Next(-30, 31))).AddHours(17)))
            .OrderBy(t => t.Due).ToList()
            .Select(t => new NudgeTarget(Assignment.MakeId($"kh-{t.Index / 50}-2023/{t.Index % 50 + 1}", $"unit-{t.Index % 5000}", null), t.Due,
                officials[t.Index % 5000], escalateTo[t.Index % 5000]))
            .ToList();
        var handled = new HandledNudges(); // as the outbox returns it
        var sentToday = new Dictionary<string, int>(StringComparer.Ordinal);
        planner.Plan(targets.Take(10_000), handled, sentToday, now); // warm-up
        var watch = Stopwatch.StartNew();
        var plan = planner.Plan(targets, handled, sentToday, now);
        var first = watch.Elapsed.TotalMilliseconds;
        // What the outbox holds after that pass: the next minute's pass finds everything handled.
        foreach (var n in plan.Bundles.SelectMany(b => b.Nudges).Concat(plan.PassedOver)) handled.Add(n);
        var steadyMs = BestOfThree(targets);
        // The planner is right in any order, only slower: measured with the same targets shuffled.
        var shuffled = targets.ToArray();
        new Random(11).Shuffle(shuffled);
        var shuffledMs = BestOfThree(shuffled);
        return (first, steadyMs, shuffledMs, plan.Bundles.Sum(b => b.Nudges.Count));

        // The every-minute pass, best of three (the first ones pay for the collection of the big first pass).
        double BestOfThree(IReadOnlyList<NudgeTarget> open)
        {
            var best = double.MaxValue;
            for (var i = 1; i <= 3; i++)
            {
                GC.Collect();
                watch.Restart();
                var again = planner.Plan(open, handled, sentToday, now.AddMinutes(i));
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                if (again.Bundles.Count > 0 || again.PassedOver.Count > 0)
                    throw new InvalidOperationException("A later pass planned again what the first recorded.");
            }
            return best;
        }
    }

    /// <summary>What a real pass reads before it plans: the window's open work from LiteDB, and the targets made of it.</summary>
    private static (double ReadMs, int Window, double BuildMs, int Targets) StoreRead(CliArgs args)
    {
        using var world = BenchWorld.Create(args);
        using var bot = BotServices.Build(BotConfiguration.Build());
        var (from, to) = NudgeTargets.Window(bot.GetRequiredService<ReminderPolicy>(), TimeProvider.System.GetUtcNow());
        var watch = Stopwatch.StartNew();
        var open = world.Store.Assignments.OpenTasksDueBetween(from, to);
        var read = watch.Elapsed.TotalMilliseconds;
        // Every official linked to Telegram, so every unit has people to nudge.
        var officials = world.Officials.Select(o => o with { ChatAccounts = [new ChatAccount("telegram", o.Phone)] }).ToList();
        watch.Restart();
        var targets = NudgeTargets.Build(open, officials, world.Units, new Dictionary<string, OfficialPreferences>(), ["telegram"]);
        return (read, open.Count, watch.Elapsed.TotalMilliseconds, targets.Count);
    }
}

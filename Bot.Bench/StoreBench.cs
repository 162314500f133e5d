using System.Diagnostics;
using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Storage;
using LiteDB;
using Spectre.Console;

namespace Bot.Bench;

/// <summary>
/// `Bot bench store [--assignments N] [--units N] [--officials N] [--dir FOLDER]`: builds a district of 1,000
/// units, 10,000 officials and 1,000,000 assignments in a temporary LiteDB file through the real
/// import path, then times the queries a chat makes, a progress report, importing 100 directives,
/// and the same lookup on a bare LiteDB collection (our overhead).
/// </summary>
public static class StoreBench
{
    private const int PageSize = 20;

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var total = Stopwatch.StartNew();
        var rows = new List<(string What, string Figure)>();
        using (var world = BenchWorld.Create(args))
        {
            var store = world.Store;
            var units = world.Units;
            var officials = world.Officials;
            var unitCount = units.Units.Count;
            var taskCount = world.TaskCount;
            var made = world.Assignments;
            var path = world.DbPath;
            var clock = TimeProvider.System;
            var now = clock.GetUtcNow();
            var importer = new DirectiveImporter(store.Assignments, units, clock);
            rows.AddRange(world.Timings);
            var watch = Stopwatch.StartNew();

            // Some work done, through the real confirmation path.
            var confirmTimes = new List<double>();
            var random = new Random(7);
            var done = 0;
            for (var u = 0; u < units.Units.Count; u++)
            {
                var unit = units.Units[u];
                var official = officials[u % officials.Count] with { UnitCode = unit.Code };
                foreach (var a in store.Assignments.OpenOfUnit(unit.Code, 5))
                {
                    var t = Stopwatch.GetTimestamp();
                    if (store.Assignments.Confirm(a.Id, official).Changed) done++;
                    confirmTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }
            rows.Add(($"confirm done ({done:N0} confirmations, each a transaction with its audit entry) p50 / p99", Percentiles(confirmTimes)));

            var codes = units.Units.Select(u => u.Code).ToArray();
            string Pick() => codes[random.Next(codes.Length)];
            var page = Time(500, () => store.Assignments.OpenOfUnit(Pick(), PageSize).Count);
            rows.Add(($"open tasks of a unit, first {PageSize} by deadline — p50 / p99", Percentiles(page)));
            var chatList = Time(500, () => store.Assignments.OpenOfUnit(Pick(), Bot.Domain.Conversation.ShownLists.MaxListed + 1).Count);
            rows.Add(($"open tasks of a unit, the {Bot.Domain.Conversation.ShownLists.MaxListed + 1} a chat list fetches — p50 / p99", Percentiles(chatList)));
            var fromIndex = Time(500, () => store.Assignments.OpenTasksOfUnit(Pick(), limit: Bot.Domain.Conversation.ShownLists.MaxListed + 1).Count);
            rows.Add(($"the same {Bot.Domain.Conversation.ShownLists.MaxListed + 1}, ids and deadlines from the index alone — p50 / p99", Percentiles(fromIndex)));
            var full = Time(100, () => store.Assignments.OpenOfUnit(Pick()).Count);
            rows.Add(($"open tasks of a unit, all (~{made / unitCount:N0}) — p50 / p99", Percentiles(full)));
            var soon = Time(200, () => store.Assignments.DueWithin(7, Pick()).Count);
            rows.Add(("due within 7 days, one unit — p50 / p99", Percentiles(soon)));
            var late = Time(200, () => store.Assignments.Overdue(Pick()).Count);
            rows.Add(("overdue, one unit — p50 / p99", Percentiles(late)));
            var byNumber = Time(20, () => store.Assignments.ByDirectiveNumber($"{random.Next(1 + (taskCount - 1) / BenchWorld.TasksPerDirective) + 1}/BENCH").Count);
            rows.Add(($"by directive number (~{BenchWorld.TasksPerDirective * unitCount:N0} rows) — p50 / p99", Percentiles(byNumber)));

            // The same first-page lookup on the bare collection: no mapping, no domain types.
            var bare = store.Database.GetCollection(BotStore.AssignmentsName);
            var bareTimes = Time(500, () => bare.Query().Where(Query.StartsWith("OpenKey", Pick() + "|")).OrderBy("$.OpenKey").Limit(PageSize).ToList().Count);
            rows.Add(($"same first page on a bare LiteDB collection — p50 / p99", Percentiles(bareTimes)));
            rows.Add(("our overhead (p50 ours / p50 bare)", (Median(page) / Median(bareTimes)).ToString("0.00×", CultureInfo.InvariantCulture)));

            watch.Restart();
            var quarter = store.Assignments.Progress(now.AddDays(-30), now.AddDays(60));
            rows.Add(($"per-unit progress, all units, 90 days ({quarter.Sum(p => p.Total):N0} assignments, {quarter.Count:N0} units)", BenchWorld.Seconds(watch)));

            // 100 ordinary directives: 10 tasks each, for one to three named units.
            watch.Restart();
            var imported = 0;
            for (var d = 0; d < 100; d++)
            {
                var tasks = Enumerable.Range(0, 10).Select(t => new DirectiveTask((t + 1).ToString(CultureInfo.InvariantCulture), TaskKind.Task,
                    $"Việc {t} của văn bản {d}", Enumerable.Range(0, 1 + t % 3).Select(k => units.Units[(d * 31 + t * 7 + k) % unitCount].Name).ToList(),
                    [], null, now.AddDays(10 + t), null)).ToList();
                imported += importer.Import(BenchWorld.Directive($"{d + 1}/IMPORT", tasks), publish: true, [], "bench").Saved.Inserted;
            }
            var importSeconds = watch.Elapsed.TotalSeconds;
            rows.Add(($"import + publish 100 directives ({imported:N0} assignments)", $"{importSeconds:0.00} s ({importSeconds * 10:0.0} ms each)"));

            store.Database.Checkpoint();
            rows.Add(("file size", $"{new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB"));
            rows.Add(("whole bench", BenchWorld.Seconds(total)));
        }
        var table = new Table().Title("bench store").AddColumn("measure").AddColumn(new TableColumn("figure").RightAligned());
        foreach (var (what, figure) in rows) table.AddRow(Markup.Escape(what), figure);
        AnsiConsole.Write(table);
        return Task.FromResult(0);
    }


    private static List<double> Time(int runs, Func<int> query)
    {
        for (var i = 0; i < Math.Min(20, runs / 5); i++) query(); // warm-up
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            query();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return times;
    }

    private static double Median(List<double> times) => BenchWorld.Percentile(times, 0.5);

    private static string Percentiles(List<double> times) => BenchWorld.Percentiles(times);

}

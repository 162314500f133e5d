using System.Diagnostics;
using System.Globalization;
using Bot.Domain.Conversation.Handlers;
using Bot.Domain.Reports;
using Bot.Domain.Time;
using Bot.Domain.Words;
using Bot.Reports;
using Spectre.Console;

namespace Bot.Bench;

/// <summary>
/// `Bot bench report [--assignments N] [--units N] [--dir FOLDER] [--keep FOLDER] [--runs N]`: over the bench district
/// (1,000 units, 1,000,000 assignments by default, deadlines from 30 days back to 90 ahead, some done), times what a
/// leader's "báo cáo tháng này" costs: tallying the month's work and ranking the units, the workbook of that district
/// month (its rows read from the store as they are written), and the chart; with the memory it takes.
/// </summary>
public static class ReportBench
{
    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var runs = BenchWorld.Count(args, "runs", 3);
        var rows = new List<(string What, string Figure)>();
        using (var world = BenchWorld.Create(args))
        {
            rows.AddRange(world.Timings);
            var store = world.Store;
            var now = TimeProvider.System.GetUtcNow();
            // Some work done, as in a real month: every tenth open task of each unit, on time or late.
            var watch = Stopwatch.StartNew();
            var done = 0;
            foreach (var unit in world.Units.Units)
            {
                var official = world.Officials.First(o => o.UnitCode == unit.Code);
                foreach (var a in store.Assignments.OpenOfUnit(unit.Code, 20).Where((_, i) => i % 4 == 0)) done += store.Assignments.Confirm(a.Id, official).Changed ? 1 : 0;
            }
            rows.Add(($"{done:N0} assignments confirmed done", BenchWorld.Seconds(watch)));

            var (from, until) = ReportHandler.ThisMonth(now);
            var month = ReportWork.Due(store.ReportSource, from, until);
            var files = new ReportFiles(ReportFiles.DefaultFont);
            Report report = null!;
            var ranking = Time(runs, () => report = month.Report(world.Units, now));
            rows.Add(($"ranking of {month.Period.Label}: tally {report.Total:N0} assignments, rank {report.Ranking.Count:N0} units — p50 / max", Ms(ranking)));
            var tallies = store.ReportSource.Tally(from, until, now);
            var rankOnly = Time(runs, () => Report.Of(month.Period, tallies, world.Units, now));
            rows.Add(("  of it, ranking the tallies (pure) — p50 / max", Ms(rankOnly)));
            byte[] workbook = [];
            var xlsx = Time(runs, () => workbook = files.Workbook(report, month.Lines(report, store.Progress)));
            rows.Add(($"workbook of the district month, read as written ({report.Total:N0} rows + {report.Ranking.Count:N0}; {workbook.Length / 1024.0 / 1024:0.0} MB) — p50 / max", Ms(xlsx)));
            var lines = month.Lines(report, store.Progress).ToList();
            var written = Time(runs, () => files.Workbook(report, lines));
            rows.Add(("  of it, writing rows already read — p50 / max", Ms(written)));
            lines = null;
            byte[] chart = [];
            var png = Time(runs, () => chart = files.Chart(report));
            rows.Add(($"chart ({ReportFiles.MaxBars} bars, {chart.Length / 1024.0:0} KB) — p50 / max", Ms(png)));
            var unit0 = world.Units.Units[0].Code;
            var unitMonth = ReportWork.Due(store.ReportSource, from, until, unit0);
            var unitTimes = Time(runs * 5, () =>
            {
                var own = unitMonth.Report(world.Units, now);
                files.Workbook(own, unitMonth.Lines(own, store.Progress));
            });
            rows.Add(("one unit's month with its workbook (a unit head's report) — p50 / max", Ms(unitTimes)));
            rows.Add(("managed heap after (GC.GetTotalMemory)", $"{GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024:0} MB"));
            rows.Add(("peak working set of the process", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:0} MB"));
        }
        var table = new Table().Title("Báo cáo: xếp hạng, tệp Excel, biểu đồ").AddColumn("phép đo").AddColumn(new TableColumn("kết quả").RightAligned());
        foreach (var (what, figure) in rows) table.AddRow(Markup.Escape(what), Markup.Escape(figure));
        AnsiConsole.Write(table);
        return Task.FromResult(0);
    }

    private static List<double> Time(int runs, Action action)
    {
        action(); // warm-up: JIT, LiteDB's page cache
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return times;
    }

    private static string Ms(List<double> times) =>
        string.Create(CultureInfo.InvariantCulture, $"{BenchWorld.Percentile(times, 0.5):0} ms / {times.Max():0} ms");
}

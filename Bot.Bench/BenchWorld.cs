using System.Diagnostics;
using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Storage;
using Spectre.Console;

namespace Bot.Bench;

/// <summary>
/// A large made-up district for the benches: units, officials and assignments published through the
/// real import path into a LiteDB file in a temporary folder (`--dir` to place it, e.g. /dev/shm).
/// Every task goes to all units, so assignments = tasks × units, deadlines spread from 30 days
/// back to 90 days ahead. `--keep FOLDER` builds it there once and gives later runs a fresh copy of
/// it (to profile or compare without waiting for the build each time).
/// </summary>
internal sealed class BenchWorld : IDisposable
{
    public const int TasksPerDirective = 20;
    private const string AllUnits = "Tất cả đơn vị thử";

    private BenchWorld(string folder, BotStore store, UnitDirectory units, List<Official> officials)
    {
        Folder = folder;
        Store = store;
        Units = units;
        Officials = officials;
    }

    public string Folder { get; }

    public string DbPath => Path.Combine(Folder, "bench.db");

    public BotStore Store { get; }

    public UnitDirectory Units { get; }

    public List<Official> Officials { get; }

    public int TaskCount { get; private init; }

    public int Assignments { get; private init; }

    /// <summary>What making the world took, for the bench tables.</summary>
    public List<(string What, string Figure)> Timings { get; } = [];

    public static BenchWorld Create(CliArgs args, int units = 1_000, int officials = 10_000, int assignments = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(args);
        units = Count(args, "units", units);
        officials = Count(args, "officials", officials);
        assignments = Count(args, "assignments", assignments);
        var folder = args.Option("dir") is { } dir
            ? System.IO.Directory.CreateDirectory(Path.Combine(dir, "bot-bench-" + Guid.NewGuid().ToString("N")[..8])).FullName
            : System.IO.Directory.CreateTempSubdirectory("bot-bench-").FullName;
        var directory = MakeUnits(units);
        var people = Enumerable.Range(0, officials).Select(i => new Official
        {
            Phone = "09" + i.ToString("D8", CultureInfo.InvariantCulture),
            Name = "Cán bộ " + i.ToString(CultureInfo.InvariantCulture),
            UnitCode = directory.Units[i % directory.Units.Count].Code,
            Role = i % 10 == 0 ? Role.UnitHead : Role.Staff,
        }).ToList();
        var taskCount = (assignments + units - 1) / units;
        var timings = new List<(string What, string Figure)>();
        var path = Path.Combine(folder, "bench.db");
        if (args.Option("keep") is { } keep)
        {
            // Built once into the kept folder; every run works on a fresh copy, so runs do not pile up state.
            var pristine = Path.Combine(System.IO.Directory.CreateDirectory(keep).FullName, "bench.db");
            if (File.Exists(pristine)) timings.Add(("world copied from " + pristine, "-"));
            else
            {
                using var maker = BotStore.Open(new StoreOptions(pristine), TimeProvider.System);
                Fill(maker, directory, people, taskCount, timings);
            }
            File.Copy(pristine, path);
        }
        if (timings.Count == 0)
        {
            // Built, closed, and opened again as the bot opens its file at start: serving is measured on
            // a settled file, not while LiteDB still carries the import's log (a gigabyte just written).
            using var maker = BotStore.Open(new StoreOptions(path), TimeProvider.System);
            Fill(maker, directory, people, taskCount, timings);
        }
        var store = BotStore.Open(new StoreOptions(path), TimeProvider.System);
        var world = new BenchWorld(folder, store, directory, people) { TaskCount = taskCount, Assignments = taskCount * units };
        world.Timings.AddRange(timings);
        return world;
    }

    /// <summary>Stores the officials and publishes the directives: every task to every unit.</summary>
    private static void Fill(BotStore store, UnitDirectory directory, List<Official> people, int taskCount, List<(string What, string Figure)> timings)
    {
        var watch = Stopwatch.StartNew();
        foreach (var batch in people.Chunk(1_000)) store.Directory.Upsert(batch);
        timings.Add(($"{people.Count:N0} officials stored (batches of 1,000)", Seconds(watch)));

        var clock = TimeProvider.System;
        var importer = new DirectiveImporter(store.Assignments, directory, clock);
        var now = clock.GetUtcNow();
        var made = 0;
        watch.Restart();
        AnsiConsole.Progress().Start(ctx =>
        {
            var bar = ctx.AddTask("Tạo phân công", maxValue: taskCount);
            for (var d = 0; d * TasksPerDirective < taskCount; d++)
            {
                var tasks = Enumerable.Range(d * TasksPerDirective, Math.Min(TasksPerDirective, taskCount - d * TasksPerDirective))
                    .Select(t => new DirectiveTask((t % TasksPerDirective + 1).ToString(CultureInfo.InvariantCulture), TaskKind.Task,
                        $"Nhiệm vụ thử số {t}", [AllUnits], [], null, now.AddDays(t % 120 - 30).AddHours(t % 24), null))
                    .ToList();
                made += importer.Import(Directive($"{d + 1}/BENCH", tasks), publish: true, [], "bench").Saved.Inserted;
                bar.Increment(tasks.Count);
            }
        });
        timings.Add(($"{made:N0} assignments published ({taskCount:N0} tasks × {directory.Units.Count:N0} units, one transaction per directive)", Seconds(watch)));
    }

    public static ReadDirective Directive(string number, IReadOnlyList<DirectiveTask> tasks) =>
        new(new Directive(number, "UBND huyện thử", null, "Công văn", null, null, null, [], tasks), number + string.Join('|', tasks.Select(t => t.Text)), number);

    /// <summary>The p-th percentile (0..1) of timings, nearest rank; 0 when there are none.</summary>
    public static double Percentile(IEnumerable<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"p50 / p99 ms" of timings in milliseconds.</summary>
    public static string Percentiles(IEnumerable<double> times, string format = "0.00")
    {
        var list = times.ToList();
        return $"{Percentile(list, 0.5).ToString(format, CultureInfo.InvariantCulture)} ms / {Percentile(list, 0.99).ToString(format, CultureInfo.InvariantCulture)} ms";
    }

    public static string Seconds(Stopwatch watch) => string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:0.0} s");

    public static int Count(CliArgs args, string name, int fallback) =>
        args.Option(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new CliException($"--{name}: \"{text}\" không phải số dương.");

    internal static UnitDirectory MakeUnits(int count)
    {
        var units = Enumerable.Range(1, count).Select(i => new Unit(
            "U" + i.ToString("D4", CultureInfo.InvariantCulture),
            (i % 10 == 0 ? "Phòng thử " : "Xã thử ") + i.ToString(CultureInfo.InvariantCulture),
            i % 10 == 0 ? UnitKind.Department : UnitKind.Commune, [], null));
        return new UnitDirectory(units, [new UnitGroup(AllUnits, [], [UnitKind.Department, UnitKind.Commune], false)]);
    }

    public void Dispose()
    {
        Store.Dispose();
        try { System.IO.Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

using System.Diagnostics;
using System.Globalization;
using Bot.Cli;
using Bot.Domain.Text;

using Bot.Documents;

namespace Bot.Bench;

/// <summary>
/// `Bot bench restore [--pairs DIR]`: the restorer's load time, memory and speed per page on the
/// OCR-damaged samples, and its score (share of syllables right) on pairs of damaged and corrected
/// text: every DIR/NAME.ocr.txt with its NAME.clean.txt. `--write-readings FOLDER` precomputes the readings of
/// the OCR words the tables know (readings.txt.gz) after the tables were rebuilt.
/// </summary>
public static class RestoreBench
{
    private static readonly string[] DamagedSamples = ["000_709999f606ad9223.txt", "001_1d1327f7fe5b3efb.txt", "003_40044d0cfd089dc3.txt"];

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Option("write-readings") is { } tables)
        {
            var started = Stopwatch.StartNew();
            RestorerTables.WriteReadings(tables);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.Combine(tables, RestorerTables.ReadingsFile)} written in {started.Elapsed.TotalSeconds:F0} s"));
            return Task.FromResult(0);
        }
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var restorer = RestorerTables.Load();
        var loadTime = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var (unigrams, bigrams, trigrams) = restorer.ModelSize;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"models: {unigrams} words, {bigrams} bigrams, {trigrams} trigrams, {restorer.PrecomputedReadings} OCR words' readings precomputed; loaded in {loadTime.TotalMilliseconds:F0} ms, {(after - before) / 1e6:F1} MB managed"));

        if (args.Option("pairs") is { } dir)
        {
            var total = new SyllableScore.Result();
            var raw = new SyllableScore.Result();
            foreach (var damaged in Directory.GetFiles(dir, "*.ocr.txt").Order(StringComparer.Ordinal))
            {
                var clean = File.ReadAllText(damaged[..^".ocr.txt".Length] + ".clean.txt");
                var text = File.ReadAllText(damaged);
                var restored = restorer.Restore(VietnameseText.Normalize(text)).Text;
                if (args.Option("out") is { } outDir) File.WriteAllText(Path.Combine(outDir, Path.GetFileName(damaged)[..^".ocr.txt".Length] + ".restored.txt"), restored);
                var score = SyllableScore.Of(clean, restored);
                var before1 = SyllableScore.Of(clean, text);
                total += score;
                raw += before1;
                if (args.Flag("verbose"))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(damaged),-60} {before1.Share,6:P1} -> {score.Share,6:P1}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pairs in {dir}: raw {raw.Share:P1}, restored {total.Share:P2} ({total.Right}/{total.Total} syllables)"));
        }

        // speed: the damaged samples, a page at a time (about 45 lines)
        var folder = Path.Combine(AppContext.BaseDirectory, "samples");
        var pages = DamagedSamples
            .Select(f => Path.Combine(folder, f)).Where(File.Exists)
            .SelectMany(f => Pages(VietnameseText.Normalize(File.ReadAllText(f))))
            .ToList();
        if (pages.Count == 0) return Task.FromResult(0);
        // CPU time beside wall time: the machine may be shared, and CPU time is what a page costs.
        var self = System.Diagnostics.Process.GetCurrentProcess();
        var fresh = RestorerTables.Load(); // no word seen before: the first page costs what a new document costs
        var cpu = self.TotalProcessorTime;
        clock.Restart();
        foreach (var page in pages) fresh.Restore(page);
        self.Refresh();
        var cold = clock.Elapsed.TotalMilliseconds / pages.Count;
        var coldCpu = (self.TotalProcessorTime - cpu).TotalMilliseconds / pages.Count;
        var runs = 0;
        cpu = self.TotalProcessorTime;
        clock.Restart();
        while (clock.Elapsed < TimeSpan.FromSeconds(3) || runs < 3)
        {
            foreach (var page in pages) restorer.Restore(page);
            runs++;
        }
        self.Refresh();
        var warm = clock.Elapsed.TotalMilliseconds / (runs * pages.Count);
        var warmCpu = (self.TotalProcessorTime - cpu).TotalMilliseconds / (runs * pages.Count);
        // the same pages new to fresh tables again, in a process whose restorer code has run and been optimised: what a
        // new document costs a running host (the first sight above also pays the JIT's compiling, once per process)
        var newDocument = RestorerTables.Load();
        GC.Collect(); // the loading's garbage is not the page's
        cpu = self.TotalProcessorTime;
        clock.Restart();
        foreach (var page in pages) newDocument.Restore(page);
        self.Refresh();
        var next = clock.Elapsed.TotalMilliseconds / pages.Count;
        var nextCpu = (self.TotalProcessorTime - cpu).TotalMilliseconds / pages.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"restore: {cold:F1} ms/page on first sight after start ({coldCpu:F1} ms CPU), {next:F1} ms/page on a new document's first sight in a running process ({nextCpu:F1} ms CPU), {warm:F2} ms/page once its words were seen ({warmCpu:F2} ms CPU); {pages.Count} pages (45 lines) of the damaged samples, {runs} rounds"));
        return Task.FromResult(0);
    }

    private static IEnumerable<string> Pages(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i += 45) yield return string.Join('\n', lines.Skip(i).Take(45));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Domain.Time;

namespace Bot.Bench;

/// <summary>
/// `Bot bench time [--specs DIR]`: phrases per second over the time spec files (Duckling's corpus
/// and directive-and-chat.tsv, found under Bot.Tests/Specs/Time from here or the binary's folder
/// upwards), after warm-up; then the time to scan 1 MB and 2 MB of directive text made by
/// repeating samples/*.txt, to show the scan grows linearly.
/// </summary>
public static class TimeBench
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var specs = args.Option("specs") ?? FindUp(Path.Combine("Bot.Tests", "Specs", "Time"))
            ?? throw new CliException("Không tìm thấy thư mục Bot.Tests/Specs/Time: hãy chỉ rõ bằng --specs THƯ_MỤC.");
        var samples = FindUp("samples") ?? throw new CliException("Không tìm thấy thư mục samples.");
        var recognizer = new TimeRecognizer();

        var phrases = Phrases(specs);
        if (phrases.Count == 0) throw new CliException($"Không có cụm từ nào trong {specs}.");
        foreach (var (text, reference) in phrases) recognizer.Recognize(text, reference); // warm-up
        var clock = Stopwatch.StartNew();
        long done = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var (text, reference) in phrases) recognizer.Recognize(text, reference);
            done += phrases.Count;
        }
        var perSecond = done / clock.Elapsed.TotalSeconds;

        var seed = string.Join("\n\n", Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var reference2 = new DateTime(2023, 10, 19, 8, 0, 0);
        var rows = new List<(int Megabytes, double Ms, double CpuMs, int Mentions)>();
        // Warm up on the text itself, so that both sizes run fully optimised code.
        for (var run = 0; run < 3; run++) recognizer.Recognize(Repeat(seed, 1_000_000), reference2);
        var process = Process.GetCurrentProcess();
        foreach (var megabytes in new[] { 1, 2 })
        {
            var text = Repeat(seed, megabytes * 1_000_000);
            double best = double.MaxValue, bestCpu = double.MaxValue;
            var mentions = 0;
            for (var run = 0; run < 5; run++)
            {
                GC.Collect();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var t = Stopwatch.StartNew();
                mentions = recognizer.Recognize(text, reference2).Count;
                best = Math.Min(best, t.Elapsed.TotalMilliseconds);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
            }
            rows.Add((megabytes, best, bestCpu, mentions));
        }

        // Best of five runs each; CPU time is less disturbed than wall-clock time on a busy machine.
        Console.WriteLine("Bot bench time");
        Console.WriteLine(string.Create(Invariant, $"  {"phrases",-28}{phrases.Count,10}"));
        Console.WriteLine(string.Create(Invariant, $"  {"phrases per second",-28}{perSecond,10:N0}"));
        Console.WriteLine(string.Create(Invariant, $"  {"text",-8}{"wall ms",10}{"cpu ms",10}{"MB/s",8}{"mentions",10}"));
        foreach (var (mb, ms, cpuMs, count) in rows)
            Console.WriteLine(string.Create(Invariant, $"  {mb + " MB",-8}{ms,10:N0}{cpuMs,10:N0}{mb / (ms / 1000),8:N2}{count,10:N0}"));
        Console.WriteLine(string.Create(Invariant,
            $"  2 MB / 1 MB: wall {rows[1].Ms / rows[0].Ms:N2}, cpu {rows[1].CpuMs / rows[0].CpuMs:N2} (2.00 = linear)"));
        return Task.FromResult(0);
    }

    /// <summary>Every phrase of the spec files with its reference time.</summary>
    private static List<(string Text, DateTime Reference)> Phrases(string dir)
    {
        var list = new List<(string, DateTime)>();
        var duckling = new DateTime(2017, 2, 2, 3, 55, 0);
        foreach (var line in ReadRows(Path.Combine(dir, "duckling-vi-time.tsv"))) list.Add((line[0], duckling));
        foreach (var line in ReadRows(Path.Combine(dir, "directive-and-chat.tsv")))
            list.Add((line[0], DateTime.ParseExact(line[1], "yyyy-MM-dd'T'HH:mm", Invariant)));
        return list;
    }

    private static IEnumerable<string[]> ReadRows(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
            : [];

    private static string Repeat(string seed, int length)
    {
        var sb = new StringBuilder(length + seed.Length);
        while (sb.Length < length) sb.Append(seed).Append("\n\n");
        return sb.ToString(0, length);
    }

    private static string? FindUp(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}

namespace Bot.Bench;

/// <summary>`Bot bench WHAT`: speed figures, measured in-process after warm-up.</summary>
public static class BenchCommand
{
    private static readonly Dictionary<string, Func<CliArgs, Task<int>>> Benches = new(StringComparer.Ordinal)
    {
        ["docs"] = DocumentBench.RunAsync,
        ["time"] = TimeBench.RunAsync,
        ["store"] = StoreBench.RunAsync,
        ["chat"] = ChatBench.RunAsync,
        ["parse"] = ParseBench.RunAsync,
        ["remind"] = RemindBench.RunAsync,
        ["restore"] = RestoreBench.RunAsync,
        ["ocr"] = OcrBench.RunAsync,
        ["zalo"] = ZaloBench.RunAsync,
        ["province"] = ProvinceBench.RunAsync,
        ["report"] = ReportBench.RunAsync,
        ["pass"] = PassBench.RunAsync,
    };

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var what = args.Positional.Count > 0 ? args.Positional[0] : "";
        if (!Benches.TryGetValue(what, out var bench))
            throw new CliException($"Bot.Bench {string.Join('|', Benches.Keys)}: hãy chọn một phép đo.");
        return bench(args);
    }
}

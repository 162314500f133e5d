using System.Diagnostics;

namespace Bot.Cli;

/// <summary>
/// `Bot bench …`: the benches live in their own program, Bot.Bench (they need the test kit, which the
/// bot does not ship). This runs the Bot.Bench built beside this binary or in the same source tree, with
/// the same arguments, so the commands of earlier notes keep working.
/// </summary>
internal static class BenchForward
{
    public const string Program = "Bot.Bench.dll";

    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var raw = args.Raw;
        var bench = Find() ?? throw new CliException(
            "Các phép đo nằm ở chương trình Bot.Bench. Hãy dựng nó trước: dotnet build ChatBot.sln -c Release, " +
            "rồi chạy dotnet Bot.Bench/bin/Release/net10.0/Bot.Bench.dll " + string.Join(' ', raw));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(bench);
        foreach (var a in raw) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new CliException("Không chạy được " + bench);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Beside this binary (a publish of both), else Bot.Bench/bin/… of the source tree this binary was built in.</summary>
    private static string? Find()
    {
        var here = AppContext.BaseDirectory;
        var beside = Path.Combine(here, Program);
        if (File.Exists(beside)) return beside;
        // Bot/bin/Release/net10.0/ → Bot.Bench/bin/Release/net10.0/
        for (var dir = new DirectoryInfo(here); dir?.Parent is { } parent; dir = parent)
        {
            if (dir.Name != "Bot") continue;
            var built = Path.Combine(parent.FullName, "Bot.Bench", Path.GetRelativePath(dir.FullName, here), Program);
            return File.Exists(built) ? built : null;
        }
        return null;
    }
}

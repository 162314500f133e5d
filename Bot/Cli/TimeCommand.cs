namespace Bot.Cli;

/// <summary>`Bot time`: filled in by the time recognizer work.</summary>
public static class TimeCommand
{
    public static Task<int> RunAsync(CliArgs args) => throw new CliException("Chưa có bộ nhận dạng thời gian.");
}

using Bot.Scheduling;

namespace Bot.Cli;

/// <summary>`Bot remind-worker`: only the reminders (planner, outbox, Hangfire, Telegram delivery), until Ctrl+C.</summary>
internal static class RemindWorkerCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        await using var app = RemindWorker.Build([.. args.Positional]);
        await app.RunAsync();
        return 0;
    }
}

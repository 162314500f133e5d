using Bot.Hosting;

namespace Bot.Cli;

/// <summary>
/// `Bot remind-worker [--db PATH]`: only the reminders (planner, outbox, Hangfire, Telegram delivery), until Ctrl+C.
/// Beside `serve` on one store, both need Storage__Shared=true and `serve` Scheduling__Reminders=false.
/// </summary>
internal static class RemindWorkerCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        await using var app = BotHost.Build(BotRole.RemindWorker, StoreCli.Settings(args))!;
        await app.RunAsync();
        return 0;
    }
}

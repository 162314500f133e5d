using Bot.Hosting;

namespace Bot.Cli;

/// <summary>
/// `Bot serve [--db PATH]` (and `Bot` with no verb): Telegram when a token is configured
/// (long polling, or a webhook when Telegram:WebhookUrl is set), listening on `Urls`; else the console demo.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var web = BotHost.Build(BotRole.Serve, StoreCli.Settings(args));
        if (web is null)
        {
            Console.WriteLine("Chưa cấu hình Telegram (Telegram__Token) hay Zalo OA (Zalo__AppId...): chạy bản thử trên màn hình.");
            return await ChatCommand.RunAsync(args);
        }
        await using (web) await web.RunAsync();
        return 0;
    }
}

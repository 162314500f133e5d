using System.Globalization;
using Bot.Channels.Console;
using Bot.Domain.Organization;
using Bot.Domain.Time;
using Bot.Domain.Conversation;
using Bot.Domain.Words;
using Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli;

/// <summary>
/// `Bot chat [--as PHONE] [--today YYYY-MM-DD] [--db PATH]`: the conversation in the terminal.
/// Without --db it runs on a fresh demo store filled with the sample directory and directives,
/// on 20/10/2023 unless told another day.
/// </summary>
public static class ChatCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var db = args.Option("db");
        var demo = db is null;
        var folder = demo ? System.IO.Directory.CreateTempSubdirectory("tro-ly-demo-").FullName : null;
        try
        {
            var settings = StoreCli.Settings(args);
            settings["Storage:Path"] = db ?? Path.Combine(folder!, "demo.db");
            var clock = Clock(args.Option("today"), BotConfiguration.Build()["Clock:Now"], demo);
            using var bot = StoreCli.Open(settings, services => services.AddSingleton(clock));
            if (demo) DemoData.Seed(bot);
            Official speaker;
            try
            {
                speaker = DemoData.Speaker(bot, args.Option("as"));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                throw new CliException(e is ArgumentException ? e.Message : "Chưa có cán bộ nào có việc trong tệp dữ liệu này.");
            }
            var userId = "console-" + speaker.Phone;
            var account = new ChatAccount(ConsoleChat.Channel, userId);
            if (!speaker.ChatAccounts.Contains(account))
                bot.GetRequiredService<IDirectoryStore>().Upsert([speaker with { ChatAccounts = [.. speaker.ChatAccounts, account] }]);
            var unit = bot.GetRequiredService<UnitDirectory>().ByCode(speaker.UnitCode)?.Name ?? speaker.UnitCode;
            var seesAll = bot.GetRequiredService<Reach>().SeesAll(speaker);
            Console.WriteLine(Phrases.ChatBanner(demo, speaker.Name, Roles.Display(speaker.Role), unit, speaker.Phone, clock.GetUtcNow(), seesAll));
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            await new ConsoleChat(bot.GetRequiredService<IConversation>(), Console.In, Console.Out, userId).RunAsync(stop.Token);
            return 0;
        }
        finally
        {
            if (folder is not null) TryDelete(folder);
        }
    }

    private static TimeProvider Clock(string? today, string? configured, bool demo)
    {
        if (today is not null)
        {
            if (!DateOnly.TryParse(today, CultureInfo.InvariantCulture, out var day))
                throw new CliException($"Không hiểu ngày \"{today}\" (ví dụ: 2023-10-20).");
            return new StartedClock(VietnamTime.FromLocal(day.ToDateTime(new TimeOnly(8, 0))));
        }
        if (!string.IsNullOrWhiteSpace(configured)) return StartedClock.From(configured);
        return demo ? new StartedClock(DemoData.Today) : TimeProvider.System;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A demo file still held open is left for the OS to clean from the temp folder.
        }
    }
}

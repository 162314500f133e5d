using System.Security.Cryptography;
using System.Text;
using Bot.Channels;
using Bot.Channels.Telegram;
using Bot.Domain.Calendar;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Hosting;
using Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace Bot.Scheduling;

/// <summary>
/// A host that runs only the reminder pipeline against Telegram (`Bot remind-worker`): the store,
/// the Telegram channel (sending only, no polling) and <see cref="ReminderSetup.AddReminders"/>.
/// Crash tests and `bench remind` run it; the full `serve` host wires the same two calls.
/// Reads Telegram__Token, Telegram__ApiBaseUrl, Storage__Path, Clock__Now like `serve`.
/// </summary>
public static class RemindWorker
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        var config = builder.Configuration;
        builder.WebHost.UseUrls(config["Urls"] ?? "http://127.0.0.1:0");
        var telegram = new TelegramOptions();
        config.GetSection(TelegramOptions.Section).Bind(telegram);
        if (!telegram.Enabled) throw new InvalidOperationException("Telegram:Token is not configured (Telegram__Token).");

        var clock = StartedClock.From(config["Clock:Now"]);
        var services = builder.Services;
        services.AddSingleton(clock);
        services.AddSingleton(_ => BotStore.Open(StoreOptions.From(config), clock));
        services.AddSingleton(_ => UnitsFile.Load(config["Directory:Units"]));
        services.AddSingleton<ITelegramBotClient>(_ => new TelegramBotClient(
            new TelegramBotClientOptions(telegram.Token, string.IsNullOrWhiteSpace(telegram.ApiBaseUrl) ? null : telegram.ApiBaseUrl) { RetryThreshold = 0 }));
        services.AddSingleton<IChannel, TelegramChannel>();
        services.AddSingleton(sp => new Assistant(
            sp.GetRequiredService<BotStore>().Directory, sp.GetRequiredService<BotStore>().Assignments, sp.GetRequiredService<BotStore>().Conversation,
            sp.GetRequiredService<UnitDirectory>(), new TimeRecognizer(sp.GetRequiredService<IWorkCalendar>()), Signer(config, telegram.Token),
            sp.GetRequiredService<NudgePlanner>(), clock));
        services.AddReminders(config);
        var app = builder.Build();
        app.UseReminders();
        return app;
    }

    // Buttons must verify after a restart: a configured key, else one derived from the bot token.
    private static ButtonSigner Signer(ConfigurationManager config, string token) =>
        new(config["Conversation:ButtonKey"] is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : SHA256.HashData(Encoding.UTF8.GetBytes("buttons|" + token)));
}

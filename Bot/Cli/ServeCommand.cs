using Bot.Channels.Telegram;
using Bot.Domain.Conversation;
using Bot.Hosting;
using Bot.Scheduling;
using Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Cli;

/// <summary>
/// `Bot serve [--db PATH]` (and `Bot` with no verb): Telegram when a token is configured
/// (long polling, or a webhook when Telegram:WebhookUrl is set), else the console demo.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var web = BuildTelegramHost(args.Option("db"));
        if (web is null)
        {
            Console.WriteLine("Chưa cấu hình Telegram (Telegram__Token): chạy bản thử trên màn hình.");
            return await ChatCommand.RunAsync(args);
        }
        await using (web) await web.RunAsync();
        return 0;
    }

    /// <summary>
    /// The Telegram host: the bot's services, the channel (polling or webhook) and /health. Null when
    /// no token is configured. <paramref name="settings"/> adds to the configuration (tests use it).
    /// </summary>
    public static WebApplication? BuildTelegramHost(string? db, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var telegram = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!telegram.Enabled) return null;

        var clock = StartedClock.From(builder.Configuration["Clock:Now"]);
        var app = BotApp.Open(builder.Configuration, db, clock);
        var web = Compose(builder, app, telegram, clock);
        web.Lifetime.ApplicationStopped.Register(app.Dispose);
        web.Logger.LogInformation("Trợ lý nhiệm vụ đang chạy: Telegram {Mode}, dữ liệu {Path}",
            telegram.WebhookUrl.Length > 0 ? "webhook" : "long polling", StoreOptions.From(builder.Configuration, db).Path);
        return web;
    }

    /// <summary>The Telegram host over a bot made by the caller, who disposes it (the chat bench).</summary>
    public static WebApplication BuildTelegramHost(BotApp app, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        var telegram = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        return Compose(builder, app, telegram, app.Clock);
    }

    private static WebApplication Compose(WebApplicationBuilder builder, BotApp app, TelegramOptions telegram, TimeProvider clock)
    {
        // Handlers call the store synchronously (LiteDB is synchronous, and a shown list waits for its
        // group commit): give the thread pool room for that many blocked calls from the start, so the
        // HTTP continuations are not starved while it slowly grows.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, telegram.Concurrency * 4), io);

        if (telegram.WebhookUrl.Length > 0 && telegram.WebhookSecret.Length == 0) telegram.WebhookSecret = TelegramSetup.NewSecret();
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(app.Store);
        builder.Services.AddSingleton(app.Assistant);
        builder.Services.AddSingleton<IConversation>(app.Assistant);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(telegram));
        builder.Services.AddTelegramChannel(telegram);
        // Reminders share the bot's own units, policy, calendar and planner (one instance of each).
        builder.Services.AddSingleton(app.Units);
        builder.Services.AddSingleton(app.Policy);
        builder.Services.AddSingleton<Bot.Domain.Calendar.IWorkCalendar>(app.Calendar);
        builder.Services.AddSingleton(app.Planner);
        var reminders = builder.Configuration.GetValue("Scheduling:Reminders", defaultValue: true);
        if (reminders) builder.Services.AddReminders(builder.Configuration);

        var web = builder.Build();
        web.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        if (reminders) web.UseReminders();
        if (telegram.WebhookUrl.Length > 0)
        {
            web.MapTelegramWebhook(telegram);
            web.Lifetime.ApplicationStarted.Register(() =>
            {
                var bot = web.Services.GetRequiredService<global::Telegram.Bot.ITelegramBotClient>();
                var log = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Telegram");
                _ = TelegramSetup.PrepareAsync(bot, telegram.WebhookUrl, telegram.WebhookSecret, log, web.Lifetime.ApplicationStopping);
            });
        }
        return web;
    }
}

using Bot.Channels;
using Bot.Channels.Telegram;
using Bot.Channels.Zalo;
using Bot.Scheduling;
using Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace Bot.Hosting;

/// <summary>What a web host of the bot does.</summary>
public enum BotRole
{
    /// <summary>`serve`: the conversation on Telegram (polling or webhook), the reminders unless Scheduling:Reminders is false.</summary>
    Serve,

    /// <summary>`remind-worker`: only the reminders, sending through the channel; nothing is received.</summary>
    RemindWorker,
}

/// <summary>
/// The web hosts of `serve` and `remind-worker`, built the same way over <see cref="BotServices.AddBot"/>:
/// settings from <see cref="BotConfiguration"/>, the Telegram channel, the reminders, /health and the
/// dashboard. `serve` listens on `Urls` (health, webhook, dashboard); `remind-worker` on
/// `RemindWorker:Urls`, by default a free port on 127.0.0.1, so the two start side by side on one host
/// even when they share one environment.
/// </summary>
public static class BotHost
{
    public const string ServeUrls = "http://localhost:5000";
    public const string WorkerUrlsKey = "RemindWorker:Urls";
    public const string WorkerUrls = "http://127.0.0.1:0";

    /// <summary>
    /// The host, or null for `serve` when no Telegram token is configured (the caller runs the console demo).
    /// <paramref name="settings"/> add to the configuration; <paramref name="services"/> registers parts first
    /// (a bench's store, a test's clock or channel), which then win over the configured ones.
    /// </summary>
    public static WebApplication? Build(BotRole role, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        BotConfiguration.AddSources(builder.Configuration, settings);
        var config = builder.Configuration;
        var telegram = config.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        var zalo = config.GetSection(ZaloOptions.Section).Get<ZaloOptions>() ?? new ZaloOptions();
        services?.Invoke(builder.Services);
        var ownChannel = builder.Services.Any(s => s.ServiceType == typeof(IChannel));
        if (!telegram.Enabled && !zalo.Enabled && !ownChannel)
        {
            if (role == BotRole.Serve) return null;
            throw new InvalidOperationException("Neither Telegram:Token (Telegram__Token) nor a Zalo app (Zalo__AppId, Zalo__OaSecretKey, Zalo__RefreshToken) is configured.");
        }
        builder.WebHost.UseUrls(role == BotRole.Serve ? config["Urls"] ?? ServeUrls : config[WorkerUrlsKey] ?? WorkerUrls);

        builder.Services.AddBot(config);
        if (telegram.Enabled)
        {
            if (telegram.WebhookUrl.Length > 0 && telegram.WebhookSecret.Length == 0) telegram.WebhookSecret = TelegramSetup.NewSecret();
            builder.Services.AddTelegramChannel(telegram, receive: role == BotRole.Serve);
        }
        if (zalo.Enabled) builder.Services.AddZaloChannel(zalo, receive: role == BotRole.Serve);
        var reminders = role == BotRole.RemindWorker || config.GetValue("Scheduling:Reminders", defaultValue: true);
        if (reminders) builder.Services.AddReminders(config);
        if (role == BotRole.Serve)
        {
            // Handlers call the store synchronously (LiteDB is synchronous): give the thread pool room for
            // that many blocked calls from the start, so the HTTP continuations are not starved while it grows.
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, telegram.Concurrency * 4), io);
        }

        var web = builder.Build();
        web.MapGet("/health", () => Results.Ok(new { status = "ok", role = role == BotRole.Serve ? "serve" : "remind-worker" }));
        if (reminders) web.UseReminders();
        if (role == BotRole.Serve && zalo.Enabled) web.MapZaloWebhook();
        if (role == BotRole.Serve && telegram.Enabled && telegram.WebhookUrl.Length > 0)
        {
            web.MapTelegramWebhook(telegram);
            web.Lifetime.ApplicationStarted.Register(() =>
            {
                var bot = web.Services.GetRequiredService<ITelegramBotClient>();
                var log = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Telegram");
                _ = TelegramSetup.PrepareAsync(bot, telegram.WebhookUrl, telegram.WebhookSecret, log, web.Lifetime.ApplicationStopping);
            });
        }
        web.Logger.LogInformation("Trợ lý nhiệm vụ ({Role}) đang chạy: {Channel}, dữ liệu {Path}{Shared}",
            role == BotRole.Serve ? "serve" : "remind-worker",
            Channels(role, telegram, zalo),
            StoreOptions.From(config).Path, StoreOptions.From(config).Shared ? " (dùng chung)" : "");
        return web;
    }

    /// <summary>The channels a host runs, for its first log line (no secrets).</summary>
    private static string Channels(BotRole role, TelegramOptions telegram, ZaloOptions zalo)
    {
        var sendOnly = role == BotRole.RemindWorker ? " (chỉ gửi)" : "";
        var names = new List<string>();
        if (telegram.Enabled) names.Add(sendOnly.Length > 0 ? "Telegram" + sendOnly : telegram.WebhookUrl.Length > 0 ? "Telegram webhook" : "Telegram long polling");
        if (zalo.Enabled) names.Add(sendOnly.Length > 0 ? "Zalo OA" + sendOnly : "Zalo OA webhook " + ZaloSetup.WebhookPath);
        return names.Count == 0 ? "kênh riêng" : string.Join(" + ", names);
    }
}

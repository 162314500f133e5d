using Bot.Hosting;
using Bot.Storage;
using Bot.Testing.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests;

/// <summary>
/// The bot's `serve` host over the demo district's file, polling a fake Bot API over HTTP on 127.0.0.1, with Hangfire
/// delivering the outbox: what the end-to-end tests talk to, as officials do, and what they look at afterwards.
/// </summary>
internal sealed class ServedBot : IAsyncDisposable
{
    private readonly BotWorld _world = BotWorld.Create();
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private ServedBot(FakeTelegramServer telegram, IReadOnlyDictionary<string, string?> settings)
    {
        Telegram = telegram;
        _settings = settings;
    }

    public FakeTelegramServer Telegram { get; }

    public WebApplication Host { get; private set; } = null!;

    public BotStore Store => Host.Services.GetRequiredService<BotStore>();

    /// <param name="settings">Configuration beside the host's own (e.g. <c>Scheduling:Reminders</c>).</param>
    public static async Task<ServedBot> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var served = new ServedBot(await FakeTelegramServer.StartAsync(new FakeTelegramOptions { PerChatBurst = 20 }), settings ?? new Dictionary<string, string?>());
        await served.StartHostAsync(BotWorld.Today);
        return served;
    }

    /// <summary>Stops the host and starts another on the same file and Bot API, its clock starting at <paramref name="now"/>.</summary>
    public async Task RestartAsync(DateTimeOffset? now = null)
    {
        await StopHostAsync();
        await StartHostAsync(now ?? BotWorld.Today);
    }

    /// <summary>The official shares their contact, and the bot says the account is linked.</summary>
    public async Task LinkAsync(long user, string phone)
    {
        Telegram.ShareContact(user, phone);
        await Until(user, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));
    }

    /// <summary>The first message to <paramref name="chat"/>, old or new, that is <paramref name="seen"/>.</summary>
    public Task<FakeMessage> Until(long chat, Func<FakeMessage, bool> seen) => Telegram.UntilAsync(chat, seen, TimeSpan.FromSeconds(30));

    /// <summary>The callback data of the button labelled <paramref name="text"/>.</summary>
    public static string Button(FakeMessage message, string text) => message.Buttons.SelectMany(r => r).Single(b => b.Text == text).Data;

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Telegram.DisposeAsync();
        _world.Dispose();
    }

    private async Task StartHostAsync(DateTimeOffset now)
    {
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["Storage:Path"] = _world.DbPath,
            ["Telegram:Token"] = Telegram.Token,
            ["Telegram:ApiBaseUrl"] = Telegram.BaseUrl.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Clock:Now"] = now.ToString("O"),
            ["Urls"] = "http://127.0.0.1:0",
        };
        Host = BotHost.Build(BotRole.Serve, settings)!;
        await Host.StartAsync();
    }

    private async Task StopHostAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

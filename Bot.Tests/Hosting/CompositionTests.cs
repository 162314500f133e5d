using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Hosting;

/// <summary>One composition root for every host: the parts agree between hosts, and a feature is added by registering a handler.</summary>
public sealed class CompositionTests : IDisposable
{
    private readonly BotWorld _world = BotWorld.Create();

    public void Dispose() => _world.Dispose();

    private Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Path"] = _world.DbPath,
        ["Storage:Shared"] = "true",
        ["Telegram:Token"] = "123456:TEST-token",
        ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9/",
        ["Urls"] = "http://127.0.0.1:0",
        ["Clock:Now"] = "2023-10-20T08:00:00+07:00",
    };

    [Fact]
    public async Task Buttons_a_worker_signs_are_read_by_serve_on_the_same_store()
    {
        // Before: remind-worker made its key from the token while serve kept a random one in the store.
        var settings = Settings();
        await using var serve = BotHost.Build(BotRole.Serve, settings)!;
        settings["Telegram:Token"] = "654321:OTHER-token"; // even another token (a rotated one) keeps the buttons valid
        await using var worker = BotHost.Build(BotRole.RemindWorker, settings)!;
        var data = worker.Services.GetRequiredService<ButtonSigner>().Sign("d", "l1-1", "1001", BotWorld.Today);
        Assert.True(serve.Services.GetRequiredService<ButtonSigner>().TryRead(data, "1001", out var command));
        Assert.Equal("l1-1", command.Argument);
        Assert.Equal(serve.Services.GetRequiredService<IConversation>().GetType(), worker.Services.GetRequiredService<IConversation>().GetType());
        // Both keep the configured clock (the web host's own TimeProvider does not win).
        Assert.All([serve, worker], host => Assert.InRange(host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), BotWorld.Today, BotWorld.Today.AddHours(1)));
    }

    [Fact]
    public async Task A_feature_is_a_handler_registered_beside_the_others()
    {
        using var bot = BotServices.Build(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = _world.DbPath }).Build(),
            services => services.AddConversationHandler<FilesHandler>());
        var official = bot.GetRequiredService<IDirectoryStore>().ByPhone("0900000003")!;
        bot.GetRequiredService<IDirectoryStore>().Upsert([official with { ChatAccounts = [new ChatAccount("test", "office")] }]);
        var conversation = bot.GetRequiredService<IConversation>();

        var file = await conversation.HandleAsync(new Inbound("test", "office", "office") { Document = new InboundDocument("1259.pdf", 1000, "f1") }, default);
        Assert.Equal("Đã nhận tệp 1259.pdf.", file.Messages.Single().Text);
        // Everything else is answered as before.
        var list = await conversation.HandleAsync(new Inbound("test", "office", "office") { Text = "việc của tôi" }, default);
        Assert.Contains("Việc còn phải làm", list.Messages.Single().Text, StringComparison.Ordinal);
    }

    /// <summary>What the district office's intake (to come) would start as: a handler of files.</summary>
    private sealed class FilesHandler : IConversationHandler
    {
        public Reply? Handle(Turn turn) =>
            turn.Intent is DocumentIntent d ? turn.Say($"Đã nhận tệp {d.Document.FileName}.") : null;
    }
}

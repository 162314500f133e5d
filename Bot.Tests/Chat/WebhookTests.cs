using System.Net;
using System.Text;
using Bot.Channels.Telegram;
using Bot.Testing.Telegram;
using Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Chat;

/// <summary>Webhook mode: Telegram's POSTs must carry the secret token; anything else gets 401 and is not read.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret-token_for-tests";
    private readonly BotWorld _world = BotWorld.Create();
    private FakeTelegramServer _telegram = null!;
    private WebApplication _host = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _host = BotHost.Build(BotRole.Serve, new Dictionary<string, string?>
        {
            ["Storage:Path"] = _world.DbPath,
            ["Telegram:Token"] = _telegram.Token,
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString(),
            ["Telegram:WebhookUrl"] = "https://bot.example.invalid" + TelegramSetup.WebhookPath,
            ["Telegram:WebhookSecret"] = Secret,
            ["Scheduling:Reminders"] = "false", // the webhook's door is the subject here
            ["Clock:Now"] = BotWorld.Today.ToString("O"),
            ["Urls"] = "http://127.0.0.1:0",
        })!;
        await _host.StartAsync();
        _address = Bot.Testing.Listening.Address(_host.Services);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _telegram.DisposeAsync();
        _world.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task Requests_without_the_secret_are_refused(string? secret)
    {
        _telegram.SendText(1001, "xin chào"); // the chat exists on the Bot API side
        var response = await Post(secret);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The webhook answers only after the update is handled, so nothing can come later.
        Assert.DoesNotContain(_telegram.Chat(1001), m => m.FromBot);
    }

    [Fact]
    public async Task Telegrams_post_with_the_secret_is_answered()
    {
        _telegram.SendText(1001, "xin chào");
        var response = await Post(Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Handled, and answered, before the webhook said 200.
        Assert.Contains(_telegram.Chat(1001), m => m.FromBot && m.Text.Contains("Gửi số điện thoại", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_a_node_has_in_hand_is_asked_for_again_and_once_handled_is_not_answered_twice()
    {
        _telegram.SendText(1001, "xin chào");
        var nodes = _host.Services.GetRequiredService<Bot.Storage.BotStore>().Nodes;
        Assert.Equal(Bot.Storage.UpdateClaim.Mine, nodes.Claim(TelegramUpdates.Channel, 1)); // as if the retry came while it is handled
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Post(Secret)).StatusCode); // not 200: Telegram sends it again
        Assert.DoesNotContain(_telegram.Chat(1001), m => m.FromBot);
        nodes.Handled(TelegramUpdates.Channel, 1);
        Assert.Equal(HttpStatusCode.OK, (await Post(Secret)).StatusCode);
        Assert.DoesNotContain(_telegram.Chat(1001), m => m.FromBot); // answered by the node that had it, not again here
    }

    private async Task<HttpResponseMessage> Post(string? secret)
    {
        const string update = """
            {"update_id":1,"message":{"message_id":1,"date":1697763600,"text":"/start",
             "from":{"id":1001,"is_bot":false,"first_name":"Minh"},"chat":{"id":1001,"type":"private"}}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramSetup.WebhookPath) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var http = new HttpClient { BaseAddress = _address };
        return await http.SendAsync(request);
    }
}

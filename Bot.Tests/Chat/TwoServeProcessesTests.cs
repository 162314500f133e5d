using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Bot.Channels.Telegram;
using Bot.Storage.Postgres;
using Bot.Testing;
using Bot.Testing.Telegram;
using Bot.Tests.Storage;

namespace Bot.Tests.Chat;

/// <summary>
/// Two `serve` processes on one PostgreSQL database behind one webhook address: Telegram's update posted to both at
/// once (a retry that overtook the first delivery, a balancer that sent it twice) is answered once. The node that
/// did not take it says 200 (handled) or 503 (in hand: Telegram sends it again), and a post again is then 200.
/// </summary>
[Collection(OnePostgres.Name)]
public sealed class TwoServeProcessesTests(PgServer server) : IDisposable
{
    private const string Secret = "two-nodes_secret";
    private const int People = 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "two-serve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_update_posted_to_both_nodes_at_once_is_answered_once()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { OverallPerSecond = 1000, PerChatBurst = 20 });
        var connection = server.NewDatabase();
        using (PgStore.Open(connection, TimeProvider.System))
        {
            // The schema, made once before the nodes start.
        }
        Directory.CreateDirectory(_folder);
        var nodes = new[] { Start(telegram, connection), Start(telegram, connection) };
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            foreach (var (node, address) in nodes) await UntilHealthy(http, node, address);
            for (var i = 0; i < People; i++) telegram.SendText(UserOf(i), "xin chào"); // the chats exist on the Bot API's side

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < People; i++)
            {
                var update = Update(i);
                var both = await Task.WhenAll(nodes.Select(n => PostUntilAnswered(http, n.Address, update)));
                statuses.AddRange(both.SelectMany(s => s));
            }

            // Each post returned once its node had handled (and answered) the update, or knew it handled elsewhere.
            Assert.All(Enumerable.Range(0, People), i => Assert.Single(telegram.Chat(UserOf(i)), m => m.FromBot));
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, s.ToString()));
        }
        finally
        {
            foreach (var (node, _) in nodes) node.Dispose();
        }
    }

    private static long UserOf(int i) => 3_000 + i;

    private static string Update(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"update_id":{{500 + i}},"message":{"message_id":{{i + 1}},"date":1697763600,"text":"/start",
         "from":{"id":{{UserOf(i)}},"is_bot":false,"first_name":"Cán bộ"},"chat":{"id":{{UserOf(i)}},"type":"private"} } }
        """);

    private (BotProcess Node, Uri Address) Start(FakeTelegramServer telegram, string connection)
    {
        var port = BotProcess.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connection,
            ["Storage:Path"] = Path.Combine(_folder, $"node-{port}.db"),
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
            ["Telegram:WebhookUrl"] = "https://bot.example.invalid" + TelegramSetup.WebhookPath,
            ["Telegram:WebhookSecret"] = Secret,
            ["Scheduling:Reminders"] = "false",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        return (BotProcess.Start("serve", settings), new Uri($"http://127.0.0.1:{port}"));
    }

    // As Telegram does: a post not answered 2xx is sent again (here at once, a few times at most).
    private static async Task<List<HttpStatusCode>> PostUntilAnswered(HttpClient http, Uri node, string update)
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, TelegramSetup.WebhookPath))
            {
                Content = new StringContent(update, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return statuses;
            await Task.Delay(20);
        }
        Assert.Fail($"{node} kept saying the update is in hand: {string.Join(", ", statuses)}");
        return statuses;
    }

    private static async Task UntilHealthy(HttpClient http, BotProcess node, Uri address)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (node.Process.HasExited) Assert.Fail("The node stopped: " + node.Output());
            try
            {
                using var response = await http.GetAsync(new Uri(address, "/health"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (watch.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail("The node did not start: " + node.Output());
            await Task.Delay(50);
        }
    }
}

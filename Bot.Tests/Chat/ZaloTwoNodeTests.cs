using Bot.Channels.Zalo;
using Bot.Hosting;
using Bot.Scheduling;
using Bot.Storage;
using Bot.Storage.Postgres;
using Bot.Testing.Zalo;
using Bot.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Chat;

/// <summary>
/// Two `serve` nodes on one PostgreSQL database behind one webhook address: Zalo's retry of an event one node
/// took reaches the other, which knows it from the store and does not answer it again.
/// </summary>
[Collection(OnePostgres.Name)]
public sealed class ZaloTwoNodeTests(PgServer server) : IAsyncLifetime
{
    private const string Minh = "2468458835"; // Lê Văn Minh, 0900000015 in the sample directory
    private readonly BotWorld _world = BotWorld.Create();
    private readonly List<WebApplication> _nodes = [];
    private FakeZaloServer _zalo = null!;
    private string _connection = null!;

    public async Task InitializeAsync()
    {
        _zalo = await FakeZaloServer.StartAsync(new FakeZaloOptions(), _world.Clock);
        var connection = _connection = server.NewDatabase();
        using (var lite = BotStore.Open(new StoreOptions(_world.DbPath), _world.Clock))
        using (var pg = PgStore.Open(connection, _world.Clock))
            Assert.All(StoreMigration.Copy(lite, pg), c => Assert.True(c.Agrees, c.What));
        var settings = ZaloEndToEndTests.Settings(_zalo, _world.DbPath);
        settings["Storage:Provider"] = "PostgreSql";
        settings["Storage:ConnectionString"] = connection;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        for (var i = 0; i < 2; i++)
        {
            var node = BotHost.Build(BotRole.Serve, settings, s =>
            {
                s.AddSingleton<TimeProvider>(_world.Clock);
                s.AddReminderDelivery(config);
            })!;
            await node.StartAsync();
            _nodes.Add(node);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _zalo.DisposeAsync();
        _world.Dispose();
    }

    [Fact]
    public async Task An_event_retried_to_the_other_node_is_answered_once()
    {
        await LinkMinh();
        var asked = await _zalo.SendText(Minh, "viec cua toi");
        await Until(m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal));
        var said = _zalo.Chat(Minh).Count;

        Reach(1);
        Assert.True((await _zalo.Redeliver(asked)).Delivered);
        await _zalo.SendText(Minh, "quá hạn");
        // One user's events are handled in order on a node: had node 1 taken the retry, its list would come first.
        await Until(m => m.Text.Contains("quá hạn", StringComparison.Ordinal), after: said);
        Assert.Equal(1, _zalo.Chat(Minh).Count(m => m.FromOa && m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_event_a_node_took_and_died_with_is_answered_by_a_node_that_lives()
    {
        await LinkMinh();
        var said = _zalo.Chat(Minh).Count;
        var body = _zalo.SentToANodeThatDied(Minh, "viec cua toi");
        long id;
        using (var json = System.Text.Json.JsonDocument.Parse(body)) id = ZaloInbox.IdOf(ZaloEvents.Read(json.RootElement)!);
        using (var dead = PgStore.Open(_connection, _world.Clock))
            Assert.Equal(UpdateClaim.Mine, dead.Nodes.Claim(ZaloEvents.Channel, id, body));
        // Its connections close, as when the process is killed, and its life lock with them. Both nodes look.
        _world.Clock.Advance(ZaloInbox.SweepEvery);
        await Until(m => m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal), after: said);
        using var probe = PgStore.Open(_connection, _world.Clock);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (probe.Nodes.Claim(ZaloEvents.Channel, id) != UpdateClaim.Handled && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(UpdateClaim.Handled, probe.Nodes.Claim(ZaloEvents.Channel, id));
        Assert.Equal(1, _zalo.Chat(Minh).Skip(said).Count(m => m.FromOa && m.Text.Contains("Việc còn phải làm", StringComparison.Ordinal)));
    }

    private async Task LinkMinh()
    {
        Reach(0);
        await _zalo.Follow(Minh);
        await Until(m => m.AsksInfo);
        await _zalo.SubmitInfo(Minh, "Lê Văn Minh", "84900000015");
        await Until(m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));
    }

    private void Reach(int node) => _zalo.WebhookUrl = new Uri(Bot.Testing.Listening.Address(_nodes[node].Services), ZaloSetup.WebhookPath);

    private async Task Until(Func<FakeZaloMessage, bool> seen, int after = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_zalo.Chat(Minh).Skip(after).Any(m => m.FromOa && seen(m))) return;
            await Task.Delay(20);
        }
        throw new TimeoutException("The OA never said it:\n" + string.Join("\n---\n", _zalo.Chat(Minh).Select(m => (m.FromOa ? "OA: " : "user: ") + m.Text)));
    }
}

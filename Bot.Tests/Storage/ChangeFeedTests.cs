using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Storage;
using Bot.Storage.Postgres;
using Bot.Tests.Organization;
using Npgsql;

namespace Bot.Tests.Storage;

/// <summary>
/// Two nodes on one database, each keeping read caches (PgChangeFeed): a node sees its own writes at once, and
/// another node's as soon as the server's notification reaches it; work of a unit nobody touched stays kept;
/// a node whose listener is cut off reads the database until it listens again.
/// </summary>
[Collection(OnePostgres.Name)]
public sealed class ChangeFeedTests(PgServer server) : IDisposable
{
    private static readonly TimeSpan Heard = TimeSpan.FromSeconds(10); // a bound, not a wait: the polls end as soon as it is so
    private static readonly Official Binh = new() { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff };
    private static readonly ChatAccount BinhsChat = new("telegram", "1001");

    private readonly PgUnderTest _db = new(server);

    public void Dispose() => _db.Dispose();

    private PgStore Node() => (PgStore)_db.Open();

    private TrackedDirective Publish(PgStore node)
    {
        var due = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var read = new ReadDirective(new Directive("77/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 25), "Công văn", "V/v thử", null, null, [],
            [new DirectiveTask("1", TaskKind.Task, "Rà soát thủ tục hành chính", ["Phòng Nội vụ", "Phòng Tư pháp"], [], null, due, null)]), "Bản gốc", "77.txt");
        return new DirectiveImporter(node.Assignments, TestUnits.TuKy, _db.Clock).Import(read, publish: true, [], "cli").Directive;
    }

    // Notifications reach a listener in the order their writes were committed: once A hears a later write of B's,
    // it has heard every earlier one.
    private static void HeardAllOf(PgStore b, PgStore a)
    {
        var before = a.Feed.Stamp(PgPreferenceStore.Table);
        b.Preferences.SavePreferences(new OfficialPreferences("0900000999") { Digest = true });
        Until(() => a.Feed.Stamp(PgPreferenceStore.Table) != before, "node A heard nothing from node B");
    }

    private static void Until(Func<bool> done, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(watch.Elapsed < Heard, what);
            Thread.Sleep(5);
        }
    }

    [Fact]
    public void A_node_keeps_what_it_read_and_sees_its_own_write_at_once()
    {
        using var node = Node();
        Assert.True(node.Feed.Listening);
        Assert.Null(node.Directory.ByChatAccount(BinhsChat));
        var before = node.Feed.Stamp(PgDirectoryStore.Table);
        Assert.NotNull(before);
        node.Directory.Upsert([Binh with { ChatAccounts = [BinhsChat] }]);
        Assert.NotEqual(before, node.Feed.Stamp(PgDirectoryStore.Table)); // at commit, not when the echo comes back
        Assert.Equal("Trần Thị Bình", node.Directory.ByChatAccount(BinhsChat)!.Name);

        var directive = Publish(node);
        var id = Assignment.MakeId(directive.Tasks[0].Id, "NV", null);
        Assert.False(node.Assignments.Get(id)!.IsDone);
        var ofNoiVu = node.Assignments.ChangeStampOf("NV");
        Assert.Equal(ChangeOutcome.Changed, node.Assignments.Confirm(id, Binh).Outcome);
        Assert.NotEqual(ofNoiVu, node.Assignments.ChangeStampOf("NV"));
        Assert.True(node.Assignments.Get(id)!.IsDone);
        Assert.True(node.Assignments.Get([id])[id].IsDone);
    }

    [Fact]
    public void A_node_hears_what_another_wrote_and_reads_it_again()
    {
        using var a = Node();
        using var b = Node();
        var directive = Publish(b);
        var id = Assignment.MakeId(directive.Tasks[0].Id, "NV", null);
        HeardAllOf(b, a);
        Assert.Null(a.Directory.ByChatAccount(BinhsChat));
        Assert.False(a.Assignments.Get(id)!.IsDone);
        Assert.False(a.Preferences.Preferences(Binh.Phone).MutedAll);
        var nv = a.Assignments.ChangeStampOf("NV");
        var tp = a.Assignments.ChangeStampOf("TP");

        b.Directory.Upsert([Binh with { ChatAccounts = [BinhsChat] }]);
        b.Assignments.Confirm(id, Binh);
        b.Preferences.SavePreferences(new OfficialPreferences(Binh.Phone) { MutedAll = true });

        Until(() => a.Directory.ByChatAccount(BinhsChat) is not null, "node A never heard of the new chat link");
        Until(() => a.Assignments.Get(id)!.IsDone, "node A kept the task open");
        Until(() => a.Preferences.Preferences(Binh.Phone).MutedAll, "node A kept the old preferences");
        HeardAllOf(b, a);
        Assert.NotEqual(nv, a.Assignments.ChangeStampOf("NV"));
        Assert.Equal(tp, a.Assignments.ChangeStampOf("TP")); // the confirmation named Nội vụ's work only
    }

    [Fact]
    public void A_write_made_outside_the_bot_is_heard_too()
    {
        using var a = Node();
        a.Directory.Upsert([Binh with { ChatAccounts = [BinhsChat] }]);
        Assert.Equal("Trần Thị Bình", a.Directory.ByChatAccount(BinhsChat)!.Name);
        Sql("update officials set doc = jsonb_set(doc, '{Name}', '\"Trần T. Bình\"')");
        Until(() => a.Directory.ByChatAccount(BinhsChat)!.Name == "Trần T. Bình", "node A kept the name the database no longer has");
    }

    [Fact]
    public void A_node_cut_off_from_its_notifications_reads_the_database_until_it_listens_again()
    {
        using var a = Node();
        using var b = Node();
        Assert.Null(a.Directory.ByChatAccount(BinhsChat));
        var before = a.Feed.Stamp(PgDirectoryStore.Table)!.Value;

        Sql($"select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and (query like 'listen {PgChangeFeed.Channel}%' or query = 'select 1')");
        Until(() => !a.Feed.Listening, "node A did not notice its listener was cut off");
        Assert.Null(a.Feed.Stamp(PgDirectoryStore.Table));
        // Written while A hears nothing: A reads it from the database, not from what it kept.
        b.Directory.Upsert([Binh with { ChatAccounts = [BinhsChat] }]);
        Assert.NotNull(a.Directory.ByChatAccount(BinhsChat));

        Until(() => a.Feed.Listening, "node A did not listen again");
        Assert.True(a.Feed.Stamp(PgDirectoryStore.Table) > before); // all it kept before is dropped
        Assert.NotNull(a.Directory.ByChatAccount(BinhsChat));
    }

    private void Sql(string sql)
    {
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

using Bot.Channels.Zalo;
using Bot.Domain.Conversation;
using Bot.Domain.Desk;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>
/// The rest of the store's contract, the same on a LiteDB file and on PostgreSQL: the directory, the conversation's
/// memory, preferences, the desk's drafts and originals, Zalo's tokens, and what nodes agree on. Each is read back
/// after the store is closed and opened again.
/// </summary>
public abstract class StoreContract(IStoreUnderTest stores) : IDisposable
{
    private static readonly Official Binh = new() { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff };
    private static readonly Official Giang = new() { Phone = "0900000020", Name = "Vũ Thị Giang", UnitCode = "X-DAISON", Role = Role.Staff };

    public void Dispose()
    {
        stores.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void The_directory_keeps_chat_links_a_file_does_not_carry_and_finds_officials_by_account()
    {
        using (var store = stores.Open())
        {
            Assert.Equal(2, store.Directory.Upsert([Binh, Giang]));
            store.Directory.Upsert([Binh with { ChatAccounts = [new ChatAccount("telegram", "1001"), new ChatAccount("zalo", "z9")] }]);
            Assert.Equal(0, store.Directory.Upsert([Binh with { Name = "Trần T. Bình" }])); // a directory file again: no accounts in it
        }
        using var again = stores.Open();
        var binh = again.Directory.ByChatAccount(new ChatAccount("zalo", "z9"))!;
        Assert.Equal("Trần T. Bình", binh.Name);
        Assert.Equal(2, binh.ChatAccounts.Count);
        Assert.Null(again.Directory.ByChatAccount(new ChatAccount("telegram", "z9")));
        Assert.Equal("0900000020", again.Directory.ByPhone("+84 900 000 020")!.Phone);
        Assert.Equal(["0900000020"], again.Directory.OfUnit("X-DAISON").Select(o => o.Phone));
        Assert.Equal(2, again.Directory.All().Count);
    }

    [Fact]
    public void A_chat_account_taken_off_an_official_or_given_to_another_finds_who_has_it_now()
    {
        using var store = stores.Open();
        var telegram = new ChatAccount("telegram", "1001");
        var zalo = new ChatAccount("zalo", "z9");
        store.Directory.Upsert([Binh with { ChatAccounts = [telegram, zalo] }, Giang]);
        Assert.Equal(Binh.Phone, store.Directory.ByChatAccount(telegram)!.Phone);
        store.Directory.Upsert([Binh with { ChatAccounts = [zalo] }]);
        Assert.Null(store.Directory.ByChatAccount(telegram));
        Assert.Equal(Binh.Phone, store.Directory.ByChatAccount(zalo)!.Phone);
        store.Directory.Upsert([Giang with { ChatAccounts = [telegram] }]);
        Assert.Equal(Giang.Phone, store.Directory.ByChatAccount(telegram)!.Phone);
    }

    [Fact]
    public void Lists_focus_invites_and_the_button_key_outlive_a_restart()
    {
        var at = stores.Clock.GetUtcNow();
        byte[] key;
        string code;
        using (var store = stores.Open())
        {
            store.Conversation.SaveList(new TaskList("l1", "telegram:1", "Việc còn phải làm", ["a1", "a2"], at) { UnitCode = "NV" });
            store.Conversation.SaveList(new TaskList("l2", "telegram:1", "Các đơn vị", ["NV", "VP"], at) { RankedBy = "overdue" }, writeNow: true);
            store.Conversation.SetFocus("telegram:1", "a2");
            key = store.Conversation.ButtonKey();
            code = store.Conversation.CreateInvite("0900000004", at.AddDays(7));
        }
        using var again = stores.Open();
        Assert.Equal(["a1", "a2"], again.Conversation.GetList("l1")!.AssignmentIds);
        Assert.Equal("NV", again.Conversation.GetList("l1")!.UnitCode);
        Assert.Equal(at, again.Conversation.GetList("l1")!.At);
        Assert.Equal("overdue", again.Conversation.LastList("telegram:1")!.RankedBy);
        Assert.Null(again.Conversation.LastList("telegram:2"));
        Assert.Equal("a2", again.Conversation.Focus("telegram:1"));
        Assert.Equal(key, again.Conversation.ButtonKey());
        Assert.Null(again.Conversation.RedeemInvite(code, at.AddDays(8)));        // expired
        Assert.Equal("0900000004", again.Conversation.RedeemInvite(" " + code.ToUpperInvariant(), at.AddDays(1)));
        Assert.Null(again.Conversation.RedeemInvite(code, at.AddDays(1)));        // once
    }

    [Fact]
    public void Preferences_are_kept_whole_and_default_when_never_set()
    {
        var until = stores.Clock.GetUtcNow().AddDays(2);
        using (var store = stores.Open())
        {
            store.Preferences.SavePreferences(new OfficialPreferences("0900000004")
            {
                Digest = true, MutedAssignments = new HashSet<string> { "a1" }, Snoozed = new Dictionary<string, DateTimeOffset> { ["a2"] = until },
                UnreachableSince = until.AddDays(-1), LastChannel = "zalo",
            });
        }
        using var again = stores.Open();
        var p = again.Preferences.Preferences("0900000004");
        Assert.True(p.Digest);
        Assert.False(p.MutedAll);
        Assert.Equal(["a1"], p.MutedAssignments);
        Assert.Equal(until, p.Snoozed["a2"]);
        Assert.Equal(until.AddDays(-1), p.UnreachableSince);
        Assert.Equal("zalo", p.LastChannel);
        Assert.False(again.Preferences.Preferences("0900000099").Digest);
        Assert.Single(again.Preferences.AllPreferences());
    }

    [Fact]
    public void Drafts_are_found_by_id_and_chat_and_originals_are_kept_once_by_content()
    {
        var now = stores.Clock.GetUtcNow();
        var task = new DirectiveTask("1", TaskKind.Task, "Rà soát thủ tục", ["Phòng Nội vụ"], [], "trước ngày 30/11/2023", now.AddDays(30), null);
        var directive = new Directive("12/UBND", "UBND huyện", new DateOnly(2023, 9, 25), "Công văn", "V/v thử", null, null, [], []);
        var draft = new Draft("d1", "0900000004", "telegram:1", directive, "văn bản", "cv.docx", "o1", [new DraftTask(task, DeadlineProposed: true, "mặc định")], ["NV"], now)
            { Awaiting = new DraftInput(1, now) };
        string first, second;
        using (var store = stores.Open())
        {
            store.Drafts.Save(draft);
            stores.Clock.Advance(TimeSpan.FromMinutes(1));
            store.Drafts.Save(draft with { Id = "d2" });
            first = store.Originals.Keep("dir/cv.docx", [1, 2, 3]);
            second = store.Originals.Keep("khác.docx", [1, 2, 3]);
        }
        using var again = stores.Open();
        var read = again.Drafts.Find("d1")!;
        Assert.Equal("Rà soát thủ tục", read.Tasks.Single().Task.Text);
        Assert.True(read.Tasks.Single().DeadlineProposed);
        Assert.Equal(now.AddDays(30), read.Tasks.Single().Task.DueBefore);
        Assert.Equal(1, read.Awaiting!.TaskNumber);
        Assert.Equal("d2", again.Drafts.Latest("telegram:1")!.Id);
        again.Drafts.Delete("d2");
        Assert.Equal("d1", again.Drafts.Latest("telegram:1")!.Id);
        Assert.Null(again.Drafts.Latest("telegram:2"));
        Assert.Equal(first, second);
        var (name, content) = again.Originals.Open(first)!.Value;
        Assert.Equal("cv.docx", name);
        Assert.Equal([1, 2, 3], content);
        Assert.Null(again.Originals.Open("nope"));
    }

    [Fact]
    public void Zalo_tokens_are_replaced_whole_and_interactions_kept_per_user()
    {
        var now = stores.Clock.GetUtcNow();
        using (var store = stores.Open())
        {
            store.Zalo.SaveTokens(new ZaloTokenPair("a1", "r1", now.AddHours(25), now, "seed"));
            store.Zalo.SaveTokens(new ZaloTokenPair("a2", "r2", now.AddHours(26), now.AddHours(1), "seed"));
            store.Zalo.SaveInteraction("u1", now);
            store.Zalo.SaveInteraction("u2", DateTimeOffset.MinValue);
        }
        using var again = stores.Open();
        Assert.Equal(new ZaloTokenPair("a2", "r2", now.AddHours(26), now.AddHours(1), "seed"), again.Zalo.Tokens());
        Assert.Equal(now, again.Zalo.LastInteraction("u1"));
        Assert.Equal(DateTimeOffset.MinValue, again.Zalo.LastInteraction("u2"));
        Assert.Null(again.Zalo.LastInteraction("u3"));
    }

    [Fact]
    public void Work_runs_alone_and_an_update_is_handled_by_the_first_claim_only()
    {
        using var store = stores.Open();
        using (var held = store.Nodes.TryRunAlone("pass"))
        {
            Assert.NotNull(held);
            Assert.Null(store.Nodes.TryRunAlone("pass"));
            using var other = store.Nodes.TryRunAlone("other");
            Assert.NotNull(other);
        }
        using (var again = store.Nodes.TryRunAlone("pass")) Assert.NotNull(again); // released
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("telegram", 42));
        Assert.Equal(UpdateClaim.InHand, store.Nodes.Claim("telegram", 42)); // a retry while it is handled: not yet answered
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("zalo", 42));
        store.Nodes.Handled("telegram", 42);
        Assert.Equal(UpdateClaim.Handled, store.Nodes.Claim("telegram", 42));
        Assert.Equal(UpdateClaim.InHand, store.Nodes.Claim("zalo", 42));
    }

    [Fact]
    public void A_claim_never_answered_lapses_after_the_lease_unless_it_waits_in_a_queue()
    {
        using var store = stores.Open();
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("telegram", 1));
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("zalo", 2, """{"event_name":"user_send_text"}"""));
        stores.Clock.Advance(INodeCoordination.ClaimLease - TimeSpan.FromSeconds(1));
        Assert.Equal(UpdateClaim.InHand, store.Nodes.Claim("telegram", 1));
        stores.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("telegram", 1)); // its node hung or failed: delivered again, handled here
        Assert.Equal(UpdateClaim.InHand, store.Nodes.Claim("zalo", 2)); // queued on a live node: its turn comes
        Assert.Empty(store.Nodes.TakeAbandoned("zalo", 10));
        store.Nodes.Handled("telegram", 1);
        stores.Clock.Advance(INodeCoordination.ClaimLease * 2);
        Assert.Equal(UpdateClaim.Handled, store.Nodes.Claim("telegram", 1));
    }

    [Fact]
    public void An_extension_request_opens_once_per_task_changes_by_compare_and_set_and_outlives_a_restart()
    {
        var at = stores.Clock.GetUtcNow();
        var draft = new Bot.Domain.Extensions.ExtensionRequest
        {
            Id = "r1", AssignmentId = "a1", Number = 1, ByPhone = Binh.Phone, ByName = Binh.Name, Chat = "telegram:1", StartedAt = at, TouchedAt = at,
        };
        using (var store = stores.Open())
        {
            Assert.True(store.Extensions.TryOpen(draft));
            Assert.False(store.Extensions.TryOpen(draft with { Id = "r2" })); // one open request per task
            Assert.Equal("r1", store.Extensions.DraftingIn("telegram:1")!.Id);
            var asked = draft with { State = Bot.Domain.Extensions.ExtensionState.Asked, AskedDue = at.AddDays(10), Reason = "chờ số liệu", AskedAt = at };
            Assert.True(store.Extensions.TryUpdate(asked, Bot.Domain.Extensions.ExtensionState.Drafting));
            Assert.False(store.Extensions.TryUpdate(asked with { Reason = "khác" }, Bot.Domain.Extensions.ExtensionState.Drafting)); // the state moved on
        }
        using var again = stores.Open();
        var read = again.Extensions.Get("r1")!;
        Assert.Equal(Bot.Domain.Extensions.ExtensionState.Asked, read.State);
        Assert.Equal("chờ số liệu", read.Reason);
        Assert.Equal(at.AddDays(10), read.AskedDue);
        Assert.Null(again.Extensions.DraftingIn("telegram:1"));
        Assert.Equal(["r1"], again.Extensions.Unanswered().Select(r => r.Id));
        Assert.Equal("r1", again.Extensions.OpenOf("a1")!.Id);
        Assert.True(again.Extensions.TryUpdate(read with { State = Bot.Domain.Extensions.ExtensionState.Rejected, Answer = "không" }, Bot.Domain.Extensions.ExtensionState.Asked));
        Assert.Null(again.Extensions.OpenOf("a1"));
        Assert.True(again.Extensions.TryOpen(draft with { Id = "r2", Number = 2 })); // closed: the task may ask again
        Assert.Equal(["r1", "r2"], again.Extensions.OfAssignment("a1").Select(r => r.Id));
        Assert.Equal(2, again.Extensions.CountOf("a1"));
    }

    [Fact]
    public void Progress_reports_give_the_latest_of_each_task_and_of_each_person()
    {
        var at = stores.Clock.GetUtcNow();
        Bot.Domain.Assignments.ProgressReport Report(string id, string assignment, int percent, int minutes) => new()
        {
            Id = id, AssignmentId = assignment, Percent = percent, Note = $"{percent}%", ByPhone = Binh.Phone, ByName = Binh.Name, At = at.AddMinutes(minutes),
        };
        using (var store = stores.Open())
        {
            store.Progress.Add(Report("p1", "a1", 30, 0));
            store.Progress.Add(Report("p2", "a1", 60, 10));
            store.Progress.Add(Report("p3", "a2", 10, 5));
            store.Progress.Update(Report("p3", "a2", 20, 5));
            var photo = store.Originals.Keep("anh.jpg", [0xFF, 0xD8, 0xFF, 1]);
            store.Progress.Update(Report("p1", "a1", 30, 0) with { Files = [new Bot.Domain.Assignments.EvidenceFile(photo, "anh.jpg", 4)] });
        }
        using var again = stores.Open();
        Assert.Equal(60, again.Progress.Latest("a1")!.Percent);
        Assert.Null(again.Progress.Latest("a9"));
        var latest = again.Progress.Latest(["a1", "a2", "a9"]);
        Assert.Equal([("a1", 60), ("a2", 20)], latest.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Percent)));
        Assert.Equal("p2", again.Progress.LatestBy(Binh.Phone, at)!.Id);
        Assert.Null(again.Progress.LatestBy(Binh.Phone, at.AddHours(1)));
        // Every report of a task, oldest first, with its evidence files, whose content the store keeps.
        var ofA1 = again.Progress.OfAssignment("a1");
        Assert.Equal(["p1", "p2"], ofA1.Select(r => r.Id));
        var file = Assert.Single(ofA1[0].Files);
        Assert.Equal(("anh.jpg", 4L), (file.FileName, file.Size));
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 1 }, again.Originals.Open(file.Id)!.Value.Content);
        Assert.Empty(again.Progress.OfAssignment("a9"));
    }
}

public sealed class LiteStoreTests() : StoreContract(new LiteUnderTest());

[Collection(OnePostgres.Name)]
public sealed class PgStoreTests(PgServer server) : StoreContract(new PgUnderTest(server))
{
    [Fact]
    public void Two_nodes_on_one_database_share_locks_and_update_ids()
    {
        using var stores = new PgUnderTest(server);
        using var a = stores.Open();
        using var b = stores.Open();
        using (a.Nodes.TryRunAlone("pass")) Assert.Null(b.Nodes.TryRunAlone("pass"));
        using (var now = b.Nodes.TryRunAlone("pass")) Assert.NotNull(now);
        Assert.Equal(UpdateClaim.Mine, a.Nodes.Claim("telegram", 7));
        Assert.Equal(UpdateClaim.InHand, b.Nodes.Claim("telegram", 7));
        a.Nodes.Handled("telegram", 7);
        Assert.Equal(UpdateClaim.Handled, b.Nodes.Claim("telegram", 7));
    }

    [Fact]
    public void What_a_node_died_with_is_taken_by_another_at_once_and_a_queued_event_with_what_it_said()
    {
        using var stores = new PgUnderTest(server);
        var b = stores.Open();
        using (var a = Bot.Storage.Postgres.PgStore.Open(stores.ConnectionString, stores.Clock))
        {
            Assert.Equal(UpdateClaim.Mine, a.Nodes.Claim("telegram", 7));
            Assert.Equal(UpdateClaim.Mine, a.Nodes.Claim("zalo", 8, """{"said":"8"}"""));
            Assert.Equal(UpdateClaim.Mine, a.Nodes.Claim("zalo", 9, """{"said":"9"}"""));
            a.Nodes.Handled("zalo", 9);
            Assert.Equal(UpdateClaim.InHand, b.Nodes.Claim("telegram", 7));
            Assert.Empty(b.Nodes.TakeAbandoned("zalo", 10)); // a lives
        } // a's connections close: its life lock goes with them, as when the process is killed
        Assert.Equal(UpdateClaim.Mine, b.Nodes.Claim("telegram", 7)); // no wait for the lease
        Assert.Equal([(8L, """{"said":"8"}""")], b.Nodes.TakeAbandoned("zalo", 10));
        Assert.Empty(b.Nodes.TakeAbandoned("zalo", 10)); // b's now, and b lives
        using var c = stores.Open();
        Assert.Equal(UpdateClaim.InHand, c.Nodes.Claim("zalo", 8));
        Assert.Equal(UpdateClaim.Handled, c.Nodes.Claim("zalo", 9));
    }

    [Fact]
    public void The_servers_processor_time_counts_the_work_of_its_sessions()
    {
        var before = server.Cluster.ProcessorTime();
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(before); // read from /proc
            return;
        }
        using var connection = new Npgsql.NpgsqlConnection(server.Cluster.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("select sum(g) from generate_series(1, 5000000) g", connection);
        command.ExecuteScalar();
        Assert.True(server.Cluster.ProcessorTime() - before >= TimeSpan.FromMilliseconds(50), "the session's work should be counted");
    }

    [Fact]
    public void Update_ids_are_remembered_a_week_and_then_pruned()
    {
        using var stores = new PgUnderTest(server);
        using var store = stores.Open();
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("telegram", 7));
        store.Nodes.Handled("telegram", 7);
        stores.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("telegram", 8));
        Assert.Equal(UpdateClaim.Handled, store.Nodes.Claim("telegram", 7)); // six days on: still known
        stores.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(UpdateClaim.Mine, store.Nodes.Claim("zalo", 9)); // the first update of the hour prunes what is older than a week
        using var connection = new Npgsql.NpgsqlConnection(stores.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("select string_agg(channel || ':' || update_id, ',' order by update_id) from seen_updates", connection);
        Assert.Equal("telegram:8,zalo:9", command.ExecuteScalar());
    }

    [Fact]
    public void Opening_applies_each_migration_once_and_records_the_version()
    {
        using var stores = new PgUnderTest(server);
        stores.Open().Dispose();
        stores.Open().Dispose(); // a second node, or a restart: nothing to apply
        using var connection = new Npgsql.NpgsqlConnection(stores.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("select count(*), max(version) from schema_migrations", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(Bot.Storage.Postgres.PgMigrations.Steps.Count, reader.GetInt64(0));
        Assert.Equal(Bot.Storage.Postgres.PgMigrations.Current, reader.GetInt32(1));
    }
}

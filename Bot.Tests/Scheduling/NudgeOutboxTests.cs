using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Storage;
using Bot.Tests.Storage;

namespace Bot.Tests.Scheduling;

/// <summary>The outbox's contract, on a real LiteDB file and on PostgreSQL: a key is recorded once, what is pending survives a restart, a claim holds.</summary>
public abstract class NudgeOutboxContract(IStoreUnderTest stores) : IDisposable
{
    private static readonly DateTimeOffset Now = VietnamTime.FromLocal(new DateTime(2023, 10, 23, 8, 0, 0));
    private static readonly DateTimeOffset Due = VietnamTime.FromLocal(new DateTime(2023, 10, 23, 17, 0, 0));

    public void Dispose()
    {
        stores.Dispose();
        GC.SuppressFinalize(this);
    }

    private IStore Open() => stores.Open();

    private static Nudge N(string assignment, string official, NudgeKind kind = NudgeKind.DueToday, int step = 0, DateTimeOffset? due = null) =>
        new(assignment, official, kind, step, due ?? Due, Now.AddMinutes(-30));

    private static NudgePlan Plan(params NudgeBundle[] bundles) => new(bundles, []);

    [Fact]
    public void A_nudge_recorded_twice_is_kept_once()
    {
        using var store = Open();
        var outbox = store.Outbox;
        var first = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901"), N("a2", "0901")])), Now);
        // A second pass (or a second process) plans the same nudges plus one new one.
        var second = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901"), N("a2", "0901"), N("a3", "0901")])), Now.AddMinutes(1));
        var third = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901")])), Now.AddMinutes(2));

        Assert.Single(first);
        Assert.Single(second);
        Assert.Empty(third);
        Assert.Equal(["a1", "a2"], outbox.Get(first[0])!.Nudges.Select(n => n.AssignmentId));
        Assert.Equal(["a3"], outbox.Get(second[0])!.Nudges.Select(n => n.AssignmentId));
        Assert.Equal(3, outbox.Handled(Due.AddDays(-1), Due.AddDays(1)).Count);
    }

    [Fact]
    public void An_extension_is_a_new_deadline_and_so_new_keys()
    {
        using var store = Open();
        var outbox = store.Outbox;
        outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901")])), Now);
        var extended = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901", due: Due.AddDays(7))])), Now);
        Assert.Single(extended);
        // The planner's window decides which keys it reads back.
        Assert.Equal(1, outbox.Handled(Due.AddDays(-1), Due.AddDays(1)).Count);
        Assert.Equal(2, outbox.Handled(Due.AddDays(-1), Due.AddDays(8)).Count);
    }

    [Fact]
    public void Passed_over_nudges_are_handled_but_not_sent()
    {
        using var store = Open();
        var outbox = store.Outbox;
        var ids = outbox.Record(new NudgePlan([new NudgeBundle("0901", [N("a1", "0901")])], [N("a1", "0901", NudgeKind.Before, 1)]), Now);
        Assert.Single(ids);
        Assert.True(outbox.Handled(Due.AddDays(-1), Due.AddDays(1)).Contains(N("a1", "0901", NudgeKind.Before, 1)));
        Assert.Single(outbox.Get(ids[0])!.Nudges);
    }

    [Fact]
    public void Pending_messages_survive_a_restart_and_sent_ones_do_not_come_back()
    {
        string sent, pending;
        using (var store = Open())
        {
            var outbox = store.Outbox;
            var ids = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901")]), new NudgeBundle("0902", [N("a1", "0902")])), Now);
            (sent, pending) = (ids[0], ids[1]);
            outbox.MarkSent(sent, "42", Now.AddSeconds(1));
        }
        using (var store = Open())
        {
            var outbox = store.Outbox;
            Assert.Equal([pending], outbox.Pending());
            var done = outbox.Get(sent)!;
            Assert.Equal((OutboxState.Sent, "42", Now.AddSeconds(1)), (done.State, done.ChannelMessageId, done.DoneAt));
            Assert.Equal([N("a1", "0902")], outbox.Get(pending)!.Nudges);
        }
    }

    [Fact]
    public void Recorded_since_gives_what_later_passes_recorded_passed_over_included()
    {
        using var store = Open();
        var outbox = store.Outbox;
        outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901")])), Now);
        outbox.Record(new NudgePlan([new NudgeBundle("0902", [N("a2", "0902")])], [N("a2", "0902", NudgeKind.Before, 1)]), Now.AddMinutes(1));
        outbox.Record(Plan(new NudgeBundle("0903", [N("a3", "0903")])), Now.AddMinutes(2));

        Assert.Equal(4, outbox.RecordedSince(Now).Count);
        var since = outbox.RecordedSince(Now.AddMinutes(1));
        Assert.Equal(["a2", "a2", "a3"], since.Select(n => n.AssignmentId).Order(StringComparer.Ordinal));
        Assert.Contains(N("a2", "0902", NudgeKind.Before, 1), since);
        Assert.Empty(outbox.RecordedSince(Now.AddMinutes(3)));
    }

    [Fact]
    public void Stale_pending_messages_are_those_not_tried_since_the_cutoff()
    {
        using var store = Open();
        var outbox = store.Outbox;
        var ids = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901")]), new NudgeBundle("0902", [N("a1", "0902")])), Now);
        outbox.Attempted(ids[1], Now.AddMinutes(20));
        Assert.Equal([ids[0]], outbox.Pending(notTriedSince: Now.AddMinutes(16)));
        Assert.Equal(1, outbox.Get(ids[1])!.Attempts);
    }

    [Fact]
    public void Messages_today_count_pending_and_sent_nudge_messages_per_official()
    {
        using var store = Open();
        var outbox = store.Outbox;
        var yesterday = outbox.Record(Plan(new NudgeBundle("0901", [N("a0", "0901", due: Due.AddDays(-1))])), Now.AddDays(-1));
        var today = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901")]), new NudgeBundle("0902", [N("a1", "0902")])), Now);
        var later = outbox.Record(Plan(new NudgeBundle("0901", [N("a2", "0901")]), new NudgeBundle("0903", [N("a2", "0903")])), Now.AddHours(1));
        outbox.MarkSent(today[0], "1", Now);
        outbox.MarkFailed(later[1], "blocked", Now.AddHours(1));   // given up: does not use 0903's quota
        outbox.RecordDigest("0902", DateOnly.FromDateTime(VietnamTime.ToLocal(Now)), Now); // a digest is not a nudge message
        // Announcements of published work (new tasks, corrections) are not reminders: they leave the cap alone.
        outbox.Record(Plan(new NudgeBundle("0902", [N("a5", "0902", NudgeKind.NewTask), N("a6", "0902", NudgeKind.NewTask)])), Now);
        outbox.Record(Plan(new NudgeBundle("0902", [N("a7", "0902", NudgeKind.NewTask)])), Now);
        outbox.Record(Plan(new NudgeBundle("0902", [N("d1", "0902", NudgeKind.Corrected, 1)]), new NudgeBundle("0904", [N("d1", "0904", NudgeKind.Corrected, 1)])), Now);
        // An approver's extension cards and an official's decisions are not reminders: they use no quota.
        outbox.Record(Plan(new NudgeBundle("0903", [N("a3", "0903", NudgeKind.ExtensionAsked, 1)]), new NudgeBundle("0902", [N("a3", "0902", NudgeKind.ExtensionDecided, 1)])), Now);
        outbox.Record(Plan(new NudgeBundle("0903", [N("a3", "0903", NudgeKind.ExtensionReminder, 1)]), new NudgeBundle("0903", [N("a4", "0903", NudgeKind.ExtensionAsked, 1)])), Now.AddHours(2));

        var counts = outbox.MessagesSince(VietnamTime.StartOfDay(DateOnly.FromDateTime(VietnamTime.ToLocal(Now))));
        Assert.Single(yesterday);
        Assert.Equal(new Dictionary<string, int> { ["0901"] = 2, ["0902"] = 1 }, counts);
    }

    [Fact]
    public void A_digest_is_recorded_once_per_official_per_day()
    {
        using var store = Open();
        var outbox = store.Outbox;
        var day = DateOnly.FromDateTime(VietnamTime.ToLocal(Now));
        Assert.NotNull(outbox.RecordDigest("0901", day, Now));
        Assert.Null(outbox.RecordDigest("0901", day, Now.AddMinutes(1)));
        Assert.NotNull(outbox.RecordDigest("0901", day.AddDays(1), Now.AddDays(1)));
        Assert.Equal(OutboxKind.Digest, outbox.Get(outbox.Pending()[0])!.Kind);
    }

    [Fact]
    public void A_message_is_claimed_by_one_node_until_its_lease_ends_and_never_once_sent()
    {
        using var store = Open();
        var outbox = store.Outbox;
        var id = outbox.Record(Plan(new NudgeBundle("0901", [N("a1", "0901")])), Now).Single();
        var lease = TimeSpan.FromMinutes(2);
        Assert.True(outbox.Claim(id, "node-a", Now, lease));
        Assert.False(outbox.Claim(id, "node-b", Now.AddMinutes(1), lease));      // held by a
        Assert.True(outbox.Claim(id, "node-a", Now.AddMinutes(1), lease));       // a retries
        Assert.True(outbox.Claim(id, "node-b", Now.AddMinutes(3).AddSeconds(1), lease)); // a's lease ran out: a died
        Assert.False(outbox.Claim(id, "node-a", Now.AddMinutes(4), lease));
        outbox.MarkSent(id, "m1", Now.AddMinutes(4));
        Assert.False(outbox.Claim(id, "node-b", Now.AddMinutes(4), lease));      // sent: nobody sends it again
        Assert.False(outbox.Claim("unknown", "node-a", Now, lease));
    }
}

public sealed class LiteNudgeOutboxTests() : NudgeOutboxContract(new LiteUnderTest());

[Collection(OnePostgres.Name)]
public sealed class PgNudgeOutboxTests(PgServer server) : NudgeOutboxContract(new PgUnderTest(server));

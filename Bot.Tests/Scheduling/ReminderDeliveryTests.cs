using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Testing.Telegram;
using Bot.Channels;
using Bot.Hosting;
using Bot.Testing;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Scheduling;
using Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Bot.Tests.Scheduling;

/// <summary>
/// The reminder pipeline on a fake clock with a recording channel, no HTTP and no waiting: tasks done
/// meanwhile, a pass that keeps what it read, a blocked official, a second channel.
/// </summary>
public sealed class ReminderDeliveryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "remind-delivery-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A store of <paramref name="officials"/> officials with one task each due today, and the bot over it on a fake clock.</summary>
    private TestBot Prepared(int officials, DateTimeOffset now, RecordingChannel? channel = null)
    {
        ReminderFixture.Prepare(StorePath, officials, now, _ => { });
        return new TestBot(StorePath, new FakeTimeProvider(now), channel ?? new RecordingChannel());
    }

    [Fact]
    public async Task A_message_whose_tasks_were_done_meanwhile_is_not_sent()
    {
        using var bot = Prepared(3, ReminderFixture.WorkingMorning);
        var ids = bot.Get<ReminderPass>().PlanAndRecord();
        Assert.Equal(3, ids.Count);
        var outbox = bot.Get<INudgeOutbox>();
        var first = outbox.Get(ids[0])!;
        bot.Store.Assignments.Confirm(first.Nudges[0].AssignmentId, bot.Store.Directory.ByPhone(first.OfficialPhone)!);

        var delivery = bot.Get<NudgeDelivery>();
        Assert.Equal(DeliveryOutcome.PassedOver, await delivery.DeliverAsync(ids[0], CancellationToken.None));
        Assert.Equal(DeliveryOutcome.Sent, await delivery.DeliverAsync(ids[1], CancellationToken.None));
        Assert.Equal(DeliveryOutcome.AlreadyDone, await delivery.DeliverAsync(ids[1], CancellationToken.None));
        Assert.Equal(OutboxState.PassedOver, outbox.Get(ids[0])!.State);
        Assert.Single(bot.Channel.Sent);
        // The next pass plans nothing again: the keys are handled.
        Assert.Empty(bot.Get<ReminderPass>().PlanAndRecord());
    }

    [Fact]
    public void A_pass_that_keeps_what_it_read_plans_as_one_that_reads_everything_afresh()
    {
        using var bot = Prepared(3, ReminderFixture.WorkingMorning);
        var kept = bot.Get<ReminderPass>();
        var store = bot.Store;
        var outbox = bot.Get<INudgeOutbox>();
        var now = bot.Clock.GetUtcNow();
        Assert.Equal(3, kept.PlanAndRecord().Count);

        // Two more tasks for the first official's unit: another writer (a second instance) records a nudge for one of them.
        var official = store.Directory.ByPhone("0900000000")!;
        var template = store.Assignments.OpenOfUnit(official.UnitCode).Single();
        var directive = store.Assignments.FindDirective(template.DirectiveId)!;
        var (other, fresh) = (template with { Id = template.Id + "-b", TaskId = "bench-2" }, template with { Id = template.Id + "-c", TaskId = "bench-3" });
        store.Assignments.Save(directive, new Bot.Domain.Assignments.Reconciliation([other, fresh], [], []),
            new Bot.Domain.Assignments.AuditEntry(now, "", "import", null, directive.Id, "thử"));
        outbox.Record(new NudgePlan([new NudgeBundle(official.Phone, [new Nudge(other.Id, official.Phone, NudgeKind.DueToday, 0, other.DueBefore!.Value, now)])], []), now);

        var later = now.AddMinutes(1);
        var keptPlan = kept.Plan(later)!;
        var afresh = ActivatorUtilities.CreateInstance<ReminderPass>(bot.Services).Plan(later)!;
        Assert.Equal(Keys(afresh), Keys(keptPlan));
        Assert.Equal([fresh.Id], Keys(keptPlan).Select(k => k.AssignmentId));

        static List<(string AssignmentId, string Official)> Keys(NudgePlan plan) =>
            [.. plan.Bundles.SelectMany(b => b.Nudges).Select(n => (n.AssignmentId, n.OfficialId)).Order()];
    }

    [Fact]
    public void A_blocked_official_is_marked_unreachable_and_the_district_office_reads_it_in_its_digest()
    {
        var channel = new RecordingChannel();
        using var bot = Prepared(2, ReminderFixture.WorkingMorning, channel);
        var store = bot.Store;
        store.Directory.Upsert([new Official
        {
            Phone = "0988000777", Name = "Chánh Văn phòng", UnitCode = "VP", Role = Role.UnitHead,
            ChatAccounts = [new ChatAccount("telegram", "777")],
        }]);
        store.Preferences.SavePreferences(new OfficialPreferences("0988000777") { Digest = true });
        channel.Fail(ReminderFixture.UserId(0).ToString(System.Globalization.CultureInfo.InvariantCulture), ChannelFailure.Unreachable);

        Assert.Equal([DeliveryOutcome.Waiting, DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(ReminderFixture.WorkingMorning, store.Preferences.Preferences("0900000000").UnreachableSince);

        Assert.Equal([DeliveryOutcome.Sent], bot.Remind(digests: true));
        Assert.Empty(bot.Get<ReminderPass>().RecordDigests()); // once a day
        var text = Assert.Single(channel.Chat("777")).Message.Text;
        Assert.Contains("📵 Không gửi được nhắc việc tới", text, StringComparison.Ordinal);
        Assert.Contains("Cán bộ 1 — ", text, StringComparison.Ordinal);
        // Nobody unreachable is nudged again, even the next working morning.
        bot.Clock.Advance(TimeSpan.FromDays(1));
        bot.Remind();
        Assert.DoesNotContain(channel.Sent, m => m.ChatId == ReminderFixture.UserId(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void With_a_second_channel_each_official_gets_a_reminder_once_on_a_channel_of_theirs()
    {
        ReminderFixture.Prepare(StorePath, 3, ReminderFixture.WorkingMorning, _ => { });
        var (telegram, zalo) = (new RecordingChannel("telegram"), new RecordingChannel("zalo"));
        using var bot = new TestBot(StorePath, new FakeTimeProvider(ReminderFixture.WorkingMorning), telegram, others: [zalo]);
        var directory = bot.Store.Directory;
        var both = directory.ByPhone("0900000001")!;
        directory.Upsert([both with { ChatAccounts = [.. both.ChatAccounts, new ChatAccount("zalo", "z1")] }]);
        directory.Upsert([directory.ByPhone("0900000002")! with { ChatAccounts = [new ChatAccount("zalo", "z2")] }]);

        Assert.Equal([DeliveryOutcome.Sent, DeliveryOutcome.Sent, DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(["100000", "100001"], telegram.Sent.Select(m => m.ChatId).Order());
        Assert.Equal(["z2"], zalo.Sent.Select(m => m.ChatId));
    }
}

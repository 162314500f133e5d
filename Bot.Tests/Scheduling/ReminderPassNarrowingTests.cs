using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Reminders;
using Bot.Scheduling;
using Bot.Storage;
using Bot.Storage.Postgres;
using Bot.Testing;
using Bot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Scheduling;

/// <summary>
/// A pass that, while nothing it reads was written, reads only the deadlines whose steps fell due since the last one
/// (plus snoozes run out and work the daily quota held back) plans exactly what a pass reading the whole window plans:
/// three weeks of a fake clock in uneven steps across nights and weekends, with confirmations, extensions, snoozes and
/// new work on the way, on a LiteDB file and on PostgreSQL (whose count of writes is kept by triggers).
/// </summary>
[Collection(OnePostgres.Name)]
public sealed class ReminderPassNarrowingTests(PgServer server) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pass-narrow-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void On_a_LiteDB_file_a_pass_that_reads_what_the_clock_brought_plans_as_one_that_reads_everything() =>
        Scenario(settings: null);

    [Fact]
    public void On_PostgreSQL_a_pass_that_reads_what_the_clock_brought_plans_as_one_that_reads_everything()
    {
        Prepare();
        var connection = server.NewDatabase();
        using (var lite = BotStore.Open(new StoreOptions(StorePath), TimeProvider.System))
        using (var pg = PgStore.Open(connection, TimeProvider.System))
            Assert.All(StoreMigration.Copy(lite, pg), c => Assert.True(c.Agrees, c.What));
        Scenario(new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = connection }, prepared: true);
    }

    /// <summary>
    /// Snoozed before the morning's reminder until 09:00: at 09:00 the reminder goes, though no deadline has a step then
    /// and nothing was written since the morning's pass.
    /// </summary>
    [Fact]
    public void A_snooze_that_runs_out_mid_morning_brings_its_reminder_then()
    {
        Prepare();
        var clock = new FakeTimeProvider(ReminderFixture.WorkingMorning);
        using var bot = new TestBot(StorePath, clock, new RecordingChannel());
        var pass = bot.Get<ReminderPass>();
        var calendar = bot.Get<Bot.Domain.Calendar.IWorkCalendar>();
        pass.PlanAndRecord();

        var morning = calendar.NextWorkingMorning(clock.GetUtcNow());
        var planner = bot.Get<NudgePlanner>();
        var task = bot.Store.Assignments.OpenTasksDueBetween(morning.AddDays(-30), morning.AddDays(30))
            .First(t => planner.Schedule(t.DueBefore!.Value).Any(s => s.At == morning && s.Kind != NudgeKind.Escalation));
        var official = bot.Store.Directory.All().First(o => o.UnitCode == task.UnitCode);
        clock.SetUtcNow(morning.AddMinutes(-30));
        var p = bot.Store.Preferences.Preferences(official.Phone);
        bot.Store.Preferences.SavePreferences(p with { Snoozed = new Dictionary<string, DateTimeOffset> { [task.AssignmentId] = morning.AddMinutes(90) } });

        clock.SetUtcNow(morning.AddMinutes(1));
        pass.PlanAndRecord(); // reads the window (preferences were written): the snoozed reminder waits
        clock.SetUtcNow(morning.AddMinutes(30));
        Assert.DoesNotContain(pass.Plan(clock.GetUtcNow())!.Bundles.SelectMany(b => b.Nudges), n => n.AssignmentId == task.AssignmentId && n.OfficialId == official.Phone);
        pass.PlanAndRecord();
        clock.SetUtcNow(morning.AddMinutes(91));
        var reads = pass.WindowReads;
        Assert.Contains(pass.Plan(clock.GetUtcNow())!.Bundles.SelectMany(b => b.Nudges), n => n.AssignmentId == task.AssignmentId && n.OfficialId == official.Phone);
        Assert.Equal(reads, pass.WindowReads); // found without reading the window again
    }

    private void Prepare()
    {
        ReminderFixture.Prepare(StorePath, 12, ReminderFixture.WorkingMorning, _ => { });
        // Deadlines from eight days back to two weeks ahead, at the hours that change a schedule (midnight, before and
        // after the morning, the afternoon, the day's end), several per unit so the daily quota holds some back.
        using var store = BotStore.Open(new StoreOptions(StorePath), TimeProvider.System);
        var template = store.Assignments.OpenTasksDueBetween(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue).Select(t => store.Assignments.Get(t.AssignmentId)!).ToList();
        var directive = store.Assignments.FindDirective(template[0].DirectiveId)!;
        var random = new Random(17);
        var hours = new[] { 0.0, 7.0, 7.5, 10.0, 17.0, 23.99 };
        var more = template.SelectMany(a => Enumerable.Range(0, 8).Select(i => a with
        {
            Id = $"{a.Id}-{i}",
            TaskId = $"bench-{i + 2}",
            DueBefore = Bot.Domain.Time.VietnamTime.StartOfDay(DateOnly.FromDateTime(ReminderFixture.WorkingMorning.UtcDateTime).AddDays(random.Next(-8, 15)))
                .AddHours(hours[random.Next(hours.Length)]),
        })).ToList();
        store.Assignments.Save(directive, new Reconciliation(more, [], []), new AuditEntry(ReminderFixture.WorkingMorning, "", "import", null, directive.Id, "thử"));
    }

    private void Scenario(Dictionary<string, string?>? settings, bool prepared = false)
    {
        if (!prepared) Prepare();
        // One message a day each, so that new work and snoozes run out later in the day are held back to the next.
        var policy = Path.Combine(_folder, "reminders.json");
        File.WriteAllText(policy, File.ReadAllText(Bot.Hosting.ConfigFiles.Find(Bot.Hosting.ConfigFiles.Reminders))
            .Replace("\"maxMessagesPerOfficialPerDay\": 3", "\"maxMessagesPerOfficialPerDay\": 1", StringComparison.Ordinal));
        settings = new Dictionary<string, string?>(settings ?? []) { ["Reminders:Policy"] = policy };
        var clock = new FakeTimeProvider(ReminderFixture.WorkingMorning);
        using var bot = new TestBot(StorePath, clock, new RecordingChannel(), settings);
        var pass = bot.Get<ReminderPass>();
        var store = bot.Store;
        var officials = store.Directory.All();
        var random = new Random(5);
        var steps = new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(7), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(14), TimeSpan.FromDays(1) };
        var planned = 0;
        var heldBack = 0;
        var added = 0;
        while (clock.GetUtcNow() < ReminderFixture.WorkingMorning.AddDays(21))
        {
            clock.Advance(steps[random.Next(steps.Length)]);
            var now = clock.GetUtcNow();
            if (random.NextDouble() < 0.4) Write(store, officials, random, now, ref added);

            var afresh = ActivatorUtilities.CreateInstance<ReminderPass>(bot.Services).Plan(now);
            var kept = pass.Plan(now);
            Assert.Equal(afresh is null, kept is null);
            if (afresh is null) continue;
            Assert.Equal(Keys(afresh).Due, Keys(kept!).Due);
            Assert.Equal(Keys(afresh).PassedOver, Keys(kept!).PassedOver);
            Assert.Equal(Keys(afresh).HeldBack, Keys(kept!).HeldBack);
            planned += kept!.Bundles.Count;
            heldBack += kept.HeldBack?.Count ?? 0;
            pass.PlanAndRecord();
        }
        Assert.True(planned > 30 && heldBack > 5, $"only {planned} messages planned and {heldBack} held back: the scenario tests little");
        // Most passes read only what the clock brought (the count of writes stayed the same).
        Assert.InRange(pass.WindowReads, 1, 60);

        // New work is read with the window; its confirmation only takes work away, so the next pass does not read the
        // window for it; an extension does.
        clock.SetUtcNow(bot.Get<IWorkCalendar>().NextWorkingMorning(clock.GetUtcNow()).AddHours(2));
        pass.PlanAndRecord();
        var reads = pass.WindowReads;
        var template = store.Assignments.Get(store.Assignments.OpenTasksDueBetween(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue)[0].AssignmentId)!;
        var (one, two) = (template with { Id = "late-1", TaskId = "late-1", DueBefore = clock.GetUtcNow().AddDays(5) }, template with { Id = "late-2", TaskId = "late-2", DueBefore = clock.GetUtcNow().AddDays(6) });
        store.Assignments.Save(store.Assignments.FindDirective(template.DirectiveId)!, new Reconciliation([one, two], [], []), new AuditEntry(clock.GetUtcNow(), "", "import", null, template.DirectiveId, "thử"));
        Next(reads + 1, "new work");
        store.Assignments.Confirm(one.Id, officials.First(o => o.UnitCode == one.UnitCode));
        Next(reads + 1, "a confirmation");
        Assert.True(store.Assignments.Extend(two.Id, Office, two.DueBefore!.Value.AddDays(3), "chờ số liệu").Changed);
        Next(reads + 2, "an extension");

        void Next(int windowReads, string after)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            pass.PlanAndRecord();
            Assert.True(windowReads == pass.WindowReads, $"after {after}: {pass.WindowReads - reads} window reads, not {windowReads - reads}");
        }
    }

    // Who approves extensions (the store takes the approver's role, not the directory's word).
    private static readonly Bot.Domain.Organization.Official Office = new()
    {
        Phone = "0999999999", Name = "Văn phòng huyện", UnitCode = "VP", Role = Bot.Domain.Organization.Role.Office,
    };

    private static void Write(IStore store, IReadOnlyList<Bot.Domain.Organization.Official> officials, Random random, DateTimeOffset now, ref int added)
    {
        var open = store.Assignments.OpenTasksDueBetween(now.AddDays(-30), now.AddDays(30));
        if (open.Count == 0) return;
        var task = store.Assignments.Get(open[random.Next(open.Count)].AssignmentId)!;
        var official = officials.FirstOrDefault(o => o.UnitCode == task.UnitCode) ?? officials[0];
        switch (random.Next(6))
        {
            case 0:
                store.Assignments.Confirm(task.Id, official);
                break;
            case 1:
                var later = task.DueBefore!.Value > now ? task.DueBefore.Value : now;
                Assert.True(store.Assignments.Extend(task.Id, Office, later.AddDays(random.Next(2, 9)), "chờ số liệu").Changed);
                break;
            case 2:
                var p = store.Preferences.Preferences(official.Phone);
                store.Preferences.SavePreferences(p with { Snoozed = new Dictionary<string, DateTimeOffset>(p.Snoozed) { [task.Id] = now.AddMinutes(random.Next(30, 300)) } });
                break;
            default:
                var directive = store.Assignments.FindDirective(task.DirectiveId)!;
                var fresh = task with { Id = $"{task.Id}-new{++added}", TaskId = $"new-{added}", DueBefore = now.AddHours(random.Next(2, 100)) };
                store.Assignments.Save(directive, new Reconciliation([fresh], [], []), new AuditEntry(now, "", "import", null, directive.Id, "thử"));
                break;
        }
    }

    private static (List<(string, string, NudgeKind, int)> Due, List<(string, string, NudgeKind, int)> PassedOver, List<string> HeldBack) Keys(NudgePlan plan) =>
        ([.. plan.Bundles.SelectMany(b => b.Nudges).Select(Key).Order()], [.. plan.PassedOver.Select(Key).Order()], [.. (plan.HeldBack ?? []).Order(StringComparer.Ordinal)]);

    private static (string, string, NudgeKind, int) Key(Nudge n) => (n.AssignmentId, n.OfficialId, n.Kind, n.Step);
}

using Bot.Domain.Calendar;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reminders;

/// <summary>
/// The planner run every 15 minutes over simulated weeks, on the real work calendar with the
/// config's holiday decisions (Tết 2024: 8–14/2 off; 30/4–1/5 2024 with 29/4 swapped for Saturday 4/5).
/// </summary>
public class NudgePlannerTests
{
    private static readonly WorkCalendar Calendar = new(HolidayPlan.Parse(Bot.Hosting.ConfigFiles.Read(Bot.Hosting.ConfigFiles.Holidays)));
    private readonly NudgePlanner _planner = new(ReminderPolicy.Default, Calendar);

    private static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        VietnamTime.FromLocal(new DateTime(year, month, day, hour, minute, 0));

    [Fact]
    public void Around_Tet_2024_every_nudge_lands_on_a_working_morning_once()
    {
        // Due "chậm nhất ngày 15/2/2024" (the first working day after Tết): due before 16/2 00:00.
        var task = new NudgeTarget("a1", At(2024, 2, 16), ["staff"], ["head", "office"]);
        var sent = Simulate([task], At(2024, 1, 29), At(2024, 3, 1));

        Assert.Equal(
        [
            ("staff", "Before|3", At(2024, 2, 5, 7, 30)),   // Mon: 3 working days before Thu 15/2 (Tết in between)
            ("staff", "Before|1", At(2024, 2, 7, 7, 30)),   // Wed, the last day before the holiday
            ("staff", "DueToday|0", At(2024, 2, 15, 7, 30)),
            ("staff", "Overdue|1", At(2024, 2, 16, 7, 30)),
            ("staff", "Overdue|2", At(2024, 2, 19, 7, 30)), // after the weekend
            ("staff", "Overdue|3", At(2024, 2, 20, 7, 30)),
            ("staff", "Overdue|4", At(2024, 2, 21, 7, 30)),
            ("staff", "Overdue|5", At(2024, 2, 22, 7, 30)),
            ("head", "Escalation|1", At(2024, 2, 23, 7, 30)),
            ("office", "Escalation|1", At(2024, 2, 23, 7, 30)),
        ], sent.Select(s => (s.Official, s.What, s.At)).OrderBy(s => s.At).ThenBy(s => s.Official, StringComparer.Ordinal));
    }

    /// <summary>
    /// Around Tết 2024 and the 30/4 bridge, for deadlines at random instants (whole minutes and the day's edges) and
    /// spans from a minute to three days: every deadline with a step in the span lies in one of the ranges, and a
    /// minute's span off the morning has none.
    /// </summary>
    [Fact]
    public void The_deadlines_with_steps_in_a_span_hold_every_deadline_whose_schedule_says_so()
    {
        var random = new Random(11);
        var spans = new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15), TimeSpan.FromHours(5), TimeSpan.FromDays(1), TimeSpan.FromDays(3) };
        var checkedDue = 0;
        for (var round = 0; round < 300; round++)
        {
            var after = At(2024, 1, 20).AddMinutes(random.Next(0, 60 * 24 * 110));
            if (round % 3 == 0) after = Calendar.Morning(DateOnly.FromDateTime(VietnamTime.ToLocal(after))).AddMinutes(-random.Next(0, 2)); // at a morning
            var upTo = after + spans[random.Next(spans.Length)];
            var (from, to) = (after.AddDays(-30), after.AddDays(30));
            var ranges = _planner.DeadlinesWithStepsIn(after, upTo, from, to);
            for (var i = 0; i < 200; i++)
            {
                var day = VietnamTime.StartOfDay(DateOnly.FromDateTime(VietnamTime.ToLocal(from)).AddDays(random.Next(0, 60)));
                var due = (i % 4) switch { 0 => day, 1 => day.AddTicks(1), 2 => Calendar.Morning(DateOnly.FromDateTime(VietnamTime.ToLocal(day))), _ => day.AddMinutes(random.Next(0, 24 * 60)) };
                if (due < from || due > to || !_planner.Schedule(due).Any(s => s.At > after && s.At <= upTo)) continue;
                checkedDue++;
                Assert.True(ranges.Any(r => r.From <= due && due <= r.To), $"due {due:o}, span ({after:o}, {upTo:o}]: not in {string.Join(", ", ranges)}");
            }
        }
        Assert.True(checkedDue > 1000, $"{checkedDue} deadlines checked");

        var offMorning = At(2024, 3, 5, 9, 0);
        Assert.Empty(_planner.DeadlinesWithStepsIn(offMorning, offMorning.AddMinutes(1), offMorning.AddDays(-30), offMorning.AddDays(30)));
        var morning = At(2024, 3, 5, 7, 30);
        var atMorning = _planner.DeadlinesWithStepsIn(morning.AddMinutes(-1), morning, morning.AddDays(-30), morning.AddDays(30));
        Assert.InRange(atMorning.Sum(r => (r.To - r.From).TotalDays), 1, 14); // a few due days of the sixty
    }

    [Fact]
    public void Around_30_April_2024_the_swapped_Saturday_is_a_working_day()
    {
        // Due before Fri 3/5/2024: 29/4 (bridge), 30/4, 1/5 off; Saturday 4/5 worked in exchange.
        var task = new NudgeTarget("a2", At(2024, 5, 3), ["staff"], []);
        var sent = Simulate([task], At(2024, 4, 22), At(2024, 5, 8));
        Assert.Contains(("Before|3", At(2024, 4, 24, 7, 30)), sent.Select(s => (s.What, s.At))); // Wed 24/4: 26, 25, 24 back from Thu 2/5
        Assert.Contains(("Before|1", At(2024, 4, 26, 7, 30)), sent.Select(s => (s.What, s.At))); // Fri 26/4
        Assert.Contains(("DueToday|0", At(2024, 5, 2, 7, 30)), sent.Select(s => (s.What, s.At)));
        Assert.Contains(("Overdue|1", At(2024, 5, 3, 7, 30)), sent.Select(s => (s.What, s.At)));
        Assert.Contains(("Overdue|2", At(2024, 5, 4, 7, 30)), sent.Select(s => (s.What, s.At))); // the worked Saturday
        Assert.All(sent, s => Assert.True(Calendar.IsWorkingDay(DateOnly.FromDateTime(VietnamTime.ToLocal(s.At)))));
    }

    [Fact]
    public void After_downtime_only_the_latest_nudge_goes_and_the_rest_are_passed_over()
    {
        var task = new NudgeTarget("a3", At(2024, 3, 15), ["staff"], []);
        var handled = new HandledNudges();
        // The bot was off from before the first reminder until the due morning.
        var plan = _planner.Plan([task], handled, new Dictionary<string, int>(), At(2024, 3, 14, 9, 0));
        var bundle = Assert.Single(plan.Bundles);
        Assert.Equal(NudgeKind.DueToday, Assert.Single(bundle.Nudges).Kind);
        Assert.Equal(2, plan.PassedOver.Count); // 3 and 1 working days before
        foreach (var n in plan.PassedOver.Concat(bundle.Nudges)) handled.Add(n);
        Assert.Empty(_planner.Plan([task], handled, new Dictionary<string, int>(), At(2024, 3, 14, 9, 15)).Bundles);
    }

    [Fact]
    public void Nothing_is_planned_out_of_working_hours_and_it_waits_for_the_next_morning()
    {
        var task = new NudgeTarget("a4", At(2024, 3, 15), ["staff"], []);
        var none = new HandledNudges();
        Assert.Empty(_planner.Plan([task], none, new Dictionary<string, int>(), At(2024, 3, 14, 17, 30)).Bundles);
        Assert.Empty(_planner.Plan([task], none, new Dictionary<string, int>(), At(2024, 3, 16, 9, 0)).Bundles); // Saturday
        Assert.Equal(At(2024, 3, 18, 7, 30), Calendar.NextWorkingMoment(At(2024, 3, 15, 18, 0)));
        Assert.Equal(At(2024, 2, 15, 7, 30), Calendar.NextWorkingMoment(At(2024, 2, 9, 10, 0))); // in Tết
    }

    [Fact]
    public void An_officials_nudges_of_one_moment_are_one_message_and_the_daily_cap_holds()
    {
        var tasks = Enumerable.Range(1, 4).Select(i => new NudgeTarget($"b{i}", At(2024, 3, 15), ["staff"], [])).ToList();
        var plan = _planner.Plan(tasks, new HandledNudges(), new Dictionary<string, int>(), At(2024, 3, 14, 8, 0));
        Assert.Equal(4, Assert.Single(plan.Bundles).Nudges.Count);
        var capped = _planner.Plan(tasks, new HandledNudges(), new Dictionary<string, int> { ["staff"] = 3 }, At(2024, 3, 14, 8, 0));
        Assert.Empty(capped.Bundles);
    }

    [Fact]
    public void Muted_and_snoozed_officials_are_left_alone_until_then()
    {
        var due = At(2024, 3, 15);
        var muted = new NudgeTarget("c1", due, ["staff", "other"], [], MutedBy: new HashSet<string> { "staff" });
        var plan = _planner.Plan([muted], new HandledNudges(), new Dictionary<string, int>(), At(2024, 3, 14, 8, 0));
        Assert.Equal("other", Assert.Single(plan.Bundles).OfficialId);

        var snoozed = new NudgeTarget("c2", due, ["staff"], [], SnoozedUntil: new Dictionary<string, DateTimeOffset> { ["staff"] = At(2024, 3, 15, 7, 30) });
        Assert.Empty(_planner.Plan([snoozed], new HandledNudges(), new Dictionary<string, int>(), At(2024, 3, 14, 8, 0)).Bundles);
        Assert.Single(_planner.Plan([snoozed], new HandledNudges(), new Dictionary<string, int>(), At(2024, 3, 15, 8, 0)).Bundles);
    }

    [Fact]
    public void An_extension_re_plans_and_completion_stops_the_nudges()
    {
        var original = new NudgeTarget("d1", At(2024, 3, 15), ["staff"], []);
        var extended = original with { DueBefore = At(2024, 3, 29) };
        var handled = new HandledNudges();
        var first = _planner.Plan([original], handled, new Dictionary<string, int>(), At(2024, 3, 12, 8, 0));
        foreach (var n in first.Bundles.SelectMany(b => b.Nudges)) handled.Add(n);
        // After the extension the old keys do not block the new schedule.
        var sent = Simulate([extended], At(2024, 3, 13), At(2024, 3, 29), handled);
        Assert.Equal(["Before|3", "Before|1", "DueToday|0"], sent.Select(s => s.What));
        // Done: the host stops passing it as open, so nothing more comes.
        Assert.Empty(Simulate([], At(2024, 3, 29), At(2024, 4, 10), handled));
    }

    [Fact]
    public void An_official_who_joins_after_a_reminder_went_out_still_gets_it_and_the_others_not_again()
    {
        var handled = new HandledNudges();
        var before = new NudgeTarget("e1", At(2024, 3, 15), ["staff"], []);
        foreach (var n in _planner.Plan([before], handled, new Dictionary<string, int>(), At(2024, 3, 14, 8, 0)).Bundles.SelectMany(b => b.Nudges)) handled.Add(n);
        var joined = before with { Officials = ["staff", "newcomer"] };
        var plan = _planner.Plan([joined], handled, new Dictionary<string, int>(), At(2024, 3, 14, 9, 0));
        var bundle = Assert.Single(plan.Bundles);
        Assert.Equal("newcomer", bundle.OfficialId);
        Assert.Equal(NudgeKind.DueToday, Assert.Single(bundle.Nudges).Kind);
        // The newcomer's earlier reminders are passed over, not sent late.
        Assert.Equal(["newcomer", "newcomer"], plan.PassedOver.Select(n => n.OfficialId));
    }

    [Fact]
    public void A_long_list_planned_in_parallel_runs_gives_what_small_pieces_give_in_any_order()
    {
        // 60,000 targets: past the size where the planner cuts the list into runs per core.
        var random = new Random(3);
        var targets = Enumerable.Range(0, 60_000).Select(i => new NudgeTarget(
            $"p{i}", At(2024, 3, 1).AddDays(random.Next(0, 30)), [$"s{i % 700}", $"t{i % 300}"], [$"h{i % 50}"])).OrderBy(t => t.DueBefore).ToList();
        var now = At(2024, 3, 20, 9, 0);
        var handled = new HandledNudges();
        foreach (var t in targets.Where((_, i) => i % 3 == 0)) // a third were nudged already, for their latest reminder
            foreach (var n in _planner.Plan([t], new HandledNudges(), new Dictionary<string, int>(), now).Bundles.SelectMany(b => b.Nudges)) handled.Add(n);

        var whole = _planner.Plan(targets, handled, new Dictionary<string, int>(), now);
        var pieces = targets.Chunk(5_000).Select(c => _planner.Plan(c, handled, new Dictionary<string, int>(), now)).ToList();
        var shuffled = _planner.Plan(targets.OrderBy(_ => random.Next()).ToList(), handled, new Dictionary<string, int>(), now);

        Assert.Equal(Keys(pieces.SelectMany(p => p.Bundles.SelectMany(b => b.Nudges))), Keys(whole.Bundles.SelectMany(b => b.Nudges)));
        Assert.Equal(Keys(pieces.SelectMany(p => p.PassedOver)), Keys(whole.PassedOver));
        Assert.Equal(Keys(whole.Bundles.SelectMany(b => b.Nudges)), Keys(shuffled.Bundles.SelectMany(b => b.Nudges)));
        Assert.DoesNotContain(whole.Bundles.SelectMany(b => b.Nudges), handled.Contains);
        // One bundle per official, as the pieces would give after merging.
        Assert.Equal(whole.Bundles.Count, whole.Bundles.Select(b => b.OfficialId).Distinct().Count());

        static List<string> Keys(IEnumerable<Nudge> nudges) => [.. nudges.Select(n => n.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs the planner every 15 minutes on a fake clock and records what would be sent.</summary>
    private List<(string Official, string What, DateTimeOffset At)> Simulate(
        IReadOnlyList<NudgeTarget> open, DateTimeOffset from, DateTimeOffset to, HandledNudges? handled = null)
    {
        handled ??= new HandledNudges();
        var clock = new FakeTimeProvider(from);
        var sent = new List<(string, string, DateTimeOffset)>();
        var perDay = new Dictionary<(string, DateOnly), int>();
        while (clock.GetUtcNow() < to)
        {
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
            var counts = perDay.Where(p => p.Key.Item2 == today).ToDictionary(p => p.Key.Item1, p => p.Value, StringComparer.Ordinal);
            var plan = _planner.Plan(open, handled, counts, now);
            foreach (var n in plan.PassedOver) Assert.True(handled.Add(n));
            foreach (var bundle in plan.Bundles)
            {
                perDay[(bundle.OfficialId, today)] = perDay.GetValueOrDefault((bundle.OfficialId, today)) + 1;
                foreach (var n in bundle.Nudges)
                {
                    Assert.True(handled.Add(n), $"{n.Key} planned twice");
                    sent.Add((n.OfficialId, $"{n.Kind}|{n.Step}", now));
                }
            }
            clock.Advance(TimeSpan.FromMinutes(15));
        }
        return sent;
    }
}

using Bot.Domain.Reminders;
using Bot.Domain.Time;

namespace Bot.Tests.Reminders;

/// <summary>The planner's view of the outbox: a nudge is known by (assignment, deadline, kind, step, official), nothing less.</summary>
public class HandledNudgesTests
{
    private static readonly DateTimeOffset Due = VietnamTime.FromLocal(new DateTime(2024, 3, 15));
    private static readonly DateTimeOffset Planned = VietnamTime.FromLocal(new DateTime(2024, 3, 14, 7, 30, 0));

    private static Nudge N(string assignment, string official, NudgeKind kind = NudgeKind.DueToday, int step = 0, DateTimeOffset? due = null) =>
        new(assignment, official, kind, step, due ?? Due, Planned);

    [Fact]
    public void A_nudge_is_held_once_and_counted_once()
    {
        var handled = new HandledNudges();
        Assert.True(handled.Add(N("a1", "0901")));
        Assert.False(handled.Add(N("a1", "0901")));
        Assert.True(handled.Add(N("a1", "0902")));
        Assert.Equal(2, handled.Count);
        Assert.True(handled.Contains(N("a1", "0901")));
        Assert.True(handled.Contains(N("a1", "0902")));
    }

    [Fact]
    public void Deadlines_that_left_the_window_are_let_go_and_the_rest_kept()
    {
        var handled = new HandledNudges();
        handled.Add(N("a1", "0901", due: Due.AddDays(-3)));
        handled.Add(N("a1", "0902", due: Due.AddDays(-3)));
        handled.Add(N("a2", "0901"));
        handled.Add(N("a3", "0901", NudgeKind.Overdue, 1, Due.AddDays(2)));

        handled.Forget(Due);

        Assert.Equal(2, handled.Count);
        Assert.False(handled.Contains(N("a1", "0901", due: Due.AddDays(-3))));
        Assert.True(handled.Contains(N("a2", "0901")));
        Assert.True(handled.Contains(N("a3", "0901", NudgeKind.Overdue, 1, Due.AddDays(2))));
    }

    [Theory]
    [InlineData("a2", "0901", NudgeKind.DueToday, 0, 0)]  // another assignment
    [InlineData("a1", "0903", NudgeKind.DueToday, 0, 0)]  // another official
    [InlineData("a1", "0901", NudgeKind.Overdue, 0, 0)]   // another kind
    [InlineData("a1", "0901", NudgeKind.Overdue, 1, 0)]
    [InlineData("a1", "0901", NudgeKind.DueToday, 1, 0)]  // another step
    [InlineData("a1", "0901", NudgeKind.DueToday, 0, 7)]  // the deadline was extended
    public void Any_other_nudge_is_not_held(string assignment, string official, NudgeKind kind, int step, int extendedByDays)
    {
        var handled = new HandledNudges();
        handled.Add(N("a1", "0901"));
        handled.Add(N("a1", "0902"));
        Assert.False(handled.Contains(N(assignment, official, kind, step, Due.AddDays(extendedByDays))));
        Assert.DoesNotContain(official, handled.Of(Due.AddDays(extendedByDays), kind, step).For(assignment).ToArray());
    }

    [Fact]
    public void An_assignment_with_nothing_recorded_holds_nothing()
    {
        var handled = new HandledNudges();
        Assert.True(handled.Of(Due, NudgeKind.DueToday, 0).For("a1").IsEmpty);
        Assert.Equal(0, handled.Count);
    }

    [Fact]
    public void The_officials_of_a_reminder_are_all_there_in_any_order_of_adding()
    {
        var handled = new HandledNudges();
        foreach (var official in new[] { "0903", "0901", "0902" }) handled.Add(N("a1", official));
        foreach (var official in new[] { "0902", "0903" }) handled.Add(N("a2", official));
        Assert.Equal(["0901", "0902", "0903"], handled.Of(Due, NudgeKind.DueToday, 0).For("a1").ToArray());
        Assert.Equal(["0902", "0903"], handled.Of(Due, NudgeKind.DueToday, 0).For("a2").ToArray());
    }

    [Fact]
    public void Many_assignments_fill_and_grow_the_tables_without_losing_one()
    {
        var handled = new HandledNudges();
        for (var i = 0; i < 50_000; i++) handled.Add(N($"a{i}", i % 2 == 0 ? "0901" : "0902", NudgeKind.Overdue, i % 5 + 1));
        Assert.Equal(50_000, handled.Count);
        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(handled.Contains(N($"a{i}", i % 2 == 0 ? "0901" : "0902", NudgeKind.Overdue, i % 5 + 1)));
            Assert.False(handled.Contains(N($"a{i}", i % 2 == 0 ? "0902" : "0901", NudgeKind.Overdue, i % 5 + 1)));
            Assert.False(handled.Contains(N($"a{i}", "0901", NudgeKind.Overdue, i % 5 + 2)));
        }
        Assert.False(handled.Contains(N("a50000", "0901", NudgeKind.Overdue, 1)));
    }

    [Fact]
    public void Reminders_of_old_and_new_deadlines_are_kept_apart()
    {
        var handled = new HandledNudges();
        handled.Add(N("a1", "0901", NudgeKind.Before, 3));
        handled.Add(N("a1", "0901", NudgeKind.Before, 3, Due.AddDays(14)));
        handled.Add(N("a1", "0901", NudgeKind.Before, 1));
        Assert.Equal(3, handled.Count);
        Assert.Equal(["0901"], handled.Of(Due, NudgeKind.Before, 3).For("a1").ToArray());
        Assert.Equal(["0901"], handled.Of(Due.AddDays(14), NudgeKind.Before, 3).For("a1").ToArray());
        Assert.True(handled.Of(Due.AddDays(14), NudgeKind.Before, 1).For("a1").IsEmpty);
    }
}

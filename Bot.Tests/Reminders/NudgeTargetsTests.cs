using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;

namespace Bot.Tests.Reminders;

/// <summary>Who is nudged about an assignment, and who hears when it is very late.</summary>
public class NudgeTargetsTests
{
    private static readonly UnitDirectory Units = new(
        [new Unit("VP", "Văn phòng HĐND và UBND huyện", UnitKind.Office, [], null), new Unit("NV", "Phòng Nội vụ", UnitKind.Department, [], null)], []);

    private static readonly DateTimeOffset Due = new(2023, 10, 23, 10, 0, 0, TimeSpan.Zero);

    private static Official O(string phone, string unit, Role role = Role.Staff, bool linked = true) => new()
    {
        Phone = phone, Name = phone, UnitCode = unit, Role = role, ChatAccounts = linked ? [new ChatAccount("telegram", phone)] : [],
    };

    private static OpenTask A(string id, DateTimeOffset? due) => new(id, "NV", due);

    private static OpenTask A(string id) => A(id, Due);

    [Fact]
    public void Carriers_are_the_units_linked_officials_escalation_goes_to_its_head_and_the_district_office()
    {
        var officials = new[]
        {
            O("01", "NV"), O("02", "NV", Role.UnitHead), O("03", "NV", linked: false), O("04", "NV"), O("05", "NV"),
            O("10", "VP"), O("11", "VP", Role.UnitHead),
        };
        var prefs = new Dictionary<string, OfficialPreferences>(StringComparer.Ordinal)
        {
            ["04"] = new("04") { MutedAll = true },
            ["05"] = new("05") { UnreachableSince = Due },
            ["01"] = new("01") { MutedAssignments = new HashSet<string> { "a1" }, Snoozed = new Dictionary<string, DateTimeOffset> { ["a1"] = Due.AddDays(1) } },
        };
        var targets = NudgeTargets.Build([A("a1"), A("no-deadline", null), A("a2")], officials, Units, prefs, ["telegram"]);

        Assert.Equal(["a1", "a2"], targets.Select(t => t.AssignmentId));
        var t1 = targets[0];
        Assert.Equal(["01", "02"], t1.Officials.ToArray());
        Assert.Equal(["02", "10", "11"], t1.EscalateTo.ToArray());
        Assert.Equal(["01"], t1.MutedBy!);
        Assert.Equal(Due.AddDays(1), t1.SnoozedUntil!["01"]);
        Assert.Null(targets[1].MutedBy);
    }

    [Fact]
    public void The_window_covers_the_whole_policy_around_Tet()
    {
        var (from, to) = NudgeTargets.Window(ReminderPolicy.Default, Due);
        Assert.Equal(Due - NudgeTargets.Reach, from);
        Assert.Equal(Due + NudgeTargets.Reach, to);
        // A policy reaching further widens it.
        var (longFrom, _) = NudgeTargets.Window(ReminderPolicy.Default with { WorkingDaysAfter = 20 }, Due);
        Assert.True(longFrom < from);
    }
}

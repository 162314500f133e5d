using Bot.Domain.Assignments;
using Bot.Domain.Desk;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Tests.Organization;

namespace Bot.Tests.Desk;

/// <summary>
/// What a corrected version changes in the published one (pure): tasks added, removed, changed — units, deadline, words —
/// as the importer pairs them, and what each change is for one unit; and who is told of it.
/// </summary>
public sealed class CorrectionsTests
{
    private static readonly UnitDirectory Units = TestUnits.TuKy;
    private static readonly DateTimeOffset Oct30 = new(2023, 10, 30, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Nov15 = new(2023, 11, 15, 0, 0, 0, TimeSpan.FromHours(7));

    private static readonly DirectiveTask Plan = Task("1", "Phòng Nội vụ xây dựng kế hoạch kiểm tra công tác cải cách hành chính", ["Phòng Nội vụ"], Oct30);
    private static readonly DirectiveTask Review = Task("2", "Phòng Tư pháp rà soát thủ tục hành chính thuộc lĩnh vực tư pháp, hộ tịch", ["Phòng Tư pháp"], Oct30);
    private static readonly DirectiveTask Monthly = Task("3", "Các xã, thị trấn báo cáo kết quả thực hiện hằng tháng", ["UBND các xã, thị trấn"], rule: "FREQ=MONTHLY;BYMONTHDAY=15");

    private static DirectiveTask Task(string @ref, string text, string[] lead, DateTimeOffset? due = null, string? rule = null, TaskKind kind = TaskKind.Task) =>
        new(@ref, kind, text, lead, [], null, due, rule);

    private static TrackedDirective Published(params DirectiveTask[] tasks) =>
        new("d1", new Directive("1301/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 10, 18), "Công văn", "V/v thử", null, null, [], tasks),
            "h", "cv.txt", Oct30.AddDays(-12), true, [.. tasks.Select((t, i) => new TrackedTask($"d1.{i + 1}", t))], tasks.Length + 1, []);

    private static IReadOnlyList<TaskChange> Diff(TrackedDirective before, params DirectiveTask[] next) => Corrections.Between(before, next, Units, []);

    [Fact]
    public void The_same_tasks_again_change_nothing()
    {
        Assert.Empty(Diff(Published(Plan, Review, Monthly), Plan, Review with { Text = Review.Text + "  " }, Monthly));
    }

    [Fact]
    public void A_moved_deadline_is_a_change_for_the_units_that_keep_the_task()
    {
        var change = Assert.Single(Diff(Published(Plan, Review), Plan, Review with { DueBefore = Nov15 }));
        Assert.Equal((ChangeKind.Changed, "d1.2", 2), (change.Kind, change.TaskId, change.Number));
        Assert.Equal((Oct30, Nov15), (change.DueBefore!.Value, change.DueAfter!.Value));
        Assert.True(change.DeadlineChanged);
        Assert.Null(change.TextBefore);
        Assert.Equal(ChangeKind.Changed, change.For("TP"));
        Assert.Null(change.For("NV"));
    }

    [Fact]
    public void Other_units_are_added_to_the_new_ones_and_removed_from_the_old_ones()
    {
        var change = Assert.Single(Diff(Published(Plan, Review), Plan, Review with { Lead = ["Phòng Nội vụ", "Phòng Văn hóa và Thông tin"] }));
        Assert.Equal(["NV", "VHTT"], change.UnitsAdded);
        Assert.Equal(["TP"], change.UnitsRemoved);
        Assert.Equal(ChangeKind.Removed, change.For("TP"));
        Assert.Equal(ChangeKind.Added, change.For("NV"));
        Assert.False(change.DeadlineChanged);
    }

    [Fact]
    public void A_task_gone_is_removed_from_its_units_and_a_new_one_is_added_with_its_place()
    {
        var added = Task("3", "Phòng Văn hóa và Thông tin tuyên truyền kết quả cải cách hành chính trên đài truyền thanh", ["Phòng Văn hóa và Thông tin"], Nov15);
        var changes = Diff(Published(Plan, Review), Plan, added);
        var removed = Assert.Single(changes, c => c.Kind == ChangeKind.Removed);
        Assert.Equal("d1.2", removed.TaskId);
        Assert.Equal(["TP"], removed.UnitsBefore);
        Assert.Null(removed.Number);
        var fresh = Assert.Single(changes, c => c.Kind == ChangeKind.Added);
        Assert.Equal((2, Nov15), (fresh.Number!.Value, fresh.DueAfter!.Value));
        Assert.Equal(["VHTT"], fresh.UnitsAfter);
        Assert.Equal(ChangeKind.Added, fresh.For("VHTT"));
    }

    [Fact]
    public void Reworded_text_under_the_same_ref_is_changed_words_and_groups_count_as_their_members()
    {
        var reworded = Monthly with { Text = "Các xã, thị trấn báo cáo kết quả thực hiện định kỳ hằng tháng về Phòng Nội vụ" };
        var change = Assert.Single(Diff(Published(Plan, Monthly), Plan, reworded with { Recurrence = "FREQ=MONTHLY;BYMONTHDAY=20" }));
        Assert.Equal(Monthly.Text, change.TextBefore);
        Assert.True(change.DeadlineChanged); // the day of the month moved
        Assert.Equal(23, change.UnitsAfter.Count);
        Assert.Equal(ChangeKind.Changed, change.For("X-DAISON"));
    }

    [Fact]
    public void Requests_to_outside_bodies_are_not_tracked_work_and_do_not_count()
    {
        var party = Task("4", "Đề nghị Ủy ban MTTQ huyện phối hợp giám sát", ["Ủy ban MTTQ huyện"], kind: TaskKind.Request);
        Assert.Empty(Diff(Published(Plan), Plan, party));
    }

    [Fact]
    public void Each_linked_official_of_a_concerned_unit_is_told_once_and_others_not_at_all()
    {
        var before = Published(Plan, Review);
        var correction = new DirectiveCorrection(1, Oct30, "0900000038", Diff(before, Plan, Review with { Lead = ["Phòng Văn hóa và Thông tin"] }));
        Official Linked(string phone, string unit) => new() { Phone = phone, Name = phone, UnitCode = unit, Role = Role.Staff, ChatAccounts = [new ChatAccount("telegram", phone)] };
        var officials = new Dictionary<string, IReadOnlyList<Official>>
        {
            ["TP"] = [Linked("05", "TP"), Linked("06", "TP") with { ChatAccounts = [] }],
            ["VHTT"] = [Linked("07", "VHTT")],
            ["NV"] = [Linked("04", "NV")],
        };
        var plan = CorrectionNotices.Plan(before, correction, u => officials.GetValueOrDefault(u) ?? [], Oct30);
        Assert.Equal(["05", "07"], plan.Bundles.Select(b => b.OfficialId).Order());
        var nudge = Assert.Single(plan.Bundles[0].Nudges);
        Assert.Equal((NudgeKind.Corrected, 1, "d1"), (nudge.Kind, nudge.Step, nudge.AssignmentId));
        Assert.NotEqual(nudge.Key, new Nudge("d1", "05", NudgeKind.Corrected, 2, Oct30.AddDays(1), Oct30).Key); // a second correction is news
    }

    [Theory]
    [InlineData("d1.2/TP/-|638000000000000000|NewTask|0|0900000005", true)]
    [InlineData("d1|638000000000000000|Corrected|1|0900000005", true)]
    [InlineData("d1.2/TP/-|638000000000000000|Before|3|0900000005", false)]
    public void Announcements_are_told_apart_from_reminders_by_their_keys_and_use_no_daily_quota(string key, bool announcement)
    {
        var kind = Nudge.KindOf(key);
        Assert.Equal(announcement, NudgeKinds.IsAnnouncement(kind));
        Assert.Equal(!announcement, Nudge.CountsTowardDailyCap(kind));
    }
}

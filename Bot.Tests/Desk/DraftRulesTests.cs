using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Desk;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Hosting;
using Bot.Tests.Organization;

namespace Bot.Tests.Desk;

/// <summary>The desk's rules, pure: drafts from read directives, the office's edits, what blocks publishing, and the notices' bundling.</summary>
public sealed class DraftRulesTests
{
    private static readonly WorkCalendar Calendar = new(HolidayPlan.Parse(ConfigFiles.Read(ConfigFiles.Holidays)));
    private static readonly UnitDirectory Units = TestUnits.TuKy;
    private static readonly DateTimeOffset Friday = new(2023, 10, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DeskPolicy Policy = new(HoaToc: 1, ThuongKhan: 2, Khan: 3, Normal: 10);

    private static DirectiveTask Task(string text, string[] lead, DateTimeOffset? due = null, string? rule = null, TaskKind kind = TaskKind.Task) =>
        new("1", kind, text, lead, [], due is null ? null : "trước ngày 30/10/2023", due, rule);

    private static Draft Draft(string? urgency, params DirectiveTask[] tasks)
    {
        var directive = new Directive("1301/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 10, 18), "CÔNG VĂN", "V/v thử", null, null, [], tasks) { Urgency = urgency };
        return Drafts.Start("d1", "0900000038", "telegram:1", new ReadDirective(directive, "văn bản", "cv.txt"), "f1", Policy, Calendar, Friday);
    }

    [Theory]
    [InlineData("Hỏa tốc", "2023-10-24")]   // Friday + 1 working day is Monday: due before Tuesday
    [InlineData("THƯỢNG KHẨN", "2023-10-25")]
    [InlineData("Khẩn", "2023-10-26")]
    [InlineData(null, "2023-11-04")]          // 10 working days: Friday 03/11, due before Saturday
    public void A_task_without_a_deadline_gets_the_urgency_default_proposed_and_marked(string? urgency, string dueBefore)
    {
        var draft = Draft(urgency, Task("Phòng Nội vụ rà soát", ["Phòng Nội vụ"]));
        var task = draft.Tasks[0];
        Assert.True(task.DeadlineProposed);
        Assert.Equal(VietnamTime.StartOfDay(DateOnly.Parse(dueBefore, System.Globalization.CultureInfo.InvariantCulture)), task.Task.DueBefore);
        Assert.Contains(Drafts.Doubts(task), d => d.Contains("đề xuất", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadlines_repetitions_and_requests_are_kept_as_read()
    {
        var due = new DateTimeOffset(2023, 10, 30, 0, 0, 0, TimeSpan.FromHours(7));
        var draft = Draft(null, Task("a", ["Phòng Nội vụ"], due), Task("b", ["Phòng Tư pháp"], rule: "FREQ=MONTHLY;BYMONTHDAY=20"),
            Task("c", ["Mặt trận Tổ quốc"], kind: TaskKind.Request));
        Assert.All(draft.Tasks, t => Assert.False(t.DeadlineProposed));
        Assert.Equal(due, draft.Tasks[0].Task.DueBefore);
        Assert.Null(draft.Tasks[2].Task.DueBefore);
    }

    [Fact]
    public void The_card_puts_what_to_check_first_and_keeps_the_numbers()
    {
        var due = new DateTimeOffset(2023, 10, 30, 0, 0, 0, TimeSpan.FromHours(7));
        var draft = Draft(null, Task("a", ["Phòng Nội vụ"], due), Task("b", ["Phòng Tư pháp"]), Task("c", ["Phòng Y tế"], due));
        Assert.Equal([2, 1, 3], Drafts.ReviewOrder(draft));
    }

    [Fact]
    public void Related_bodies_unknown_units_and_unassigned_tasks_block_publishing_until_edited()
    {
        var draft = Draft(null, Task("a", ["Các cơ quan, đơn vị liên quan"]), Task("b", ["Sở Ngoại vụ Atlantis"]), Task("c", []));
        var problems = Drafts.Problems(draft, Units);
        Assert.Equal(3, problems.Count);
        Assert.Contains("nhiệm vụ 1: «Các cơ quan, đơn vị liên quan» cần chọn đơn vị cụ thể", problems);
        Assert.Contains("nhiệm vụ 2: «Sở Ngoại vụ Atlantis» không có trong danh bạ đơn vị", problems);
        Assert.Contains("nhiệm vụ 3: chưa có đơn vị thực hiện", problems);

        draft = Drafts.WithUnits(draft, 1, ["Phòng Nội vụ"]);
        draft = Drafts.ToggleLead(Drafts.WithUnits(draft, 2, []), 2, "Phòng Tư pháp");
        draft = Drafts.Drop(draft, 3);
        Assert.Empty(Drafts.Problems(draft, Units));
        Assert.Equal(2, draft.Tasks.Count);

        Assert.Equal(["chưa có nhiệm vụ nào để giao"], Drafts.Problems(Drafts.Drop(Drafts.Drop(draft, 1), 1), Units));
    }

    [Theory]
    [InlineData("phong noi vu, phoi hop phong tu phap", "Phòng Nội vụ", "Phòng Tư pháp")]
    [InlineData("Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin", "")]
    [InlineData("xã Đại Sơn và xã Hà Kỳ", "Xã Đại Sơn;Xã Hà Kỳ", "")]
    [InlineData("chủ trì: Phòng Y tế; phối hợp: Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Phòng Giáo dục và Đào tạo")]
    [InlineData("UBND các xã, thị trấn", "UBND các xã, thị trấn", "")]
    public void Units_are_read_as_typed_accents_optional(string typed, string lead, string support)
    {
        var read = Drafts.ReadUnits(typed, Units, out var unknown);
        Assert.Null(unknown);
        Assert.NotNull(read);
        Assert.Equal(lead.Split(';', StringSplitOptions.RemoveEmptyEntries), read.Value.Lead);
        Assert.Equal(support.Split(';', StringSplitOptions.RemoveEmptyEntries), read.Value.Support);
    }

    [Fact]
    public void A_unit_not_in_the_directory_is_named_back()
    {
        Assert.Null(Drafts.ReadUnits("Phòng Nội vụ, Sở Ngoại vụ Atlantis", Units, out var unknown));
        Assert.Equal("Sở Ngoại vụ Atlantis", unknown);
    }

    [Theory]
    [InlineData("trước 15/11", "2023-11-15", null)]
    [InlineData("hằng tháng trước ngày 20", null, "FREQ=MONTHLY")]
    public void A_typed_deadline_replaces_the_proposed_one(string typed, string? dueBefore, string? rule)
    {
        var draft = Draft(null, Task("a", ["Phòng Nội vụ"]));
        var mention = new TimeRecognizer(Calendar).Recognize(typed, VietnamTime.ToLocal(Friday))[0];
        var edited = Drafts.WithDeadline(draft, 1, mention).Tasks[0];
        Assert.False(edited.DeadlineProposed);
        Assert.Equal(typed, edited.Task.DeadlineText);
        if (dueBefore is not null) Assert.Equal(VietnamTime.StartOfDay(DateOnly.Parse(dueBefore, System.Globalization.CultureInfo.InvariantCulture)), edited.Task.DueBefore);
        if (rule is not null) Assert.StartsWith(rule, edited.Task.Recurrence, StringComparison.Ordinal);
        Assert.Empty(Drafts.Doubts(edited));
    }

    [Fact]
    public void A_typed_task_is_added_at_the_end_with_the_default_deadline()
    {
        var draft = Drafts.Add(Draft(null, Task("a", ["Phòng Nội vụ"])), Task("Phòng Y tế kiểm tra", ["Phòng Y tế"]), Policy, Calendar, Friday);
        Assert.Equal(2, draft.Tasks.Count);
        Assert.Equal("+1", draft.Tasks[1].Task.Ref);
        Assert.True(draft.Tasks[1].DeadlineProposed);
    }

    // ---- notices -------------------------------------------------------------------------------

    private static Official Person(string phone, string unit, bool linked = true) => new()
    {
        Phone = phone, Name = phone, UnitCode = unit, Role = Role.Staff,
        ChatAccounts = linked ? [new ChatAccount("telegram", phone)] : [],
    };

    private static Assignment Assigned(string task, string unit, DateTimeOffset? due, DateOnly? period = null, bool done = false) => new()
    {
        Id = Assignment.MakeId(task, unit, period), DirectiveId = "d", DirectiveNumber = "1301/UBND-VP", TaskId = task, TaskRef = task,
        TaskText = "việc " + task, UnitCode = unit, Part = UnitPart.Lead, Period = period, DueBefore = due, Status = done ? AssignmentStatus.Done : AssignmentStatus.Open,
        Completion = done ? new Completion("x", "x", Friday, null) : null, CreatedAt = Friday,
    };

    [Fact]
    public void Each_linked_official_gets_one_notice_per_directive_naming_each_task_once()
    {
        var nov = new DateTimeOffset(2023, 11, 20, 0, 0, 0, TimeSpan.FromHours(7));
        var assignments = new[]
        {
            Assigned("t1", "NV", nov.AddDays(-10)),
            Assigned("t2", "NV", nov, new DateOnly(2023, 11, 1)),            // a monthly duty: its first period only
            Assigned("t2", "NV", nov.AddMonths(1), new DateOnly(2023, 12, 1)),
            Assigned("t2", "TP", nov, new DateOnly(2023, 11, 1)),
            Assigned("t3", "TP", nov, done: true),                          // already done: nothing to announce
        };
        var officials = new Dictionary<string, Official[]>
        {
            ["NV"] = [Person("0900000004", "NV"), Person("0900000040", "NV"), Person("0900000041", "NV", linked: false)],
            ["TP"] = [Person("0900000005", "TP")],
        };
        var plan = NewTaskNotices.Plan(assignments, unit => officials.GetValueOrDefault(unit) ?? [], Friday);

        Assert.Equal(["0900000004", "0900000040", "0900000005"], plan.Bundles.Select(b => b.OfficialId));
        Assert.All(plan.Bundles, b => Assert.All(b.Nudges, n => Assert.Equal(NudgeKind.NewTask, n.Kind)));
        Assert.Equal(["t1/NV/-", "t2/NV/20231101"], plan.Bundles[0].Nudges.Select(n => n.AssignmentId));
        Assert.Equal(["t2/TP/20231101"], plan.Bundles[2].Nudges.Select(n => n.AssignmentId));
        Assert.Empty(plan.PassedOver);
    }

    [Fact]
    public void A_notice_is_recorded_once_however_often_the_directive_is_published()
    {
        using var world = BotWorld.Create();
        using var bot = world.Open();
        var plan = NewTaskNotices.Plan([Assigned("t1", "NV", Friday.AddDays(10))], _ => [Person("0900000004", "NV")], Friday);
        Assert.Single(bot.Store.Outbox.Record(plan, Friday));
        Assert.Empty(bot.Store.Outbox.Record(plan, Friday.AddMinutes(5)));
        // A deadline moved by a corrected version is news: it is told again.
        var moved = NewTaskNotices.Plan([Assigned("t1", "NV", Friday.AddDays(12))], _ => [Person("0900000004", "NV")], Friday);
        Assert.Single(bot.Store.Outbox.Record(moved, Friday.AddMinutes(10)));
    }
}

using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reports;
using Bot.Tests.Organization;

namespace Bot.Tests.Storage;

/// <summary>The assignment store's contract: the same tests on a LiteDB file and on PostgreSQL.</summary>
public abstract class AssignmentStoreContract(IStoreUnderTest stores) : IDisposable
{
    private const string Communes = "UBND các xã, thị trấn";
    private readonly IStoreUnderTest _temp = stores;
    private readonly UnitDirectory _units = TestUnits.TuKy;

    private static readonly Official Admin = new() { Phone = "0900000001", Name = "Đỗ Minh Quản", UnitCode = "UBND", Role = Role.Admin };
    private static readonly Official Leader = new() { Phone = "0900000002", Name = "Phạm Văn Lãnh", UnitCode = "UBND", Role = Role.DistrictLeader };
    private protected static readonly Official NoiVu = new() { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff };
    private protected static readonly Official NoiVuHead = new() { Phone = "0900000040", Name = "Lê Văn Cường", UnitCode = "NV", Role = Role.UnitHead };
    private static readonly Official DaiSon = new() { Phone = "0900000020", Name = "Vũ Thị Giang", UnitCode = "X-DAISON", Role = Role.Staff };

    private static DirectiveTask Task(string @ref, string text, string[] lead, DateTimeOffset? due = null, string? rrule = null, string[]? support = null) =>
        new(@ref, TaskKind.Task, text, lead, support ?? [], null, due, rrule);

    private protected static DateTimeOffset Vn(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(7));

    private static ReadDirective Read(string number, string text, params DirectiveTask[] tasks) =>
        new(new Directive(number, "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 25), "Công văn", "V/v thử", null, null, [], tasks), text, number + ".txt");

    private protected static readonly ReadDirective Original = Read("1259/UBND-VP", "Bản gốc: ba nhiệm vụ",
        Task("1", "Rà soát thủ tục hành chính nội bộ của cơ quan, đơn vị", [Communes], Vn(2023, 12, 1)),
        Task("2", "Theo dõi, đánh giá kết quả thực hiện và báo cáo", ["Phòng Nội vụ"], Vn(2023, 10, 25, 16), support: ["Văn phòng HĐND và UBND huyện"]),
        Task("3", "Báo cáo kết quả thực hiện trước ngày 15 hằng tháng", ["Phòng Nội vụ"], rrule: "FREQ=MONTHLY;BYMONTHDAY=15"));

    private protected DirectiveImporter Importer(Bot.Storage.IStore store) => new(store.Assignments, _units, _temp.Clock);

    [Fact]
    public void Publishing_fans_groups_out_to_every_member_and_repeats_per_period()
    {
        var store = _temp.Open();
        var result = Importer(store).Import(Original, publish: true, [], "cli");
        Assert.Equal(ImportOutcome.New, result.Outcome);
        Assert.Empty(result.Problems);
        var all = store.Assignments.OfDirective(result.Directive.Id);
        Assert.Equal(23, all.Count(a => a.TaskRef == "1"));                                   // every commune and the town
        Assert.Equal(["NV", "VP"], all.Where(a => a.TaskRef == "2").Select(a => a.UnitCode).Order());
        Assert.Equal(UnitPart.Support, all.Single(a => a.TaskRef == "2" && a.UnitCode == "VP").Part);
        var monthly = all.Where(a => a.TaskRef == "3").OrderBy(a => a.DueBefore).ToList();
        Assert.Equal([Vn(2023, 10, 15), Vn(2023, 11, 15), Vn(2023, 12, 15)], monthly.Select(a => a.DueBefore!.Value));
        Assert.Equal(23 + 2 + 3, result.Saved.Inserted);
    }

    [Fact]
    public void Importing_the_same_file_again_changes_nothing()
    {
        var store = _temp.Open();
        var first = Importer(store).Import(Original, publish: true, [], "cli");
        store.Assignments.Confirm(Assignment.MakeId(first.Directive.Tasks[1].Id, "NV", null), NoiVu);
        var again = Original with { Text = "Bản gốc:\r\n  ba   nhiệm vụ\n" }; // same text, other line ends and spaces
        var second = Importer(store).Import(again, publish: true, [], "cli");
        Assert.Equal(ImportOutcome.Unchanged, second.Outcome);
        Assert.Equal(new SaveResult(0, 0, 0), second.Saved);
        Assert.Equal(28, store.Assignments.OfDirective(first.Directive.Id).Count);
        Assert.True(store.Assignments.Get(Assignment.MakeId(first.Directive.Tasks[1].Id, "NV", null))!.IsDone);
    }

    [Fact]
    public void The_same_text_published_again_with_other_edits_is_a_new_version_and_keeps_its_original()
    {
        var store = _temp.Open();
        var first = Importer(store).Import(Original with { OriginalId = "f1" }, publish: true, [], "chat");
        store.Assignments.Confirm(Assignment.MakeId(first.Directive.Tasks[0].Id, "X-DAISON", null), DaiSon);
        // The office sends the same file again and moves task 2's deadline on the card: the edit is published.
        var tasks = Original.Directive.Tasks.ToList();
        tasks[1] = tasks[1] with { DueBefore = Vn(2023, 11, 10) };
        var edited = Original with { Directive = Original.Directive with { Tasks = tasks }, OriginalId = "f1" };
        var second = Importer(store).Import(edited, publish: true, [], "chat");
        Assert.Equal(ImportOutcome.Corrected, second.Outcome);
        Assert.Equal(first.Directive.Id, second.Directive.Id);
        Assert.Equal(Vn(2023, 11, 10), store.Assignments.Get(Assignment.MakeId(first.Directive.Tasks[1].Id, "NV", null))!.DueBefore);
        Assert.True(store.Assignments.Get(Assignment.MakeId(first.Directive.Tasks[0].Id, "X-DAISON", null))!.IsDone);
        Assert.Equal(ImportOutcome.Unchanged, Importer(store).Import(edited, publish: true, [], "chat").Outcome);
        Assert.Equal("f1", store.Assignments.FindDirective(first.Directive.Id)!.OriginalId);
        // A file sent later for a version imported as text is kept with it.
        var text = Importer(store).Import(Read("88/UBND-VP", "Văn bản 88", Task("1", "Kiểm tra", ["Phòng Nội vụ"], Vn(2023, 12, 1))), publish: true, [], "cli");
        Assert.Null(text.Directive.OriginalId);
        Importer(store).Import(Read("88/UBND-VP", "Văn bản 88", Task("1", "Kiểm tra", ["Phòng Nội vụ"], Vn(2023, 12, 1))) with { OriginalId = "f2" }, publish: true, [], "chat");
        Assert.Equal("f2", store.Assignments.FindDirective(text.Directive.Id)!.OriginalId);
    }

    [Fact]
    public void Directives_are_found_by_number_as_typed_and_the_repeating_ones_are_listed()
    {
        var store = _temp.Open();
        var monthly = Importer(store).Import(Original, publish: true, [], "cli").Directive;
        var once = Importer(store).Import(Read("1260/UBND-VP", "Một lần", Task("1", "Kiểm tra", ["Phòng Nội vụ"], Vn(2023, 12, 1))), publish: true, [], "cli").Directive;
        var unpublished = Importer(store).Import(Read("1261/UBND-VP", "Chưa giao", Task("1", "Báo cáo hằng quý", ["Phòng Nội vụ"], rrule: "FREQ=MONTHLY;INTERVAL=3")), publish: false, [], "cli").Directive;
        Assert.Equal([monthly.Id], store.Assignments.DirectivesByNumber("1259").Select(d => d.Id));
        Assert.Equal([monthly.Id], store.Assignments.DirectivesByNumber("1259/ubnd-vp").Select(d => d.Id));
        Assert.Equal([unpublished.Id], store.Assignments.DirectivesByNumber("1261").Select(d => d.Id)); // published or not
        Assert.Empty(store.Assignments.DirectivesByNumber("126"));
        Assert.Equal([monthly.Id], store.Assignments.RepeatingDirectiveIds()); // not the one-off, not the unpublished
        Assert.NotEqual(once.Id, monthly.Id);
    }

    private protected static readonly ReadDirective Unnumbered = new(
        new Directive(null, "UBND huyện Tứ Kỳ", new DateOnly(2023, 10, 19), "Công văn", "V/v hoàn thành và nâng cao chất lượng cải cách thủ tục hành chính",
            null, null, [], [Task("1", "Rà soát, công khai thủ tục hành chính", ["Phòng Nội vụ"], Vn(2023, 12, 1))]),
        "Văn bản chưa số", "chua-so.txt");

    /// <summary>After an upgrade: Phòng Nội vụ's work of <see cref="Unnumbered"/> is named by its subject and date, the numbered work by its number alone.</summary>
    private protected static void AssertUnnumberedWorkIsNamed(Bot.Storage.IStore store)
    {
        var all = store.Assignments.OpenOfUnit("NV");
        Assert.Equal(new DirectiveName(null, Unnumbered.Directive.Subject, new DateOnly(2023, 10, 19)), all.Single(a => a.DirectiveNumber is null).DirectiveName);
        Assert.All(all.Where(a => a.DirectiveNumber is not null), a => Assert.Null(a.DirectiveSubject));
    }

    [Fact]
    public void Work_of_a_directive_without_a_number_is_named_by_its_subject_and_date_after_a_restart()
    {
        string unnumbered, numbered;
        using (var store = _temp.Open())
        {
            unnumbered = Importer(store).Import(Unnumbered, publish: true, [], "cli").Directive.Id;
            numbered = Importer(store).Import(Original, publish: true, [], "cli").Directive.Id;
            Importer(store).Import(Read("1261/UBND-VP", "Chưa giao", Task("1", "Kiểm tra", ["Phòng Nội vụ"], Vn(2023, 12, 1))), publish: false, [], "cli");
        }
        using var reopened = _temp.Open();
        var work = Assert.Single(reopened.Assignments.OfDirective(unnumbered));
        Assert.Equal(new DirectiveName(null, Unnumbered.Directive.Subject, new DateOnly(2023, 10, 19)), work.DirectiveName);
        Assert.Equal(work.DirectiveName, reopened.Assignments.Get(work.Id)!.DirectiveName);
        // A number names a directive alone: its work carries no subject.
        Assert.All(reopened.Assignments.OfDirective(numbered), a => Assert.Equal(new DirectiveName("1259/UBND-VP", null, null), a.DirectiveName));
        // The published directives, whole names and all, for a question by subject; not the one never published.
        Assert.Equal(
            new[] { new DirectiveTitle(unnumbered, DirectiveName.Of(Unnumbered.Directive)), new DirectiveTitle(numbered, DirectiveName.Of(Original.Directive)) }
                .OrderBy(t => t.Id, StringComparer.Ordinal),
            reopened.Assignments.PublishedTitles());
    }

    [Fact]
    public void A_corrected_version_updates_its_tasks_and_keeps_confirmed_work()
    {
        var store = _temp.Open();
        var first = Importer(store).Import(Original, publish: true, [], "cli");
        var reviewId = Assignment.MakeId(first.Directive.Tasks[1].Id, "NV", null);
        var communeId = Assignment.MakeId(first.Directive.Tasks[0].Id, "X-DAISON", null);
        store.Assignments.Confirm(reviewId, NoiVu, "Đã gửi báo cáo");
        store.Assignments.Confirm(communeId, DaiSon);

        // The corrected version inserts a task at the top (renumbering the rest), rewords task 1 and drops nothing.
        var corrected = Read("1259/UBND-VP", "Bản sửa: bốn nhiệm vụ",
            Task("1", "Tăng cường ứng dụng công nghệ thông tin", ["Phòng Văn hóa và Thông tin"]),
            Task("2", "Rà soát thủ tục hành chính nội bộ của cơ quan, đơn vị mình", [Communes], Vn(2023, 12, 15)),
            Task("3", "Theo dõi, đánh giá kết quả thực hiện và báo cáo", ["Phòng Nội vụ"], Vn(2023, 10, 25, 16), support: ["Văn phòng HĐND và UBND huyện"]),
            Task("4", "Báo cáo kết quả thực hiện trước ngày 15 hằng tháng", ["Phòng Nội vụ"], rrule: "FREQ=MONTHLY;BYMONTHDAY=15"));
        var second = Importer(store).Import(corrected, publish: false, [], "cli"); // published before: stays published
        Assert.Equal(ImportOutcome.Corrected, second.Outcome);
        Assert.Equal(first.Directive.Id, second.Directive.Id);
        Assert.Equal(first.Directive.Tasks[0].Id, second.Directive.Tasks[1].Id);
        Assert.Equal(first.Directive.Tasks[1].Id, second.Directive.Tasks[2].Id);

        var review = store.Assignments.Get(reviewId)!;
        Assert.True(review.IsDone);
        Assert.Equal("3", review.TaskRef);
        Assert.Equal("Đã gửi báo cáo", review.Completion!.Note);
        var commune = store.Assignments.Get(communeId)!;
        Assert.True(commune.IsDone);
        Assert.Equal(Vn(2023, 12, 15), commune.DueBefore);                          // the new deadline
        Assert.Contains("mình", commune.TaskText, StringComparison.Ordinal);          // the new words
        Assert.Single(store.Assignments.OpenOfUnit("VHTT"));                          // the new task is assigned
        Assert.Equal(new SaveResult(1, 23 + 2 + 3, 0), second.Saved);
    }

    [Fact]
    public void Tasks_for_unknown_or_unchosen_units_are_reported_and_skipped()
    {
        var store = _temp.Open();
        var read = Read("7/KH-UBND", "Kế hoạch",
            Task("1", "Phối hợp điều tra xã hội học", ["Các cơ quan, đơn vị liên quan"]),
            Task("2", "Báo cáo Sở", ["Sở Nội vụ"]),
            Task("3", "Tổng hợp kết quả", ["Phòng Nội vụ"]));
        var result = Importer(store).Import(read, publish: true, [], "cli");
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Contains("Sở Nội vụ", StringComparison.Ordinal) && p.Contains("không có đơn vị", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("cần chọn đơn vị", StringComparison.Ordinal));
        Assert.Single(store.Assignments.OfDirective(result.Directive.Id));

        // Publishing again with the related units chosen assigns the first task to them too.
        var chosen = new[] { _units.Find("Phòng Tư pháp")!, _units.Find("Phòng Y tế")! };
        var again = Importer(store).Import(read, publish: true, chosen, "cli");
        Assert.Equal(["NV", "TP", "YT"], store.Assignments.OfDirective(again.Directive.Id).Select(a => a.UnitCode).Order());
    }

    [Fact]
    public void The_file_keeps_everything_after_it_is_closed_and_opened_again()
    {
        string id;
        using (var store = _temp.Open())
        {
            var result = Importer(store).Import(Original, publish: true, [], "cli");
            id = Assignment.MakeId(result.Directive.Tasks[1].Id, "NV", null);
            store.Assignments.Confirm(id, NoiVu, "xong");
            store.Directory.Upsert([NoiVu]);
        }
        using var reopened = _temp.Open();
        var a = reopened.Assignments.Get(id)!;
        Assert.Equal(AssignmentStatus.Done, a.Status);
        Assert.Equal(_temp.Clock.GetUtcNow(), a.Completion!.At);
        Assert.Equal(Vn(2023, 10, 25, 16), a.DueBefore);
        Assert.Equal(28, reopened.Assignments.ByDirectiveNumber("1259/ubnd-vp").Count);
        Assert.Equal("Trần Thị Bình", reopened.Directory.ByPhone("0900000004")!.Name);
        Assert.Equal(new DateOnly(2023, 9, 25), reopened.Assignments.FindDirective(a.DirectiveId)!.Directive.IssuedOn);
    }

    [Fact]
    public void Two_officials_confirming_at_once_give_one_completion()
    {
        var store = _temp.Open();
        var result = Importer(store).Import(Original, publish: true, [], "cli");
        var id = Assignment.MakeId(result.Directive.Tasks[1].Id, "NV", null);
        for (var round = 0; round < 20; round++)
        {
            using var start = new Barrier(2);
            var results = new ChangeResult[2];
            var threads = new[] { NoiVu, NoiVuHead }.Select((who, i) => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = store.Assignments.Confirm(id, who);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            var winner = Assert.Single(results, r => r.Outcome == ChangeOutcome.Changed);
            var loser = Assert.Single(results, r => r.Outcome == ChangeOutcome.AlreadyDone);
            Assert.Equal(winner.Assignment!.Completion, loser.Assignment!.Completion);
            Assert.Contains(winner.Assignment.Completion!.ByName, loser.Message, StringComparison.Ordinal);
            Assert.Contains("lúc 09:00 ngày 25/09/2023", loser.Message, StringComparison.Ordinal);
            Assert.Equal(round + 1, store.Assignments.AuditOf(id).Count(e => e.Action == "confirm"));
            Assert.True(store.Assignments.Reopen(id, Leader, "Kiểm tra lại").Changed);
        }
    }

    [Fact]
    public void Only_admins_leaders_and_the_office_extend_a_deadline_and_every_change_is_audited()
    {
        var store = _temp.Open();
        var result = Importer(store).Import(Original, publish: true, [], "cli");
        var id = Assignment.MakeId(result.Directive.Tasks[1].Id, "NV", null);
        var later = Vn(2023, 11, 10);

        Assert.Equal(ChangeOutcome.NotAllowed, store.Assignments.Extend(id, NoiVu, later, "Chờ số liệu").Outcome);   // the unit's own staff
        Assert.Equal(ChangeOutcome.NotAllowed, store.Assignments.Extend(id, NoiVuHead, later, "Chờ số liệu").Outcome);
        Assert.Equal(ChangeOutcome.Invalid, store.Assignments.Extend(id, Admin, Vn(2023, 10, 1), "Sớm hơn").Outcome);
        Assert.Equal(ChangeOutcome.NotAllowed, store.Assignments.Confirm(id, DaiSon).Outcome); // another unit's work
        Assert.Equal(ChangeOutcome.NotDone, store.Assignments.Reopen(id, NoiVu, "chưa xong").Outcome);
        Assert.Equal(Vn(2023, 10, 25, 16), store.Assignments.Get(id)!.DueBefore);

        var extended = store.Assignments.Extend(id, Admin, later, "Chờ số liệu của xã");
        Assert.True(extended.Changed);
        _temp.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(store.Assignments.Confirm(id, NoiVu, "Đã nộp").Changed);
        _temp.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(store.Assignments.Reopen(id, NoiVuHead, "Thiếu phụ lục").Changed);
        _temp.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(store.Assignments.Confirm(id, NoiVuHead).Changed);

        var a = store.Assignments.Get(id)!;
        Assert.Equal(later, a.DueBefore);
        Assert.Equal(Admin.Phone, Assert.Single(a.Extensions).ApprovedByPhone);
        Assert.Equal(NoiVuHead.Name, a.Completion!.ByName);
        var audit = store.Assignments.AuditOf(id);
        Assert.Equal(["extend", "confirm", "reopen", "confirm"], audit.Select(e => e.Action));
        Assert.Equal([Admin.Phone, NoiVu.Phone, NoiVuHead.Phone, NoiVuHead.Phone], audit.Select(e => e.ByPhone));
        Assert.Contains("Thiếu phụ lục", audit[2].Detail, StringComparison.Ordinal);
        Assert.Equal(_temp.Clock.GetUtcNow(), audit[3].At);
    }

    [Fact]
    public void Queries_answer_open_due_soon_overdue_done_by_number_and_progress()
    {
        var store = _temp.Open();
        var result = Importer(store).Import(Original, publish: true, [], "cli");
        var review = Assignment.MakeId(result.Directive.Tasks[1].Id, "NV", null);

        // Open work of a unit by deadline: review (25/10 16:00) before the monthly reports (15/10, 15/11, 15/12)? No: 15/10 first.
        var open = store.Assignments.OpenOfUnit("NV");
        Assert.Equal([Vn(2023, 10, 15), Vn(2023, 10, 25, 16), Vn(2023, 11, 15), Vn(2023, 12, 15)], open.Select(a => a.DueBefore!.Value));

        Assert.Equal(["3"], store.Assignments.DueWithin(30, "NV").Select(a => a.TaskRef)); // 15/10 is within 30 days of 25/9; 25/10 16:00 is not
        Assert.Equal(2, store.Assignments.DueWithin(31, "NV").Count);
        Assert.Empty(store.Assignments.Overdue());

        _temp.Clock.SetUtcNow(Vn(2023, 10, 20));
        store.Assignments.Confirm(review, NoiVu); // on time
        _temp.Clock.SetUtcNow(Vn(2023, 10, 26));
        Assert.Equal(["3"], store.Assignments.Overdue("NV").Select(a => a.TaskRef)); // the October report is late
        Assert.Equal(["NV", "VP"], store.Assignments.Overdue().Select(a => a.UnitCode).Order()); // VP helps with the review due 25/10 16:00
        Assert.Equal([review], store.Assignments.DoneOfUnit("NV").Select(a => a.Id));
        Assert.Equal(3, store.Assignments.OpenOfUnit("NV").Count);
        Assert.Equal(28, store.Assignments.ByDirectiveNumber("1259/UBND-VP").Count);
        Assert.Empty(store.Assignments.ByDirectiveNumber("1260/UBND-VP"));
        // As people type it: the number alone, any case; a number that only starts the same is another.
        Assert.Equal(store.Assignments.ByDirectiveNumber("1259/UBND-VP").Select(a => a.Id), store.Assignments.ByDirectiveNumber("1259").Select(a => a.Id));
        Assert.Equal(4, store.Assignments.ByDirectiveNumber("1259/ubnd-vp", "NV").Count);
        Assert.Empty(store.Assignments.ByDirectiveNumber("125"));

        var october = store.Assignments.Progress(Vn(2023, 10, 1), Vn(2023, 11, 1));
        var noiVu = Assert.Single(october, p => p.UnitCode == "NV");
        Assert.Equal(new UnitProgress("NV", Done: 1, DoneOnTime: 1, Open: 1, Overdue: 1), noiVu);
        Assert.Equal(0.5, noiVu.OnTimeRate);
        Assert.Equal(1, october.Single(p => p.UnitCode == "VP").Open);
        Assert.DoesNotContain(october, p => p.UnitCode == "X-DAISON"); // its task is due in November's last instant
    }

    [Fact]
    public void The_report_source_tallies_a_period_as_its_assignments_say_and_reads_a_unit_in_deadline_order()
    {
        var store = _temp.Open();
        var result = Importer(store).Import(Original, publish: true, [], "cli");
        var review = Assignment.MakeId(result.Directive.Tasks[1].Id, "NV", null);
        var monthly = store.Assignments.OpenOfUnit("NV").Where(a => a.TaskRef == "3").Select(a => a.Id).ToList(); // 15/10, 15/11, 15/12
        var daiSon = Assignment.MakeId(result.Directive.Tasks[0].Id, "X-DAISON", null);
        _temp.Clock.SetUtcNow(Vn(2023, 10, 20));
        Assert.True(store.Assignments.Confirm(review, NoiVu).Changed);                   // on time
        _temp.Clock.SetUtcNow(Vn(2023, 10, 26));
        Assert.True(store.Assignments.Confirm(monthly[0], NoiVuHead).Changed);            // late
        Assert.True(store.Assignments.Confirm(daiSon, DaiSon).Changed);                  // on time, then reopened: open again
        Assert.True(store.Assignments.Reopen(daiSon, Leader, "Thiếu phụ lục").Changed);
        Assert.True(store.Assignments.Extend(monthly[1], Admin, Vn(2023, 12, 1), "Chờ số liệu").Changed);
        var now = _temp.Clock.GetUtcNow();
        var all = store.Assignments.OfDirective(result.Directive.Id);
        var source = store.ReportSource;

        // Half-open periods: October; October and November, whose end is exactly the communes' deadline (1/12 00:00).
        foreach (var (from, to) in new[] { (Vn(2023, 10, 1), Vn(2023, 11, 1)), (Vn(2023, 10, 1), Vn(2023, 12, 1)), (Vn(2023, 10, 1), Vn(2024, 1, 1)) })
        {
            var due = all.Where(a => a.DueBefore >= from && a.DueBefore < to).ToList();
            Assert.Equal(Counts(ReportTally.Of(due, now)), Counts(source.Tally(from, to, now)));
            Assert.Equal(due.Select(a => a.Id).Order(StringComparer.Ordinal), source.DueBetween(from, to).Select(a => a.Id).Order(StringComparer.Ordinal));
            foreach (var unit in new[] { "NV", "VP", "X-DAISON" })
            {
                var ofUnit = due.Where(a => a.UnitCode == unit).OrderBy(a => a.DueBefore).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
                Assert.Equal(Counts(ReportTally.Of(ofUnit, now)), Counts(source.Tally(from, to, now, unit)));
                Assert.Equal(ofUnit.Select(a => a.Id), source.DueBetween(from, to, unit).Select(a => a.Id));
            }
        }
        var nv = Assert.Single(source.Tally(Vn(2023, 10, 1), Vn(2024, 1, 1), now, "NV"));
        Assert.Equal(new UnitTally("NV", DoneOnTime: 1, DoneLate: 1, Open: 2, Overdue: 0), nv);      // 15/11 moved to 1/12; 15/12 open
        Assert.Equal(new UnitTally("X-DAISON", 0, 0, 1, 0), Assert.Single(source.Tally(Vn(2023, 10, 1), Vn(2024, 1, 1), now, "X-DAISON")));
        Assert.Empty(source.Tally(Vn(2023, 10, 1), Vn(2023, 12, 1), now, "X-DAISON"));
    }

    private static List<UnitTally> Counts(IEnumerable<UnitTally> tallies) => [.. tallies.OrderBy(t => t.UnitCode, StringComparer.Ordinal)];

    [Fact]
    public void Several_assignments_are_read_at_once_by_id_and_unknown_ids_are_left_out()
    {
        var store = _temp.Open();
        Importer(store).Import(Original, publish: true, [], "cli");
        var open = store.Assignments.OpenOfUnit("NV");
        var ids = open.Select(a => a.Id).ToList();

        var read = store.Assignments.Get([ids[2], "no-such-id", ids[0], ids[2]]);

        Assert.Equal(new[] { ids[0], ids[2] }.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(open[0].DueBefore, read[ids[0]].DueBefore);
        Assert.Equal(store.Assignments.Get(ids[2])!.TaskText, read[ids[2]].TaskText);
        Assert.Empty(store.Assignments.Get([]));
    }

    [Fact]
    public void Open_tasks_read_from_the_index_agree_with_the_assignments()
    {
        var store = _temp.Open();
        Importer(store).Import(Original, publish: true, [], "cli");
        store.Assignments.Save(store.Assignments.FindDirective(store.Assignments.OpenOfUnit("NV")[0].DirectiveId)!,
            new Reconciliation([NoDeadline("NV")], [], []), new AuditEntry(_temp.Clock.GetUtcNow(), "", "import", null, null, "thử"));

        var all = store.Assignments.OpenOfUnit("NV");
        Assert.Equal(5, all.Count); // three monthly reports, the review, and one without a deadline (last)
        Assert.Equal(all.Select(a => (a.Id, a.DueBefore)), store.Assignments.OpenTasksOfUnit("NV").Select(t => (t.AssignmentId, t.DueBefore)));
        Assert.Null(store.Assignments.OpenTasksOfUnit("NV")[^1].DueBefore);
        Assert.Equal(all.Take(2).Select(a => a.Id), store.Assignments.OpenTasksOfUnit("NV", limit: 2).Select(t => t.AssignmentId));

        // Both bounds hold the deadline's own instant; an upper bound leaves out work without a deadline.
        var review = Vn(2023, 10, 25, 16);
        Assert.Equal([review], store.Assignments.OpenTasksOfUnit("NV", from: review, to: review).Select(t => t.DueBefore!.Value));
        Assert.Equal([Vn(2023, 10, 15)], store.Assignments.OpenTasksOfUnit("NV", to: review.AddMilliseconds(-1)).Select(t => t.DueBefore!.Value));
        Assert.Equal(4, store.Assignments.OpenTasksOfUnit("NV", to: Vn(2030, 1, 1)).Count);
        Assert.Empty(store.Assignments.OpenTasksOfUnit("NO-SUCH-UNIT"));

        _temp.Clock.SetUtcNow(Vn(2023, 10, 26));
        Assert.Equal(store.Assignments.Overdue("NV").Select(a => a.Id), store.Assignments.OpenTasksOfUnit("NV", to: _temp.Clock.GetUtcNow()).Select(t => t.AssignmentId));
        // Done work leaves the index at once.
        store.Assignments.Confirm(all[0].Id, NoiVu);
        Assert.DoesNotContain(all[0].Id, store.Assignments.OpenTasksOfUnit("NV").Select(t => t.AssignmentId));
    }

    private Assignment NoDeadline(string unit) => new()
    {
        Id = Assignment.MakeId("extra", unit, null), DirectiveId = "x", TaskId = "extra", TaskRef = "4",
        TaskText = "Việc không có hạn", UnitCode = unit, CreatedAt = _temp.Clock.GetUtcNow(),
    };

    [Fact]
    public void The_reminder_window_comes_earliest_first_across_units()
    {
        // The planner is fastest over work in deadline order (HandledNudges keeps a table per deadline).
        var store = _temp.Open();
        Importer(store).Import(Original, publish: true, [], "cli");
        var window = store.Assignments.OpenTasksDueBetween(Vn(2023, 10, 1), Vn(2023, 12, 1));
        Assert.True(window.Count > 20);
        Assert.True(window.Select(t => t.UnitCode).Distinct().Count() > 10);
        Assert.Equal(window.Select(t => t.DueBefore!.Value).Order(), window.Select(t => t.DueBefore!.Value));
        Assert.All(window, t => Assert.InRange(t.DueBefore!.Value, Vn(2023, 10, 1), Vn(2023, 12, 1)));
        // Ids, units and deadlines agree with the assignments themselves; both bounds are included.
        Assert.All(window, t => Assert.Equal((t.UnitCode, t.DueBefore), (store.Assignments.Get(t.AssignmentId)!.UnitCode, store.Assignments.Get(t.AssignmentId)!.DueBefore)));
        Assert.Contains(window, t => t.DueBefore == Vn(2023, 12, 1));
        Assert.DoesNotContain(store.Assignments.OpenTasksDueBetween(Vn(2023, 10, 1), Vn(2023, 11, 30)), t => t.DueBefore == Vn(2023, 12, 1));
        // Done work leaves the window at once.
        var done = window.First(t => t.UnitCode == "NV");
        store.Assignments.Confirm(done.AssignmentId, NoiVu);
        Assert.DoesNotContain(done, store.Assignments.OpenTasksDueBetween(Vn(2023, 10, 1), Vn(2023, 12, 1)));
    }

    [Fact]
    public void Rolling_forward_adds_the_next_periods_and_keeps_the_past_ones()
    {
        var store = _temp.Open();
        var first = Importer(store).Import(Original, publish: true, [], "cli");
        var monthlyTask = first.Directive.Tasks[2].Id;
        Assert.Equal(new SaveResult(0, 0, 0), Importer(store).RollForward(first.Directive.Id, "job").Saved); // nothing due yet

        _temp.Clock.SetUtcNow(Vn(2023, 11, 20));
        var october = Assignment.MakeId(monthlyTask, "NV", new DateOnly(2023, 10, 1));
        store.Assignments.Confirm(october, NoiVu);
        var rolled = Importer(store).RollForward(first.Directive.Id, "job");
        Assert.Equal(2, rolled.Saved.Inserted);
        Assert.Equal(0, rolled.Saved.Deleted);
        var periods = store.Assignments.OfDirective(first.Directive.Id).Where(a => a.TaskId == monthlyTask).Select(a => a.Period!.Value.Month);
        Assert.Equal([1, 2, 10, 11, 12], periods.Order());
        Assert.True(store.Assignments.Get(october)!.IsDone);
        Assert.Equal(new SaveResult(0, 0, 0), Importer(store).RollForward(first.Directive.Id, "job").Saved); // a second run adds nothing
    }

    [Fact]
    public void Units_chosen_at_publish_are_remembered_by_later_versions()
    {
        var store = _temp.Open();
        var chosen = new[] { _units.Find("Phòng Tư pháp")! };
        var read = Read("9/KH-UBND", "Kế hoạch bản 1", Task("1", "Phối hợp điều tra xã hội học", ["Các cơ quan, đơn vị liên quan"]));
        var first = Importer(store).Import(read, publish: true, chosen, "cli");
        var corrected = Read("9/KH-UBND", "Kế hoạch bản 2", Task("1", "Phối hợp điều tra xã hội học năm 2023", ["Các cơ quan, đơn vị liên quan"]));
        var second = Importer(store).Import(corrected, publish: false, [], "cli");
        Assert.Empty(second.Problems);
        Assert.Equal(["TP"], store.Assignments.OfDirective(first.Directive.Id).Select(a => a.UnitCode));
        Assert.EndsWith("năm 2023", store.Assignments.OfDirective(first.Directive.Id)[0].TaskText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_save_that_fails_half_way_leaves_nothing_behind()
    {
        var store = _temp.Open();
        var first = Importer(store).Import(Original, publish: true, [], "cli");
        var stored = store.Assignments.OfDirective(first.Directive.Id);
        var other = first.Directive with { Id = "other", ContentHash = "x" };
        // The second insert repeats an id already stored: the store refuses it after the directive and one insert are written.
        var fresh = stored[0] with { Id = "fresh", DirectiveId = "other" };
        var changes = new Reconciliation([fresh, stored[1]], [], [stored[2].Id]);
        Assert.ThrowsAny<Exception>(() => store.Assignments.Save(other, changes, new AuditEntry(_temp.Clock.GetUtcNow(), "cli", "import", null, "other", "")));
        Assert.Null(store.Assignments.FindDirective("other"));
        Assert.Null(store.Assignments.Get("fresh"));
        Assert.NotNull(store.Assignments.Get(stored[2].Id));
        Assert.Equal(stored.Count, store.Assignments.OfDirective(first.Directive.Id).Count);
    }

    /// <summary>What a fixture of its own holds beside the store under test.</summary>
    protected virtual void Cleanup()
    {
    }

    public void Dispose()
    {
        _temp.Dispose();
        Cleanup();
        GC.SuppressFinalize(this);
    }
}

public sealed class AssignmentStoreTests() : AssignmentStoreContract(new LiteUnderTest())
{
    private readonly TempStore _lite = new();

    [Fact]
    public void An_encrypted_file_opens_only_with_its_password()
    {
        using var temp = new TempStore(password: "mật-khẩu");
        using (var store = temp.Open())
        {
            Importer(store).Import(Original, publish: true, [], "cli");
            store.Conversation.SaveList(new Bot.Domain.Conversation.TaskList("l1", "tg:1", "Việc còn phải làm", ["a1"], temp.Clock.GetUtcNow()));
        }
        Assert.ThrowsAny<Exception>(() => Bot.Storage.BotStore.Open(new Bot.Storage.StoreOptions(temp.DbPath, "sai"), temp.Clock).Dispose());
        // The chat file is encrypted with the same password.
        Assert.ThrowsAny<Exception>(() => new LiteDB.LiteDatabase(Bot.Storage.BotStore.ChatPath(temp.DbPath)).GetCollectionNames().ToList());
        using var again = temp.Open();
        Assert.Equal(28, again.Assignments.ByDirectiveNumber("1259/UBND-VP").Count);
    }

    [Fact]
    public void A_file_written_before_open_keys_carried_the_id_is_upgraded_once_when_opened()
    {
        using (var store = _lite.Open())
            Importer(store).Import(Original, publish: true, [], "cli");
        // The earlier shape: "UNIT|ticks", no id, and user version 0.
        using (var raw = new LiteDB.LiteDatabase(_lite.DbPath))
        {
            var docs = raw.GetCollection("assignments");
            foreach (var doc in docs.FindAll().ToList())
            {
                if (doc["OpenKey"].IsNull) continue;
                var key = doc["OpenKey"].AsString;
                doc["OpenKey"] = key[..key.LastIndexOf('|')];
                doc.Remove("OpenDueKey");
                doc.Remove("DueKey");
                doc.Remove("UnitDueKey");
                docs.Update(doc);
            }
            raw.UserVersion = 0;
        }
        using var upgraded = _lite.Open();
        var tasks = upgraded.Assignments.OpenTasksOfUnit("NV");
        Assert.Equal(upgraded.Assignments.OpenOfUnit("NV").Select(a => a.Id), tasks.Select(t => t.AssignmentId));
        Assert.All(tasks, t => Assert.NotNull(upgraded.Assignments.Get(t.AssignmentId)));
        Assert.Equal(
            upgraded.Assignments.OpenOfUnit("NV").Where(a => a.DueBefore is not null).Select(a => a.Id).Order(StringComparer.Ordinal),
            upgraded.Assignments.OpenTasksDueBetween(Vn(2000, 1, 1), Vn(2100, 1, 1)).Where(t => t.UnitCode == "NV").Select(t => t.AssignmentId).Order(StringComparer.Ordinal));
        Assert.Equal(28, upgraded.Assignments.ByDirectiveNumber("1259/UBND-VP").Count);
        var (from, to) = (Vn(2023, 10, 1), Vn(2024, 1, 1));
        Assert.Equal(28, upgraded.ReportSource.Tally(from, to, Vn(2023, 9, 25)).Sum(t => t.Open));              // the report keys too
        Assert.Equal(["3", "2", "3", "3"], upgraded.ReportSource.DueBetween(from, to, "NV").Select(a => a.TaskRef));
    }

    [Fact]
    public void A_file_from_before_directives_were_named_gives_its_unnumbered_work_their_subject_when_opened()
    {
        using (var store = _lite.Open())
        {
            Importer(store).Import(Unnumbered, publish: true, [], "cli");
            Importer(store).Import(Original, publish: true, [], "cli");
        }
        // The earlier shape: no subject or date on any assignment, user version 4.
        using (var raw = new LiteDB.LiteDatabase(_lite.DbPath))
        {
            var docs = raw.GetCollection("assignments");
            foreach (var doc in docs.FindAll().ToList())
            {
                doc.Remove("DirectiveSubject");
                doc.Remove("DirectiveIssuedOn");
                docs.Update(doc);
            }
            raw.UserVersion = 4;
        }
        using var upgraded = _lite.Open();
        AssertUnnumberedWorkIsNamed(upgraded);
    }

    protected override void Cleanup() => _lite.Dispose();
}

[Collection(OnePostgres.Name)]
public sealed class PgAssignmentStoreTests(PgServer server) : AssignmentStoreContract(new PgUnderTest(server))
{
    [Fact]
    public void A_database_from_before_directives_were_named_gives_its_unnumbered_work_their_subject_at_step_5()
    {
        using var stores = new PgUnderTest(server);
        using (var store = stores.Open())
        {
            Importer(store).Import(Unnumbered, publish: true, [], "cli");
            Importer(store).Import(Original, publish: true, [], "cli");
        }
        // The earlier shape: no subject or date on any assignment, step 5 not applied.
        using (var connection = new Npgsql.NpgsqlConnection(stores.ConnectionString))
        {
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand(
                "update assignments set doc = doc - 'DirectiveSubject' - 'DirectiveIssuedOn'; delete from schema_migrations where version = 5", connection);
            command.ExecuteNonQuery();
        }
        using var upgraded = stores.Open();
        AssertUnnumberedWorkIsNamed(upgraded);
    }
}

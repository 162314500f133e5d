using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Storage;
using Bot.Tests.Organization;

namespace Bot.Tests.Storage;

/// <summary>
/// A short list reads only the start of a unit's open work (<see cref="Workload.Open"/> with a limit),
/// yet must show what the whole list shows: here the unit's work begins with many later periods of
/// monthly duties, so the first read holds too little current work and is read again. A process that
/// owns its file keeps each unit's dues between writes; one that shares it reads every time: both
/// must answer as the store's index does, before and after writes.
/// </summary>
public sealed class WorkloadTests : IDisposable
{
    private readonly TempStore _temp = new();

    private static DateTimeOffset Vn(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_short_list_is_the_start_of_the_whole_list_and_its_assignments_are_read_in_order(bool shared)
    {
        var store = _temp.Open(shared);
        // 20 monthly reports (three open periods each: 15/10, 15/11, 15/12) and two one-off tasks after them.
        var tasks = Enumerable.Range(1, 20)
            .Select(i => new DirectiveTask(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TaskKind.Task,
                $"Báo cáo số {i} trước ngày 15 hằng tháng", ["Phòng Nội vụ"], [], null, null, "FREQ=MONTHLY;BYMONTHDAY=15"))
            .Append(new DirectiveTask("21", TaskKind.Task, "Rà soát hồ sơ", ["Phòng Nội vụ"], [], null, Vn(2023, 12, 20), null))
            .Append(new DirectiveTask("22", TaskKind.Task, "Tổng kết năm", ["Phòng Nội vụ"], [], null, Vn(2023, 12, 28), null))
            .ToArray();
        var read = new ReadDirective(new Directive("77/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 25), "Công văn", "V/v thử",
            null, null, [], tasks), "Hai mươi báo cáo", "77.txt");
        new DirectiveImporter(store.Assignments, TestUnits.TuKy, _temp.Clock).Import(read, publish: true, [], "cli");
        var work = new Workload(store.Assignments);
        var now = _temp.Clock.GetUtcNow();

        var whole = work.Open("NV", now);
        Assert.Equal(22, whole.Count); // each report's first period, then the two tasks
        Assert.Equal(62, store.Assignments.OpenTasksOfUnit("NV").Count);
        for (var limit = 1; limit <= 23; limit++)
            Assert.Equal(whole.Take(limit).Select(t => t.AssignmentId), work.Open("NV", now, limit: limit).Select(t => t.AssignmentId));

        // The window cuts after the periods are decided: the November periods are not current, so nothing is due then.
        Assert.Empty(work.Open("NV", now, from: Vn(2023, 11, 1), to: Vn(2023, 11, 30), limit: 5));
        Assert.Equal(["21", "22"], work.Open("NV", now, from: Vn(2023, 11, 1), limit: 5)
            .Select(t => store.Assignments.Get([t.AssignmentId])[t.AssignmentId].TaskRef));

        var shown = whole.Skip(15).ToList(); // the last reports and both tasks, with 40 later periods between them
        var assignments = work.Read("NV", shown);
        Assert.NotNull(assignments);
        Assert.Equal(shown.Select(t => t.AssignmentId), assignments.Select(a => a.Id));
        Assert.All(assignments, a => Assert.False(a.IsDone));
    }

    [Fact]
    public void Reading_work_that_was_just_done_gives_null_so_the_list_reads_it_afresh()
    {
        var store = _temp.Open();
        var read = new ReadDirective(new Directive("78/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 25), "Công văn", "V/v thử", null, null, [],
            [new DirectiveTask("1", TaskKind.Task, "Rà soát hồ sơ", ["Phòng Nội vụ"], [], null, Vn(2023, 10, 20), null)]), "Một việc", "78.txt");
        new DirectiveImporter(store.Assignments, TestUnits.TuKy, _temp.Clock).Import(read, publish: true, [], "cli");
        var work = new Workload(store.Assignments);
        var open = work.Open("NV", _temp.Clock.GetUtcNow());
        store.Assignments.Confirm(open[0].AssignmentId, new Official { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff });
        Assert.Null(work.Read("NV", open));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lists_and_counts_agree_with_the_index_before_and_after_writes(bool shared)
    {
        var store = _temp.Open(shared);
        var start = _temp.Clock.GetUtcNow();
        // More one-off tasks than are kept whole (deadlines from 40 days ago to 260 days ahead, some without),
        // and monthly duties whose later periods fall among them.
        var tasks = Enumerable.Range(1, 300)
            .Select(i => new DirectiveTask(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TaskKind.Task, $"Việc thử số {i}",
                ["Phòng Nội vụ"], [], null, i % 29 == 0 ? null : start.AddDays(i - 40).AddHours(i % 7), null))
            .Concat(Enumerable.Range(301, 8).Select(i => new DirectiveTask(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TaskKind.Task,
                $"Báo cáo số {i} trước ngày {i % 20 + 5} hằng tháng", ["Phòng Nội vụ"], [], null, null, $"FREQ=MONTHLY;BYMONTHDAY={i % 20 + 5}")))
            .ToArray();
        var read = new ReadDirective(new Directive("79/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 25), "Công văn", "V/v thử",
            null, null, [], tasks), "Ba trăm việc", "79.txt");
        new DirectiveImporter(store.Assignments, TestUnits.TuKy, _temp.Clock).Import(read, publish: true, [], "cli");
        var work = new Workload(store.Assignments);
        var by = new Official { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff };

        void AgreesWithTheIndex()
        {
            var now = _temp.Clock.GetUtcNow();
            var truth = Workload.Current(store.Assignments.OpenTasksOfUnit("NV"), t => t.AssignmentId, _ => true, t => t.DueBefore);
            // Bounds in rising order, so what is kept is read further question by question; and each question
            // also asked first (a workload that keeps nothing yet).
            DateTimeOffset?[] bounds = [now.AddDays(-50), now.AddDays(-3), now, now.AddDays(7), now.AddDays(200), now.AddDays(400), null];
            foreach (var from in bounds.Prepend(null))
                foreach (var to in bounds)
                {
                    var expected = truth.Where(t => (from is null || t.DueBefore > from) && (to is null || t.DueBefore <= to)).ToList();
                    foreach (var limit in new[] { 1, 9, 101, int.MaxValue })
                    {
                        Assert.Equal(expected.Take(limit).Select(t => t.AssignmentId), new Workload(store.Assignments).Open("NV", now, from, to, limit).Select(t => t.AssignmentId));
                        Assert.Equal(expected.Take(limit).Select(t => t.AssignmentId), work.Open("NV", now, from, to, limit).Select(t => t.AssignmentId));
                    }
                    Assert.Equal(expected.Count, work.Count("NV", now, from, to));
                    Assert.Equal(expected.Count, new Workload(store.Assignments).Count("NV", now, from, to));
                }
            var page = work.Open("NV", now, limit: 8);
            Assert.Equal(page.Select(t => t.AssignmentId), work.Read("NV", page)!.Select(a => a.Id));
        }

        AgreesWithTheIndex();
        // Done: a one-off task, the current period of two duties (their next periods become current), a late task.
        var current = work.Open("NV", start);
        foreach (var id in current.Where(t => Assignment.PeriodOfId(t.AssignmentId) is not null).Take(2).Select(t => t.AssignmentId)
                     .Append(current[0].AssignmentId).Append(current[150].AssignmentId))
            Assert.True(store.Assignments.Confirm(id, by).Changed);
        AgreesWithTheIndex();
        Assert.True(store.Assignments.Get(current[150].AssignmentId)!.IsDone);
        // A deadline moved past many others.
        Assert.True(store.Assignments.Extend(current[3].AssignmentId, by with { Role = Role.Office }, start.AddDays(100), "chờ số liệu").Changed);
        _temp.Clock.Advance(TimeSpan.FromDays(20));
        AgreesWithTheIndex();
    }

    [Fact]
    public void What_a_rolled_back_change_read_is_not_kept()
    {
        var store = _temp.Open();
        var read = new ReadDirective(new Directive("80/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 25), "Công văn", "V/v thử", null, null, [],
            [new DirectiveTask("1", TaskKind.Task, "Rà soát hồ sơ", ["Phòng Nội vụ"], [], null, Vn(2023, 10, 20), null)]), "Một việc", "80.txt");
        new DirectiveImporter(store.Assignments, TestUnits.TuKy, _temp.Clock).Import(read, publish: true, [], "cli");
        var id = new Workload(store.Assignments).Open("NV", _temp.Clock.GetUtcNow())[0].AssignmentId;
        var by = new Official { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff };

        // The change is written, read back inside its transaction (so kept), then rolled back.
        Assert.Throws<InvalidOperationException>(() => store.Write<int>(() =>
        {
            var doc = store.AssignmentDocs.FindById(id);
            store.AssignmentDocs.Update(StoreMapping.ToDoc(Lifecycle.Confirm(StoreMapping.ToDomain(doc), by, _temp.Clock.GetUtcNow(), null).Assignment!));
            Assert.True(store.Assignments.Get(id)!.IsDone);
            throw new InvalidOperationException("thử hủy");
        }));

        Assert.False(store.Assignments.Get(id)!.IsDone);
        Assert.Single(new Workload(store.Assignments).Open("NV", _temp.Clock.GetUtcNow()));
    }

    [Fact]
    public void A_write_to_one_units_work_moves_that_units_stamp_only_and_a_delete_moves_all()
    {
        var store = _temp.Open();
        var read = new ReadDirective(new Directive("81/UBND-VP", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 25), "Công văn", "V/v thử", null, null, [],
            [new DirectiveTask("1", TaskKind.Task, "Rà soát hồ sơ", ["Phòng Nội vụ", "Phòng Tư pháp"], [], null, Vn(2023, 10, 20), null)]), "Một việc", "81.txt");
        var importer = new DirectiveImporter(store.Assignments, TestUnits.TuKy, _temp.Clock);
        importer.Import(read, publish: true, [], "cli");
        var nv = store.Assignments.OpenTasksOfUnit("NV").Single().AssignmentId;
        var units = store.Assignments.OpenTasksOfUnit("TP").Single().UnitCode;
        var (nv0, other0, all0) = (store.Assignments.ChangeStampOf("NV"), store.Assignments.ChangeStampOf(units), store.Assignments.ChangeStamp);

        store.Assignments.Confirm(nv, new Official { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff });
        Assert.NotEqual(nv0, store.Assignments.ChangeStampOf("NV"));
        Assert.Equal(other0, store.Assignments.ChangeStampOf(units));
        Assert.NotEqual(all0, store.Assignments.ChangeStamp);

        // A corrected version without the task deletes its assignments by id: whose they were is not seen, so every unit's stamp moves.
        var other1 = store.Assignments.ChangeStampOf(units);
        importer.Import(read with { Text = "Một việc, bản sửa", Directive = read.Directive with { Tasks = [read.Directive.Tasks[0] with { Lead = ["Phòng Nội vụ"] }] } }, publish: true, [], "cli");
        Assert.NotEqual(other1, store.Assignments.ChangeStampOf(units));
        Assert.Empty(new Workload(store.Assignments).Open(units, _temp.Clock.GetUtcNow()));
    }

    public void Dispose() => _temp.Dispose();
}

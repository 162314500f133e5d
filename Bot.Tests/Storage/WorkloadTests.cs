using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Tests.Organization;

namespace Bot.Tests.Storage;

/// <summary>
/// A short list reads only the start of a unit's open work (<see cref="Workload.Open"/> with a limit),
/// yet must show what the whole list shows: here the unit's work begins with many later periods of
/// monthly duties, so the first read holds too little current work and is read again.
/// </summary>
public sealed class WorkloadTests : IDisposable
{
    private readonly TempStore _temp = new();

    private static DateTimeOffset Vn(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_short_list_is_the_start_of_the_whole_list_and_its_assignments_are_read_in_order()
    {
        var store = _temp.Open();
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

    public void Dispose() => _temp.Dispose();
}

using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Scheduling;
using Bot.Tests.Organization;
using Bot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Scheduling;

/// <summary>
/// The daily roll-forward job over two years of fake time, on a LiteDB file and on PostgreSQL: called once a day (and
/// again, which changes nothing), it keeps three periods ahead of every repeating duty and so makes every monthly and
/// quarterly period, each once; confirmed periods stay done.
/// </summary>
public abstract class RepeatingDutiesContract(IStoreUnderTest stores) : IDisposable
{
    private static readonly Official NoiVu = new() { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = Role.Staff };

    private static readonly ReadDirective Duties = new(new Directive("77/KH-UBND", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 20), "Kế hoạch", "V/v báo cáo định kỳ", null, null, [],
    [
        new("1", TaskKind.Task, "Báo cáo kết quả cải cách hành chính trước ngày 15 hằng tháng", ["Phòng Nội vụ", "Phòng Tư pháp"], [], "trước ngày 15 hằng tháng", null, "FREQ=MONTHLY;BYMONTHDAY=15"),
        new("2", TaskKind.Task, "Báo cáo công tác phòng, chống tham nhũng hằng quý", ["Phòng Nội vụ"], [], "hằng quý", null, "FREQ=MONTHLY;INTERVAL=3"),
        new("3", TaskKind.Task, "Tổng kết năm", ["Phòng Nội vụ"], [], null, new DateTimeOffset(2023, 12, 20, 0, 0, 0, TimeSpan.FromHours(7)), null),
    ]), "Kế hoạch 77", "kh-77.txt");

    public void Dispose()
    {
        stores.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Two_years_of_days_make_every_monthly_and_quarterly_period_once_always_three_ahead()
    {
        var store = stores.Open();
        var clock = stores.Clock; // 25/09/2023 09:00
        var importer = new DirectiveImporter(store.Assignments, TestUnits.TuKy, clock);
        var job = new RepeatingDuties(store.Assignments, importer, store.Nodes, NullLogger<RepeatingDuties>.Instance);
        var directive = importer.Import(Duties, publish: true, [], "cli").Directive;
        var (monthly, quarterly, once) = (directive.Tasks[0].Id, directive.Tasks[1].Id, directive.Tasks[2].Id);

        for (var day = 1; day <= 730; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            job.RollForward();
            Assert.Equal(0, job.RollForward()); // twice a day: the second run finds nothing to add
            var now = clock.GetUtcNow();
            var all = store.Assignments.OfDirective(directive.Id);
            foreach (var pair in all.Where(a => a.Period is not null).GroupBy(a => (a.TaskId, a.UnitCode)))
                Assert.True(pair.Count(a => a.DueBefore > now) == 3, $"day {day}: {pair.Key} has {pair.Count(a => a.DueBefore > now)} periods ahead");
            // Phòng Nội vụ confirms each monthly report in the week it is due; done periods must stay done.
            foreach (var due in all.Where(a => a.TaskId == monthly && a.UnitCode == "NV" && !a.IsDone && a.DueBefore - now < TimeSpan.FromDays(7)))
                Assert.True(store.Assignments.Confirm(due.Id, NoiVu).Changed);
        }

        var end = store.Assignments.OfDirective(directive.Id);
        var months = Enumerable.Range(0, 27).Select(i => new DateOnly(2023, 10, 1).AddMonths(i)).ToList();        // 10/2023 … 12/2025
        var quarters = Enumerable.Range(0, 11).Select(i => new DateOnly(2023, 7, 1).AddMonths(3 * i)).ToList();   // Q3 2023 … Q1 2026
        foreach (var unit in new[] { "NV", "TP" })
            Assert.Equal(months, end.Where(a => a.TaskId == monthly && a.UnitCode == unit).Select(a => a.Period!.Value).Order());
        Assert.Equal(quarters, end.Where(a => a.TaskId == quarterly).Select(a => a.Period!.Value).Order());
        Assert.Single(end, a => a.TaskId == once); // a one-off task is not repeated
        var now2 = clock.GetUtcNow();
        Assert.All(end.Where(a => a.TaskId == monthly && a.UnitCode == "NV" && a.DueBefore < now2), a => Assert.True(a.IsDone));
        Assert.Equal(new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.FromHours(7)), end.Where(a => a.TaskId == monthly).Max(a => a.DueBefore));
    }

    [Fact]
    public void Unpublished_and_one_off_directives_are_left_alone()
    {
        var store = stores.Open();
        var importer = new DirectiveImporter(store.Assignments, TestUnits.TuKy, stores.Clock);
        var job = new RepeatingDuties(store.Assignments, importer, store.Nodes, NullLogger<RepeatingDuties>.Instance);
        importer.Import(Duties, publish: false, [], "cli");
        stores.Clock.Advance(TimeSpan.FromDays(120));
        Assert.Equal(0, job.RollForward());
        Assert.Empty(store.Assignments.ByDirectiveNumber("77/KH-UBND"));
    }
}

public sealed class LiteRepeatingDutiesTests() : RepeatingDutiesContract(new LiteUnderTest());

[Collection(OnePostgres.Name)]
public sealed class PgRepeatingDutiesTests(PgServer server) : RepeatingDutiesContract(new PgUnderTest(server));

/// <summary>The job's changes are in the audit log, once per run that added periods, naming the job.</summary>
public sealed class RepeatingDutiesAuditTests : IDisposable
{
    private readonly TempStore _temp = new();

    [Fact]
    public void Each_run_that_adds_periods_writes_one_audit_entry_naming_the_job()
    {
        var store = _temp.Open();
        var importer = new DirectiveImporter(store.Assignments, TestUnits.TuKy, _temp.Clock);
        var job = new RepeatingDuties(store.Assignments, importer, store.Nodes, NullLogger<RepeatingDuties>.Instance);
        var duty = new ReadDirective(new Directive("78/KH-UBND", "UBND huyện Tứ Kỳ", new DateOnly(2023, 9, 20), "Kế hoạch", "V/v báo cáo", null, null, [],
            [new("1", TaskKind.Task, "Báo cáo trước ngày 15 hằng tháng", ["Phòng Nội vụ"], [], "trước ngày 15 hằng tháng", null, "FREQ=MONTHLY;BYMONTHDAY=15")]),
            "Kế hoạch 78", "kh-78.txt");
        var directive = importer.Import(duty, publish: true, [], "cli").Directive;

        var runsThatAdded = 0;
        for (var day = 1; day <= 95; day++)
        {
            _temp.Clock.Advance(TimeSpan.FromDays(1));
            if (job.RollForward() > 0) runsThatAdded++;
        }

        var audited = store.AuditDocs.Find(a => a.Action == "roll-forward").ToList();
        Assert.Equal(3, runsThatAdded); // 15/10, 15/11 and 15/12 passed: one new period each
        Assert.Equal(runsThatAdded, audited.Count);
        Assert.All(audited, a => Assert.Equal((RepeatingDuties.By, directive.Id), (a.ByPhone, a.DirectiveId)));
    }

    public void Dispose() => _temp.Dispose();
}

using System.Diagnostics;
using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Scheduling;
using Bot.Storage.Postgres;
using Bot.Testing;
using Bot.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Bench;

/// <summary>
/// `Bot bench pass [--assignments N] [--units N]`: the reminder pass over a province's year of work on PostgreSQL (a
/// cluster the bench starts itself, fsync on). N assignments (10,000,000 by default) with deadlines over a year, 300
/// days back to 65 ahead, done as real work is (19 in 20 of the past, 1 in 5 of the future), written into the table by
/// SQL from one published assignment's document; 1,000 units, one linked official each. Times the first pass after
/// start (the whole window read, all that is due recorded), a pass a minute later, the next working morning's, and a
/// pass after someone confirmed a task.
/// </summary>
internal static class PassBench
{
    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = BenchWorld.Count(args, "assignments", 10_000_000);
        var unitCount = BenchWorld.Count(args, "units", 1_000);
        var rows = new List<(string What, string Figure)>();
        var clock = new FakeTimeProvider(ReminderFixture.WorkingMorning);
        var units = BenchWorld.MakeUnits(unitCount);
        using var cluster = PgCluster.Start(durable: true);
        var connection = cluster.CreateDatabase("pass");
        using var node = ProvinceBench.Node(units, clock, connection);
        var store = (PgStore)node.GetRequiredService<Bot.Storage.IStore>();
        var officials = units.Units.Select((u, i) => new Official
        {
            Phone = "09" + i.ToString("D8", CultureInfo.InvariantCulture),
            Name = "Cán bộ " + i.ToString(CultureInfo.InvariantCulture),
            UnitCode = u.Code,
            Role = Role.Staff,
            ChatAccounts = [new ChatAccount("telegram", (700_000 + i).ToString(CultureInfo.InvariantCulture))],
        }).ToList();
        store.Directory.Upsert(officials);

        var watch = Stopwatch.StartNew();
        Fill(store, node, clock.GetUtcNow(), count, unitCount);
        rows.Add(($"{count:N0} assignments written (SQL from one published document), indexed, analysed", BenchWorld.Seconds(watch)));
        var open = store.Query<long>("select count(*) from assignments where open and due_before between @from and @to",
            new { from = clock.GetUtcNow().AddDays(-30).UtcDateTime, to = clock.GetUtcNow().AddDays(30).UtcDateTime }).Single();
        rows.Add(("open in the pass's window (30 days each side)", open.ToString("N0", CultureInfo.InvariantCulture)));

        var pass = node.GetRequiredService<ReminderPass>();
        rows.Add(("first pass after start: the window read, everything due recorded", Time(pass)));
        clock.Advance(TimeSpan.FromMinutes(1));
        rows.Add(("a minute later: nothing written, nothing fell due", Time(pass)));
        var calendar = node.GetRequiredService<IWorkCalendar>();
        clock.SetUtcNow(calendar.NextWorkingMorning(clock.GetUtcNow()).AddMinutes(1));
        rows.Add(("the next working morning: the due days whose steps fall on it", Time(pass)));
        clock.Advance(TimeSpan.FromMinutes(1));
        var task = store.Assignments.OpenTasksDueBetween(clock.GetUtcNow(), clock.GetUtcNow().AddDays(5))[0];
        store.Assignments.Confirm(task.AssignmentId, officials.First(o => o.UnitCode == task.UnitCode));
        rows.Add(("a minute after someone confirmed a task (it only takes work away)", Time(pass)));
        rows.Add(("passes that read the whole window", pass.WindowReads.ToString(CultureInfo.InvariantCulture)));

        Console.WriteLine($"| bench pass ({Environment.ProcessorCount} cores, PostgreSQL) | figure |");
        Console.WriteLine("|---|---|");
        foreach (var (what, figure) in rows) Console.WriteLine($"| {what} | {figure} |");
        return Task.FromResult(0);
    }

    private static string Time(ReminderPass pass)
    {
        var watch = Stopwatch.StartNew();
        var recorded = pass.PlanAndRecord().Count;
        return string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:0.000} s ({recorded:N0} messages recorded)");
    }

    // One directive published the bot's way gives the document; the year's work is that document with its id, unit and
    // deadline set, written by the database itself (a million rows a statement) with the indexes built after.
    private static void Fill(PgStore store, ServiceProvider node, DateTimeOffset now, int count, int units)
    {
        var importer = node.GetRequiredService<DirectiveImporter>();
        var task = new DirectiveTask("1", TaskKind.Task, "Nhiệm vụ thử của năm", ["Xã thử 1"], [], null, now.AddDays(10), null);
        importer.Import(BenchWorld.Directive("1/PASS", [task]), publish: true, [], "bench");
        var template = store.Query<string>("select doc::text from assignments limit 1").Single();
        var directive = store.Query<string>("select directive_id from assignments limit 1").Single();
        using var c = store.Connect();
        using (var drop = new Npgsql.NpgsqlCommand("delete from assignments; drop index assignments_open_of_unit, assignments_open_due, assignments_directive, assignments_done_of_unit, assignments_due, assignments_unit_due", c))
            drop.ExecuteNonQuery();
        for (long low = 0; low < count; low += 1_000_000)
        {
            using var insert = new Npgsql.NpgsqlCommand("""
                insert into assignments (id, directive_id, unit_code, due_before, open, done_at, doc)
                select id, directive_id, unit_code, due, not done, case when done then due - interval '1 day' end,
                       jsonb_set(jsonb_set(jsonb_set(@template::jsonb, '{Id}', to_jsonb(id)), '{UnitCode}', to_jsonb(unit_code)),
                                 '{DueBefore}', to_jsonb(due at time zone 'utc'))
                from (select 'y' || g as id, @directive as directive_id, 'U' || lpad((g % @units + 1)::text, 4, '0') as unit_code,
                             @now + (g % 365 - 300) * interval '1 day' + (g % 24) * interval '1 hour' as due,
                             g from generate_series(@low, @high) g) s,
                     lateral (select case when due < @now then g % 20 <> 0 else g % 5 = 0 end as done) d
                """, c);
            insert.CommandTimeout = 0;
            insert.Parameters.AddWithValue("template", template);
            insert.Parameters.AddWithValue("directive", directive);
            insert.Parameters.AddWithValue("units", (long)units);
            insert.Parameters.AddWithValue("now", now.UtcDateTime);
            insert.Parameters.AddWithValue("low", low);
            insert.Parameters.AddWithValue("high", Math.Min(count, low + 1_000_000) - 1);
            insert.ExecuteNonQuery();
        }
        // The indexes of migration steps 1 and 3, as the store has them.
        using var index = new Npgsql.NpgsqlCommand("""
            create index assignments_open_of_unit on assignments (unit_code, due_before, id) where open;
            create index assignments_open_due on assignments (due_before, unit_code, id) where open;
            create index assignments_directive on assignments (directive_id, unit_code);
            create index assignments_done_of_unit on assignments (unit_code, done_at) where not open;
            create index assignments_due on assignments (due_before) include (unit_code, open, done_at);
            create index assignments_unit_due on assignments (unit_code, due_before, id);
            analyze assignments;
            """, c) { CommandTimeout = 0 };
        index.ExecuteNonQuery();
    }
}

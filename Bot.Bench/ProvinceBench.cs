using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Hosting;
using Bot.Scheduling;
using Bot.Storage;
using Bot.Storage.Postgres;
using Bot.Testing;
using Bot.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Bench;

/// <summary>
/// `Bot bench province [--store litedb|postgresql|both] [--assignments N] [--units N] [--officials N] [--nodes N] [--turns N] [--statements]`:
/// the same district on its LiteDB file and, moved there by `migrate`, on a PostgreSQL server the bench starts itself
/// (initdb in a temporary folder, fsync on). Measures the migration; chat turns (each update claimed, answered through the conversation without HTTP, marked handled) from
/// 4 callers, on one node for LiteDB and on --nodes (2) nodes — each its own store and conversation — on PostgreSQL,
/// after a warm-up that lasts until the runtime has compiled the chat's code, with the slowest, median and fastest tenth
/// of the turns (this machine's speed varies from minute to minute) and the processor time per turn of the nodes and
/// of the server; one
/// reminder pass (read the window, plan, record); publishing a directive to 200 units × 5 tasks. --statements lists the
/// chat's statements per turn, from the server's own count (pg_stat_statements).
/// </summary>
internal static class ProvinceBench
{
    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var which = (args.Option("store") ?? "both").ToLowerInvariant();
        var nodes = BenchWorld.Count(args, "nodes", 2);
        var turns = BenchWorld.Count(args, "turns", 4_000);
        using var world = BenchWorld.Create(args, assignments: BenchWorld.Count(args, "assignments", 200_000));
        var rows = new List<(string, string)>(world.Timings);
        var users = world.Officials.GroupBy(o => o.UnitCode).Select(g => g.First()).Take(1_000)
            .Select((o, i) => o with { ChatAccounts = [new ChatAccount("telegram", (500_000 + i).ToString(CultureInfo.InvariantCulture))] }).ToList();
        world.Store.Directory.Upsert(users);
        var clock = new FakeTimeProvider(WorkingMorning());

        // The database first, copied from the file as it is now: both stores then start the same.
        // --statements: the server counts each statement (pg_stat_statements), and the chat's are listed per turn.
        var statements = args.Flag("statements");
        using var cluster = which is "postgresql" or "both"
            ? PgCluster.Start(durable: true, statements ? "-c shared_preload_libraries=pg_stat_statements" : "")
            : null;
        var connection = cluster?.CreateDatabase("province");
        if (cluster is not null)
        {
            var watch = Stopwatch.StartNew();
            using (var pg = PgStore.Open(connection!, TimeProvider.System))
            {
                var counts = StoreMigration.Copy(world.Store, pg);
                rows.Add(($"migrate the file to PostgreSQL ({counts.Single(c => c.What == "assignments").InFile:N0} assignments; counts agree: {counts.All(c => c.Agrees)})",
                    BenchWorld.Seconds(watch)));
            }
            // The migration's writes reach the disk now, not in a checkpoint in the middle of the chat's turns.
            Sql(connection!, "checkpoint");
        }
        if (which is "litedb" or "both")
        {
            using var lite = Node(world, null, clock);
            rows.Add(("LiteDB: " + Chat([lite], users, turns, null).Text, ""));
            rows.Add(("LiteDB: reminder pass over the world (read, plan, record)", Pass(lite, clock)));
            rows.Add(("LiteDB: publish 200 units × 5 tasks — p50 / max of 5", Publish(lite, world, "L")));
        }
        if (connection is not null)
        {
            var province = Enumerable.Range(0, nodes).Select(_ => Node(world, connection, clock)).ToList();
            try
            {
                if (statements) Sql(connection, "create extension if not exists pg_stat_statements; select pg_stat_statements_reset()");
                var (chat, warmUp) = Chat(province, users, turns, cluster!.ProcessorTime);
                rows.Add(($"PostgreSQL, {nodes} nodes: " + chat, ""));
                if (statements) rows.AddRange(StatementsPerTurn(connection, turns + warmUp));
                rows.Add(("PostgreSQL: reminder pass over the world (read, plan, record)", Pass(province[0], clock)));
                rows.Add(("PostgreSQL: publish 200 units × 5 tasks — p50 / max of 5", Publish(province[0], world, "P")));
            }
            finally
            {
                foreach (var node in province) node.Dispose();
            }
        }
        Console.WriteLine($"| bench province ({Environment.ProcessorCount} cores) | figure |");
        Console.WriteLine("|---|---|");
        foreach (var (what, figure) in rows) Console.WriteLine($"| {what} | {figure} |");
        return Task.FromResult(0);
    }

    // A node: the bot's parts over the bench's district, on its LiteDB file (connection null) or on the database.
    private static ServiceProvider Node(BenchWorld world, string? connection, TimeProvider clock) =>
        Node(world.Units, clock, connection, connection is null ? world.Store : null);

    /// <summary>The bot's parts for a bench, on <paramref name="file"/> or on the database at <paramref name="connection"/>; messages go to a recording channel.</summary>
    internal static ServiceProvider Node(UnitDirectory units, TimeProvider clock, string? connection, BotStore? file = null)
    {
        var settings = new Dictionary<string, string?>();
        if (connection is not null)
        {
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = connection;
        }
        var configuration = BotConfiguration.Build(settings);
        return BotServices.Build(configuration, services =>
        {
            if (file is not null) services.AddSingleton(file);
            services.AddSingleton(units);
            services.AddSingleton(clock);
            services.AddSingleton<Bot.Channels.IChannel>(new RecordingChannel());
            services.AddReminderDelivery(configuration);
        });
    }

    // Warm-up in rounds of this many turns, until a round leaves the runtime little to compile (or MaxWarmUpRounds).
    private const int WarmUpRound = 2_000;
    private const int MaxWarmUpRounds = 15;
    private const int SettledBelow = 25;

    // 4 callers spread over the nodes, each turn a question of a linked official; updates/s and per-turn latency, with
    // the processor time each turn took: the bench's nodes (this process), and the server's (serverTime) when it has one.
    // The turns are also timed in tenths: this machine's speed varies from minute to minute, and the tenths show how much.
    private static (string Text, int WarmUpTurns) Chat(IReadOnlyList<ServiceProvider> nodes, List<Official> users, int turns, Func<TimeSpan?>? serverTime)
    {
        var conversations = nodes.Select(n => (n.GetRequiredService<ConversationRouter>(), n.GetRequiredService<INodeCoordination>())).ToList();
        // Warm-up from the same callers until the runtime has compiled the chat's code at its final tier, as in a node
        // that has run for a while (compiled meanwhile, below, shows what was left).
        var warmUp = 0;
        for (var round = 0; round < MaxWarmUpRounds; round++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            Parallel.For(warmUp, warmUp + WarmUpRound, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => Turn(conversations[i % conversations.Count], users[i % users.Count], i));
            warmUp += WarmUpRound;
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - before < SettledBelow) break;
        }
        var latencies = new ConcurrentBag<double>();
        var tenth = Math.Max(1, turns / 10);
        var marks = new long[turns / tenth + 1];
        var next = -1;
        var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var (nodeTime, serverBefore) = (Process.GetCurrentProcess().TotalProcessorTime, serverTime?.Invoke());
        var watch = Stopwatch.StartNew();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, caller =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < turns)
            {
                if (i % tenth == 0) marks[i / tenth] = watch.ElapsedTicks;
                var t = Stopwatch.GetTimestamp();
                Turn(conversations[caller % conversations.Count], users[i % users.Count], i);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        });
        if (turns % tenth == 0) marks[^1] = watch.ElapsedTicks;
        var perSecond = turns / watch.Elapsed.TotalSeconds;
        var nodesPerTurn = (Process.GetCurrentProcess().TotalProcessorTime - nodeTime).TotalMilliseconds / turns;
        var serverPerTurn = serverTime?.Invoke() - serverBefore is { } server ? server.TotalMilliseconds / turns : (double?)null;
        var processor = string.Create(CultureInfo.InvariantCulture, $"; processor per turn: nodes {nodesPerTurn:0.00} ms")
            + (serverPerTurn is { } s ? string.Create(CultureInfo.InvariantCulture, $", server {s:0.00} ms") : "");
        var tenths = Enumerable.Range(0, turns / tenth)
            .Select(k => tenth / ((marks[k + 1] - marks[k]) / (double)Stopwatch.Frequency)).Order().ToList();
        var spread = tenths.Count < 2 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; by tenths slowest / median / fastest {tenths[0]:N0} / {BenchWorld.Percentile(tenths, 0.5):N0} / {tenths[^1]:N0} updates/s");
        var sorted = latencies.Order().ToList();
        var jit = string.Create(CultureInfo.InvariantCulture,
            $"; after {warmUp:N0} turns of warm-up, compiled meanwhile {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted:N0} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds:0.0} s");
        return (string.Create(CultureInfo.InvariantCulture, $"chat, {turns:N0} turns from 4 callers: {perSecond:N0} updates/s, p50 / p99 {BenchWorld.Percentiles(sorted, "0.0")}")
            + spread + processor + jit, warmUp);
    }

    // The chat's statements, most server time first: calls and server milliseconds per turn.
    private static List<(string, string)> StatementsPerTurn(string connection, int turns)
    {
        using var c = new Npgsql.NpgsqlConnection(connection);
        c.Open();
        using var command = new Npgsql.NpgsqlCommand("""
            select calls, total_exec_time, left(regexp_replace(query, '\s+', ' ', 'g'), 110) from pg_stat_statements
            where query not like '%pg_stat_statements%' order by total_exec_time desc limit 15
            """, c);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
            rows.Add(("  " + reader.GetString(2).Replace("|", "\\|", StringComparison.Ordinal), string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetInt64(0) / (double)turns:0.00} calls, {reader.GetDouble(1) / turns:0.000} ms per turn")));
        return rows;
    }

    private static void Sql(string connection, string sql)
    {
        using var c = new Npgsql.NpgsqlConnection(connection);
        c.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    private static long s_updateId;

    // An update as a node takes it: claimed on the store (each handled once across nodes), answered, marked handled.
    private static void Turn((ConversationRouter Conversation, INodeCoordination Nodes) node, Official user, int i)
    {
        var chat = user.ChatAccounts[0].UserId;
        var id = Interlocked.Increment(ref s_updateId);
        if (node.Nodes.Claim("telegram", id) != UpdateClaim.Mine) throw new InvalidOperationException($"update {id} was not this node's");
        node.Conversation.Handle(new Inbound("telegram", chat, chat) { Text = ChatBench.Questions[i % ChatBench.Questions.Length] });
        node.Nodes.Handled("telegram", id);
    }

    // The first pass over a world nobody was ever reminded in records every step passed over; the next reads that back
    // (what the outbox recorded since); the one after is a minute's pass as it runs day to day.
    private static string Pass(ServiceProvider node, FakeTimeProvider clock)
    {
        var pass = node.GetRequiredService<ReminderPass>();
        var watch = Stopwatch.StartNew();
        var ids = pass.PlanAndRecord();
        var first = watch.Elapsed.TotalSeconds;
        clock.Advance(TimeSpan.FromMinutes(1));
        watch.Restart();
        pass.PlanAndRecord();
        var next = watch.Elapsed.TotalSeconds;
        clock.Advance(TimeSpan.FromMinutes(1));
        watch.Restart();
        pass.PlanAndRecord();
        return string.Create(CultureInfo.InvariantCulture,
            $"first {first:0.00} s ({ids.Count:N0} messages recorded); next {next:0.00} s; a minute later {watch.Elapsed.TotalSeconds:0.00} s");
    }

    private static string Publish(ServiceProvider node, BenchWorld world, string tag)
    {
        var importer = node.GetRequiredService<DirectiveImporter>();
        var units = world.Units.Units.Take(200).Select(u => u.Name).ToArray();
        var due = TimeProvider.System.GetUtcNow().AddDays(20);
        var times = new List<double>();
        for (var d = 0; d < 5; d++)
        {
            var tasks = Enumerable.Range(1, 5).Select(t => new DirectiveTask(t.ToString(CultureInfo.InvariantCulture), TaskKind.Task,
                $"Nhiệm vụ công bố {tag}{d}.{t}", units, [], null, due.AddDays(t), null)).ToList();
            var watch = Stopwatch.StartNew();
            var result = importer.Import(BenchWorld.Directive($"{d + 1}/PUB{tag}", tasks), publish: true, [], "bench");
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (result.Saved.Inserted != 1_000) throw new InvalidOperationException($"published {result.Saved.Inserted}, not 1,000");
        }
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"{times[2]:0} / {times[^1]:0} ms (1,000 assignments each)");
    }

    // 09:00 in Vietnam on the next working day (a pass outside working hours plans nothing).
    private static DateTimeOffset WorkingMorning()
    {
        var day = DateOnly.FromDateTime(Bot.Domain.Time.VietnamTime.ToLocal(TimeProvider.System.GetUtcNow())).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return Bot.Domain.Time.VietnamTime.FromLocal(day.ToDateTime(new TimeOnly(9, 0)));
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bot.Testing.Telegram;
using Bot.Domain.Organization;
using Bot.Domain.Conversation;
using Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Bench;

/// <summary>
/// `Bot bench chat [--assignments N] [--users N] [--dir FOLDER]`: the real host polling the fake
/// Bot API on 127.0.0.1 over a made-up district with 1,000,000 assignments. Officials of 1,000
/// units ask the usual questions; it measures updates handled per second (a burst) and each
/// update's time from arrival at the Bot API to the bot's reply there (paced at a steady rate).
/// The fake server's send limits are lifted here: this measures the bot, not Telegram's quotas; and
/// the reminders are off in this host, so the chat path is measured alone (`bench remind` measures them).
/// </summary>
public static class ChatBench
{
    internal static readonly string[] Questions = ["việc của tôi", "quá hạn", "sắp đến hạn", "viec cua toi", "tuần sau", "việc 3", "công văn 7"];

    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var users = BenchWorld.Count(args, "users", 1_000);
        var burst = BenchWorld.Count(args, "burst", 5_000);
        var paced = BenchWorld.Count(args, "paced", 2_000);
        var rate = BenchWorld.Count(args, "rate", 250);
        using var world = BenchWorld.Create(args);
        var rows = new List<(string, string)>(world.Timings);

        // One linked official per unit, up to --users.
        var chats = world.Officials.GroupBy(o => o.UnitCode).Select(g => g.First()).Take(users)
            .Select((o, i) => (Official: o, Chat: 500_000L + i)).ToList();
        world.Store.Directory.Upsert(chats.Select(c => c.Official with
        {
            ChatAccounts = [new ChatAccount("telegram", c.Chat.ToString(CultureInfo.InvariantCulture))],
        }).ToList());

        // The bench's own district and store, in place of the configured ones.
        void World(IServiceCollection services)
        {
            services.AddSingleton(world.Store);
            services.AddSingleton(world.Units);
        }

        // The conversation alone, without HTTP: what each update costs the bot itself.
        using (var direct = BotServices.Build(BotConfiguration.Build(), World))
        {
            var conversation = direct.GetRequiredService<ConversationRouter>();
            var alone = new List<double>();
            var pick = new Random(5);
            for (var i = 0; i < 2_000; i++)
            {
                var chat = chats[i % chats.Count].Chat.ToString(CultureInfo.InvariantCulture);
                var t = Stopwatch.GetTimestamp();
                conversation.Handle(new Inbound("telegram", chat, chat) { Text = Questions[pick.Next(Questions.Length)] });
                if (i >= 500) alone.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            alone.Sort();
            rows.Add(("conversation alone (no HTTP), p50 / p99", BenchWorld.Percentiles(alone)));
            // Each question on its own, and the processor time it takes: what to look at when the mix slows down.
            foreach (var question in Questions)
            {
                var each = new List<double>();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < 200; i++)
                {
                    var chat = chats[i % chats.Count].Chat.ToString(CultureInfo.InvariantCulture);
                    var t = Stopwatch.GetTimestamp();
                    conversation.Handle(new Inbound("telegram", chat, chat) { Text = question });
                    each.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
                var perQuestion = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / each.Count;
                each.Sort();
                rows.Add(($"  «{question}» p50 / p99, processor per question",
                    BenchWorld.Percentiles(each) + " / " + perQuestion.ToString("0.00", CultureInfo.InvariantCulture) + " ms"));
            }
        }

        var replied = new ConcurrentDictionary<long, long>();
        var replies = 0;
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            PerChatPerSecond = 10_000, PerChatBurst = 10_000, OverallPerSecond = 1_000_000,
            OnBotMessage = chat =>
            {
                replied[chat] = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref replies);
            },
        });
        await using var host = BotHost.Build(BotRole.Serve, new Dictionary<string, string?>
        {
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "10",
            ["Logging:LogLevel:Default"] = "Warning",
            // The chat path alone: the reminder planner's pass over the district is `bench remind`'s figure.
            ["Scheduling:Reminders"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
        }, World)!;
        await host.StartAsync();

        // Warm-up: every user says hello once (and so their chat exists).
        foreach (var (_, chat) in chats) telegram.SendText(chat, "xin chào");
        await Until(() => Volatile.Read(ref replies) >= chats.Count, TimeSpan.FromMinutes(5));

        // Throughput: a burst of questions, several per chat.
        var random = new Random(11);
        var before = Volatile.Read(ref replies);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < burst; i++) telegram.SendText(chats[i % chats.Count].Chat, Questions[random.Next(Questions.Length)]);
        await Until(() => Volatile.Read(ref replies) >= before + burst, TimeSpan.FromMinutes(10));
        var perSecond = burst / watch.Elapsed.TotalSeconds;
        rows.Add(($"burst: {burst:N0} updates from {chats.Count:N0} chats handled", BenchWorld.Seconds(watch)));
        rows.Add(("updates per second (target ≥ 500)", perSecond.ToString("N0", CultureInfo.InvariantCulture)));

        // Latency: a steady stream, one question at a time per chat, from arrival to reply.
        var latencies = new List<double>(paced);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var start = Stopwatch.GetTimestamp();
        var pending = new List<(long Chat, long SentAt)>();
        for (var i = 0; i < paced; i++)
        {
            var due = start + (long)(i * interval.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < due) await Task.Delay(1);
            var chat = chats[i % chats.Count].Chat;
            replied.TryRemove(chat, out _);
            var at = Stopwatch.GetTimestamp();
            telegram.SendText(chat, Questions[random.Next(Questions.Length)]);
            pending.Add((chat, at));
            Collect(pending, replied, latencies);
        }
        await Until(() => { Collect(pending, replied, latencies); return pending.Count == 0; }, TimeSpan.FromMinutes(2));
        latencies.Sort();
        rows.Add(($"steady stream: {paced:N0} updates at {rate}/s, arrival → reply p50 / p99 (target p99 < 20 ms)",
            BenchWorld.Percentiles(latencies, "0.0")));
        rows.Add(("replies sent through the fake Bot API", telegram.Stats.Sent.ToString("N0", CultureInfo.InvariantCulture)));
        await host.StopAsync();

        var table = new Table().Title("bench chat").AddColumn("measure").AddColumn(new TableColumn("figure").RightAligned());
        foreach (var (what, figure) in rows) table.AddRow(Markup.Escape(what), figure);
        AnsiConsole.Write(table);
        return 0;
    }

    private static void Collect(List<(long Chat, long SentAt)> pending, ConcurrentDictionary<long, long> replied, List<double> latencies)
    {
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            var (chat, sentAt) = pending[i];
            if (replied.TryGetValue(chat, out var at) && at >= sentAt)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
                pending.RemoveAt(i);
            }
        }
    }

    private static async Task Until(Func<bool> done, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > limit) throw new TimeoutException("The bot stopped answering during the bench.");
            await Task.Delay(5);
        }
    }

}

using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Hosting;
using Bot.Scheduling;
using Bot.Storage;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests;

/// <summary>
/// A real store in a temporary folder, filled like the demo: Tứ Kỳ's sample directory and the sample
/// directives of Tứ Kỳ and its province, published on 20/10/2023. The clock is a <see cref="FakeTimeProvider"/> that moves
/// only when the test moves it, and the reminders go to a <see cref="RecordingChannel"/>. The demo's
/// store is made once per run and copied for each world.
/// </summary>
internal sealed class BotWorld : IDisposable
{
    public static readonly DateTimeOffset Today = DemoData.Today;

    private static readonly Lazy<string> Template = new(MakeTemplate);

    private BotWorld(string folder, string channel, DateTimeOffset start)
    {
        Folder = folder;
        Channel = new RecordingChannel(channel);
        Clock = new Bot.Testing.WaitAwareClock(start);
    }

    public string Folder { get; }

    public string DbPath => Path.Combine(Folder, "bot.db");

    public FakeTimeProvider Clock { get; }

    /// <summary>Where reminders go; its name is the channel officials must be linked on to get them.</summary>
    public RecordingChannel Channel { get; }

    /// <param name="channel">The channel reminders go through (dialogues link their speaker on "test").</param>
    /// <param name="start">Where the clock starts: <see cref="Today"/> unless said.</param>
    public static BotWorld Create(string channel = "telegram", DateTimeOffset? start = null)
    {
        var world = new BotWorld(Directory.CreateTempSubdirectory("bot-world-").FullName, channel, start ?? Today);
        foreach (var file in Directory.GetFiles(Template.Value)) File.Copy(file, Path.Combine(world.Folder, Path.GetFileName(file)));
        return world;
    }

    /// <summary>The bot over the world's store, clock and channel, from the composition root (the caller disposes it).</summary>
    public TestBot Open() => new(DbPath, Clock, Channel);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static string MakeTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("bot-world-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        using (var bot = new TestBot(Path.Combine(folder, "bot.db"), new Bot.Testing.WaitAwareClock(Today), new RecordingChannel()))
            DemoData.Seed(bot.Services);
        File.Delete(Path.Combine(folder, "bot.db.lock"));
        return folder;
    }
}

/// <summary>The bot's parts over a store, as the composition root makes them, with a fake clock and a recording channel.</summary>
internal sealed class TestBot : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="others">More channels beside <paramref name="channel"/> (a second platform).</param>
    public TestBot(string dbPath, FakeTimeProvider clock, RecordingChannel channel, IReadOnlyDictionary<string, string?>? settings = null,
        IReadOnlyList<RecordingChannel>? others = null)
    {
        Clock = clock;
        Channel = channel;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = dbPath,
            // No pacing between chats in these tests: the pacer has tests of its own.
            ["Delivery:OverallPerSecond"] = "1000000",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = BotServices.Build(configuration, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<Bot.Channels.IChannel>(channel);
            foreach (var other in others ?? []) services.AddSingleton<Bot.Channels.IChannel>(other);
            services.AddReminderDelivery(configuration);
        });
    }

    public IServiceProvider Services => _services;

    public FakeTimeProvider Clock { get; }

    public RecordingChannel Channel { get; }

    public ConversationRouter Conversation => Get<ConversationRouter>();

    public IStore Store => Get<IStore>();

    public UnitDirectory Units => Get<UnitDirectory>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Reply Handle(Inbound inbound) => Conversation.Handle(inbound);

    /// <summary>Links an official to a chat account, as sharing their phone would.</summary>
    public Official Link(string phone, ChatAccount account)
    {
        var official = Store.Directory.ByPhone(phone)!;
        Store.Directory.Upsert([official with { ChatAccounts = [account] }]);
        return official;
    }

    /// <summary>
    /// A reminder pass now, and every message it recorded delivered through the recording channel;
    /// the fake clock moves on only as far as a delivery's waits ask (a retry's backoff, a throttle).
    /// </summary>
    public IReadOnlyList<DeliveryOutcome> Remind(bool digests = false)
    {
        var pass = Get<ReminderPass>();
        IReadOnlyList<string> ids = digests ? pass.RecordDigests() : [.. pass.Wake(), .. pass.PlanAndRecord()];
        var delivery = Get<NudgeDelivery>();
        return [.. ids.Select(id => Drive(delivery.DeliverAsync(id, CancellationToken.None)))];
    }

    /// <summary>
    /// Runs a task that waits on the fake clock, moving the clock in small steps until it is done: only while the
    /// task waits on it (a clock that can tell), so a slow machine does not make simulated time pass.
    /// </summary>
    public T Drive<T>(Task<T> task)
    {
        var running = System.Diagnostics.Stopwatch.StartNew();
        for (var step = 0; !task.Wait(TimeSpan.FromMilliseconds(1));)
        {
            if (Clock is Bot.Testing.WaitAwareClock { AnythingWaits: false })
            {
                if (running.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The task neither ends nor waits on the clock.");
                continue;
            }
            if (++step > 100_000) throw new TimeoutException("The task still waits after a simulated day.");
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        return task.Result;
    }

    public IReadOnlyList<OfficialPreferences> Preferences => Store.Preferences.AllPreferences();

    public void Dispose() => _services.Dispose();
}

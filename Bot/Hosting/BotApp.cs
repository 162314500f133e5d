using System.Security.Cryptography;
using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Conversation;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Configuration;

namespace Bot.Hosting;

/// <summary>
/// The composition root: the store, the district's units, the work calendar, the recognizers and
/// the conversation, built once from configuration. Every verb and the server use it.
/// </summary>
public sealed class BotApp : IDisposable
{
    private readonly bool _ownsStore;

    private BotApp(BotStore store, UnitDirectory units, WorkCalendar calendar, ReminderPolicy policy, TimeProvider clock, bool ownsStore = true)
    {
        _ownsStore = ownsStore;
        Store = store;
        Units = units;
        Calendar = calendar;
        Policy = policy;
        Clock = clock;
        Time = new TimeRecognizer(calendar);
        Reader = new DirectiveReader(Time.Recognize);
        Directives = new DirectiveSource(Reader, clock);
        Importer = new DirectiveImporter(store.Assignments, units, clock);
        Planner = new NudgePlanner(policy, calendar);
        Assistant = new Assistant(store.Directory, store.Assignments, store.Conversation, units, Time, new ButtonSigner(ButtonKey(store)), Planner, clock);
    }

    public BotStore Store { get; }

    public UnitDirectory Units { get; }

    public WorkCalendar Calendar { get; }

    public ReminderPolicy Policy { get; }

    public TimeProvider Clock { get; }

    public TimeRecognizer Time { get; }

    public DirectiveReader Reader { get; }

    public IDirectiveSource Directives { get; }

    public DirectiveImporter Importer { get; }

    public NudgePlanner Planner { get; }

    public Assistant Assistant { get; }

    /// <summary>Opens the store at <paramref name="dbPath"/> (or Storage:Path) and loads config/ files.</summary>
    public static BotApp Open(IConfiguration configuration, string? dbPath, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var units = UnitsFile.Load(BotConfiguration.FindFile(configuration["Directory:Units"] ?? UnitsFile.DefaultPath));
        var calendar = new WorkCalendar(HolidayPlan.Parse(File.ReadAllText(BotConfiguration.FindFile("config/holidays.json"))));
        var policyFile = BotConfiguration.FindFile("config/reminders.json");
        var policy = File.Exists(policyFile) ? ReminderPolicy.Parse(File.ReadAllText(policyFile)) : ReminderPolicy.Default;
        var store = BotStore.Open(StoreOptions.From(configuration, dbPath), clock);
        return new BotApp(store, units, calendar, policy, clock);
    }

    /// <summary>The bot over a store and units made elsewhere (the benches' made-up district); the store stays the caller's.</summary>
    public static BotApp Create(BotStore store, UnitDirectory units, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        var calendar = new WorkCalendar(HolidayPlan.Parse(File.ReadAllText(BotConfiguration.FindFile("config/holidays.json"))));
        return new BotApp(store, units, calendar, ReminderPolicy.Default, clock, ownsStore: false);
    }

    /// <summary>
    /// The key that signs buttons: made at the first start and kept in the store, so buttons
    /// survive restarts and no secret sits in the repository or the configuration.
    /// </summary>
    private static byte[] ButtonKey(BotStore store)
    {
        var settings = store.Database.GetCollection("settings");
        var doc = settings.FindById("button-key");
        if (doc is not null) return doc["value"].AsBinary;
        var key = RandomNumberGenerator.GetBytes(32);
        settings.Upsert(new BsonDocument { ["_id"] = "button-key", ["value"] = key });
        return key;
    }

    public void Dispose()
    {
        if (_ownsStore) Store.Dispose();
    }
}

using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Conversation;
using Bot.Domain.Conversation.Handlers;
using Bot.Domain.Desk;
using Bot.Domain.Directives;
using Bot.Domain.Extensions;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Hosting;

/// <summary>
/// The composition root: the bot's parts, built once from configuration, for `serve`,
/// `remind-worker`, `chat`, every verb, the benches and the tests alike. Everything is registered
/// with TryAdd, so a host or a test that registered a part first (a fake clock, a recording channel,
/// a bench's ready store) keeps its own. Parts are made when first asked for: `parse` never opens the store.
/// </summary>
public static class BotServices
{
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<IConfiguration>(configuration);
        services.TryAddSingleton<TimeProvider>(_ => StartedClock.From(configuration["Clock:Now"]));

        AddStore(services, configuration);

        // The district: its units, its calendar and office hours, the reminder policy; the readers of time and directives.
        services.TryAddSingleton(_ => UnitsFile.Load(ConfigFiles.Find(configuration["Directory:Units"] ?? ConfigFiles.Units)));
        services.TryAddSingleton(_ => File.Exists(ConfigFiles.Find(configuration["Reminders:Policy"] ?? ConfigFiles.Reminders))
            ? ReminderPolicy.Parse(ConfigFiles.Read(configuration["Reminders:Policy"] ?? ConfigFiles.Reminders))
            : ReminderPolicy.Default);
        services.TryAddSingleton(sp => new WorkCalendar(
            HolidayPlan.Parse(ConfigFiles.Read(configuration["Reminders:Holidays"] ?? ConfigFiles.Holidays)), sp.GetRequiredService<ReminderPolicy>().Hours));
        services.TryAddSingleton<IWorkCalendar>(sp => sp.GetRequiredService<WorkCalendar>());
        services.TryAddSingleton(sp => new TimeRecognizer(sp.GetRequiredService<IWorkCalendar>()));
        services.TryAddSingleton(sp => new DirectiveReader(sp.GetRequiredService<TimeRecognizer>().Recognize));
        services.TryAddSingleton<DirectiveSource>();
        services.TryAddSingleton<IDirectiveSource>(sp => sp.GetRequiredService<DirectiveSource>());
        services.TryAddSingleton<DirectiveImporter>();
        services.TryAddSingleton<Bot.Domain.Desk.Publication>();
        services.TryAddSingleton<NudgePlanner>();
        services.TryAddSingleton<Reachability>();
        services.TryAddSingleton<IOutboxDispatch, LeftForTheWorker>();

        // The office's desk: directives sent in chat, read, reviewed, published.
        services.TryAddSingleton(_ => configuration.GetSection("Desk:WorkingDays").Get<DeskPolicy>() ?? DeskPolicy.Default);
        services.TryAddSingleton<IDirectiveIntake, Bot.Desk.ChatIntake>();
        services.TryAddSingleton<IChatFiles, Bot.Desk.ChatFiles>();

        // Extension requests: who decides them.
        services.TryAddSingleton(_ => ExtensionPolicy.Parse(configuration["Extensions:Approvers"]));
        services.TryAddSingleton<ExtensionMessages>();

        // Leaders' reports: the chart and the workbook (Reports:Font, a font with Vietnamese diacritics).
        services.TryAddSingleton<Bot.Domain.Reports.IReportFiles>(_ => new Bot.Reports.ReportFiles(configuration["Reports:Font"] ?? Bot.Reports.ReportFiles.DefaultFont));

        // The conversation: a router and one handler per feature.
        services.TryAddSingleton(sp => new ButtonSigner(sp.GetRequiredService<IConversationStore>().ButtonKey()));
        services.TryAddSingleton<Buttons>();
        services.TryAddSingleton<ShownLists>();
        services.TryAddSingleton<Rankings>();
        services.TryAddSingleton<Workload>();
        services.TryAddSingleton<Reach>();
        services.TryAddSingleton<DirectiveLookup>();
        services.TryAddSingleton<NamedUnits>();
        services.TryAddSingleton<TurnReader>();
        services.TryAddSingleton<LinkingHandler>();
        services.AddConversationHandler<LinkingHandler>();
        services.TryAddSingleton<PartProgressHandler>();
        services.AddConversationHandler<EvidenceHandler>(); // before the desk: a file with or just after a progress report is its evidence
        services.AddConversationHandler<DeskHandler>(); // before the lists: a typed answer to the desk's question is the desk's
        services.AddConversationHandler<ExtensionHandler>(); // before the lists too: "30/11" answers its question
        services.AddConversationHandler<ListsHandler>();
        services.AddConversationHandler<ReportHandler>(); // before the district's lists: a leader's "tiến độ công văn 1259" is its report
        services.AddConversationHandler<DistrictHandler>();
        services.AddConversationHandler<TaskActionsHandler>();
        services.AddConversationHandler<OriginalsHandler>();
        services.AddConversationHandler<ProgressHandler>();
        services.AddConversationHandler<PartProgressHandler>();
        services.AddConversationHandler<PreferencesHandler>();
        services.AddConversationHandler<HelpHandler>();
        services.TryAddSingleton<ConversationRouter>();
        services.TryAddSingleton<IConversation>(sp => sp.GetRequiredService<ConversationRouter>());
        services.TryAddSingleton<ReminderMessages>();
        return services;
    }

    /// <summary>The provider <c>Storage:Provider</c> names when none is configured.</summary>
    public const string LiteDb = "LiteDb";

    /// <summary>The shared database of a province: any number of nodes on one <c>Storage:ConnectionString</c>.</summary>
    public const string PostgreSql = "PostgreSql";

    /// <summary>Which store <c>Storage:Provider</c> names (<see cref="LiteDb"/> when unset), or an error that says what is allowed.</summary>
    public static string StoreProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Storage:Provider"] is { Length: > 0 } p ? p : LiteDb;
        if (string.Equals(provider, LiteDb, StringComparison.OrdinalIgnoreCase)) return LiteDb;
        if (string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase)) return PostgreSql;
        throw new InvalidOperationException($"Storage:Provider \"{provider}\" is not supported; use \"{LiteDb}\" or \"{PostgreSql}\".");
    }

    /// <summary>
    /// The one place the store is chosen (<c>Storage:Provider</c>): <see cref="LiteDb"/>, one embedded file per
    /// process (Storage:Path), or <see cref="PostgreSql"/>, a database several nodes share
    /// (Storage:ConnectionString, env Storage__ConnectionString), its schema migrated when it opens. Either is an
    /// <see cref="IStore"/>, closed with the host; its parts are the interfaces everything above uses.
    /// </summary>
    private static void AddStore(IServiceCollection services, IConfiguration configuration)
    {
        if (StoreProvider(configuration) == PostgreSql)
        {
            services.TryAddSingleton<IStore>(sp => Bot.Storage.Postgres.PgStore.Open(
                configuration["Storage:ConnectionString"] is { Length: > 0 } cs ? cs
                    : throw new InvalidOperationException("Storage:Provider is PostgreSql but Storage:ConnectionString (env Storage__ConnectionString) is not set."),
                sp.GetRequiredService<TimeProvider>(), sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("Bot.Storage")));
        }
        else
        {
            services.TryAddSingleton(_ => StoreOptions.From(configuration));
            services.TryAddSingleton(sp => BotStore.Open(sp.GetRequiredService<StoreOptions>(), sp.GetRequiredService<TimeProvider>()));
            // A store the caller registered (a bench's ready file) stays the caller's to close: the same instance, not one the container owns.
            if (services.FirstOrDefault(d => d.ServiceType == typeof(BotStore))?.ImplementationInstance is BotStore given) services.TryAddSingleton<IStore>(given);
            else services.TryAddSingleton<IStore>(sp => sp.GetRequiredService<BotStore>());
        }
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Assignments);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Directory);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Conversation);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Preferences);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Outbox);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Drafts);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Originals);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Nodes);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Extensions);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().Progress);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().ReportSource);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStore>().WorkChanges);
    }

    /// <summary>A feature of the conversation: it answers the intents it owns (see <see cref="IConversationHandler"/>).</summary>
    public static IServiceCollection AddConversationHandler<THandler>(this IServiceCollection services) where THandler : class, IConversationHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationHandler, THandler>());
        return services;
    }

    /// <summary>The directive reader as the bot has it (its calendar, its recognizer), for verbs that need nothing else.</summary>
    public static DirectiveReader Reader()
    {
        using var bot = Build(BotConfiguration.Build());
        return bot.GetRequiredService<DirectiveReader>();
    }

    /// <summary>The time recognizer as the bot has it (on the work calendar), for verbs that need nothing else.</summary>
    public static TimeRecognizer Recognizer()
    {
        using var bot = Build(BotConfiguration.Build());
        return bot.GetRequiredService<TimeRecognizer>();
    }

    /// <summary>
    /// The bot's parts outside a web host (the verbs, the console demo, tests and benches). <paramref name="also"/>
    /// registers parts first, which then win. Disposing it closes the store.
    /// </summary>
    public static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? also = null)
    {
        var services = new ServiceCollection();
        also?.Invoke(services);
        services.AddLogging();
        return services.AddBot(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }
}

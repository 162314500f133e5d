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
        services.TryAddSingleton<NudgePlanner>();
        services.TryAddSingleton<Reachability>();
        services.TryAddSingleton<IOutboxDispatch, LeftForTheWorker>();

        // The office's desk: directives sent in chat, read, reviewed, published.
        services.TryAddSingleton(_ => configuration.GetSection("Desk:WorkingDays").Get<DeskPolicy>() ?? DeskPolicy.Default);
        services.TryAddSingleton<IDirectiveIntake, Bot.Desk.ChatIntake>();

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
        services.TryAddSingleton<NamedUnits>();
        services.TryAddSingleton<TurnReader>();
        services.TryAddSingleton<LinkingHandler>();
        services.AddConversationHandler<LinkingHandler>();
        services.AddConversationHandler<DeskHandler>(); // before the lists: a typed answer to the desk's question is the desk's
        services.AddConversationHandler<ExtensionHandler>(); // before the lists too: "30/11" answers its question
        services.AddConversationHandler<ListsHandler>();
        services.AddConversationHandler<DistrictHandler>();
        services.AddConversationHandler<TaskActionsHandler>();
        services.AddConversationHandler<ProgressHandler>();
        services.AddConversationHandler<PartProgressHandler>();
        services.AddConversationHandler<ReportHandler>();
        services.AddConversationHandler<PreferencesHandler>();
        services.AddConversationHandler<HelpHandler>();
        services.TryAddSingleton<ConversationRouter>();
        services.TryAddSingleton<IConversation>(sp => sp.GetRequiredService<ConversationRouter>());
        services.TryAddSingleton<ReminderMessages>();
        return services;
    }

    /// <summary>The provider <c>Storage:Provider</c> names when none is configured.</summary>
    public const string LiteDb = "LiteDb";

    /// <summary>
    /// The one place the store is chosen (<c>Storage:Provider</c>): <see cref="LiteDb"/>, one embedded file per
    /// process (Storage:Path), closed with the host. Another provider (PostgreSQL) registers its own
    /// implementations of the same interfaces (and the desk's two) here; nothing above them changes.
    /// </summary>
    private static void AddStore(IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] is { Length: > 0 } p ? p : LiteDb;
        if (!string.Equals(provider, LiteDb, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider \"{provider}\" is not supported; use \"{LiteDb}\".");
        services.TryAddSingleton(_ => StoreOptions.From(configuration));
        services.TryAddSingleton(sp => BotStore.Open(sp.GetRequiredService<StoreOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Assignments);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Directory);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Conversation);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Preferences);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Outbox);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Drafts);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Originals);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Extensions);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().Progress);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotStore>().ReportSource);
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

using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Storage;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Scheduling;

/// <summary>
/// Wiring of the reminders. The host registers <see cref="BotStore"/>, <see cref="Bot.Channels.IChannel"/>,
/// <see cref="Assistant"/> and <see cref="TimeProvider"/>; this adds the units, policy, calendar and
/// planner (unless the host did), the outbox, the pacer, the delivery and Hangfire with its jobs.
/// </summary>
public static class ReminderSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var scheduling = Bind<SchedulingOptions>(config, SchedulingOptions.Section);
        services.AddSingleton(scheduling);
        services.AddSingleton(Bind<PacerOptions>(config, PacerOptions.Section));
        services.AddSingleton(Bind<DeliveryOptions>(config, DeliveryOptions.Section));

        services.TryAddSingleton(_ => ReminderPolicy.Parse(File.ReadAllText(ConfigFile(config["Reminders:Policy"] ?? "config/reminders.json"))));
        services.TryAddSingleton<IWorkCalendar>(_ => new WorkCalendar(HolidayPlan.Parse(File.ReadAllText(ConfigFile(config["Reminders:Holidays"] ?? "config/holidays.json")))));
        services.TryAddSingleton(sp => new NudgePlanner(sp.GetRequiredService<ReminderPolicy>(), sp.GetRequiredService<IWorkCalendar>()));
        services.TryAddSingleton(_ => UnitsFile.Load(config["Directory:Units"]));
        services.TryAddSingleton<IAssignmentStore>(sp => sp.GetRequiredService<BotStore>().Assignments);
        services.TryAddSingleton<IDirectoryStore>(sp => sp.GetRequiredService<BotStore>().Directory);
        services.TryAddSingleton<IConversationStore>(sp => sp.GetRequiredService<BotStore>().Conversation);
        services.AddSingleton<INudgeOutbox>(sp => new LiteNudgeOutbox(sp.GetRequiredService<BotStore>()));
        services.AddSingleton<SendPacer>();
        services.AddSingleton<SentMarks>();
        services.AddSingleton<NudgeDelivery>();
        services.AddSingleton<ReminderPass>();
        services.AddTransient<ReminderJobs>();

        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            JobStorageChoice.Use(hangfire, scheduling.Storage);
        });
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = scheduling.Workers;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1); // retries and delayed jobs come back promptly
        });
        services.AddHostedService<ReminderStartup>();
        return services;
    }

    /// <summary>The dashboard at /hangfire, when enabled and only with configured admin credentials.</summary>
    public static WebApplication UseReminders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<SchedulingOptions>();
        if (!options.Dashboard) return app;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReminderSetup));
        if (string.IsNullOrEmpty(options.DashboardUser) || string.IsNullOrEmpty(options.DashboardPassword))
        {
            logger.LogError("Hangfire dashboard NOT enabled: Scheduling:Dashboard is true but Scheduling:DashboardUser/DashboardPassword are not configured.");
            return app;
        }
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminBasicAuth(options.DashboardUser, options.DashboardPassword)],
            DisplayStorageConnectionString = false,
        });
        logger.LogInformation("Hangfire dashboard at /hangfire (admin only).");
        return app;
    }

    /// <summary>A file under config/: as given (from the working folder), else beside the binary.</summary>
    internal static string ConfigFile(string path) =>
        File.Exists(path) || Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    private static T Bind<T>(IConfiguration config, string section) where T : new()
    {
        var options = new T();
        config.GetSection(section).Bind(options);
        return options;
    }
}

/// <summary>
/// The one place Hangfire's storage is chosen (`Scheduling:Storage`). "InMemory" is the embedded
/// default: jobs die with the process and are rebuilt from the outbox at start. A larger deployment
/// adds Hangfire.PostgreSql and a "PostgreSql" case here (UsePostgreSqlStorage with
/// `ConnectionStrings:Hangfire`), nothing else changes.
/// </summary>
public static class JobStorageChoice
{
    public const string InMemory = "InMemory";

    public static IGlobalConfiguration Use(IGlobalConfiguration hangfire, string storage) => storage switch
    {
        InMemory => hangfire.UseInMemoryStorage(),
        _ => throw new InvalidOperationException($"Scheduling:Storage \"{storage}\" is not supported; use \"{InMemory}\"."),
    };
}

/// <summary>Basic auth for the dashboard, compared in constant time.</summary>
public sealed class AdminBasicAuth(string user, string password) : IDashboardAuthorizationFilter
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(user + ":" + password);

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            byte[] given;
            try
            {
                given = Convert.FromBase64String(header[6..].Trim());
            }
            catch (FormatException)
            {
                given = [];
            }
            if (CryptographicOperations.FixedTimeEquals(given, _expected)) return true;
        }
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Hangfire\", charset=\"UTF-8\"";
        return false;
    }
}

/// <summary>
/// At start: the recurring jobs (Vietnam time, explicitly), every pending outbox message enqueued
/// again (InMemory lost their jobs), and one planner pass at once rather than at the next minute.
/// </summary>
internal sealed class ReminderStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs, ReminderJobs reminders, ReminderPolicy policy,
    ILogger<ReminderStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var zone = new RecurringJobOptions { TimeZone = VietnamTime.Zone };
        recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.PlanJobId, j => j.PlanAndEnqueue(), Cron.Minutely(), zone);
        recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.DigestJobId, j => j.RecordDigests(), Cron.Daily(policy.DigestAt.Hour, policy.DigestAt.Minute), zone);
        var pending = reminders.RequeuePending();
        jobs.Enqueue<ReminderJobs>(j => j.PlanAndEnqueue());
        jobs.Enqueue<ReminderJobs>(j => j.RecordDigests());
        logger.LogInformation("Reminders scheduled; {Pending} pending messages enqueued again.", pending);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

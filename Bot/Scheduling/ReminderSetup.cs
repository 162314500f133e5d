using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Scheduling;

/// <summary>
/// Wiring of the reminders, over the bot's parts (<see cref="Bot.Hosting.BotServices.AddBot"/>) and a
/// <see cref="Bot.Channels.IChannel"/>: the pacer, the delivery, the pass, and Hangfire with its jobs.
/// </summary>
public static class ReminderSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddReminderDelivery(config);
        var scheduling = Bind<SchedulingOptions>(config, SchedulingOptions.Section);
        services.AddSingleton(scheduling);
        services.AddTransient<ReminderJobs>();
        services.TryAddTransient<RepeatingDuties>();
        services.Replace(ServiceDescriptor.Singleton<IOutboxDispatch, HangfireDispatch>()); // this process delivers

        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            JobStorageChoice.Use(hangfire, config);
        });
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = scheduling.Workers;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1); // retries and delayed jobs come back promptly
        });
        services.AddHostedService<ReminderStartup>();
        return services;
    }

    /// <summary>The pass and the delivery without Hangfire: what the jobs call, and what tests drive with a fake clock.</summary>
    public static IServiceCollection AddReminderDelivery(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.TryAddSingleton(Bind<PacerOptions>(config, PacerOptions.Section));
        services.TryAddSingleton(Bind<DeliveryOptions>(config, DeliveryOptions.Section));
        services.TryAddSingleton<Bot.Channels.ChannelSet>();
        services.TryAddSingleton<SendPacer>();
        services.TryAddSingleton<SentMarks>();
        services.TryAddSingleton<NudgeDelivery>();
        services.TryAddSingleton<ReminderPass>();
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

    private static T Bind<T>(IConfiguration config, string section) where T : new()
    {
        var options = new T();
        config.GetSection(section).Bind(options);
        return options;
    }
}

/// <summary>Outbox messages recorded outside the planner's pass go to delivery at once (or at the next working morning).</summary>
internal sealed class HangfireDispatch(IServiceProvider services) : IOutboxDispatch
{
    public void Dispatch(IReadOnlyList<string> outboxIds) => services.GetRequiredService<ReminderJobs>().EnqueueDeliveries(outboxIds);
}

/// <summary>
/// The one place Hangfire's storage is chosen, by the store (`Storage:Provider`, the single choice): beside a
/// LiteDB file, in memory (jobs die with the process and are rebuilt from the outbox at start); beside
/// PostgreSQL, Hangfire.PostgreSql in the same database (schema "hangfire"), shared by every node: a recurring
/// job fires once for all of them, and a job a dead node had fetched comes back after `Scheduling:JobInvisibleSeconds` (its heartbeat stops).
/// </summary>
public static class JobStorageChoice
{
    public const string InMemory = "InMemory";

    /// <summary>Whether jobs outlive the process (the store is PostgreSQL): then a start need not enqueue the outbox's pending messages again.</summary>
    public static bool Persistent(IConfiguration config) => Bot.Hosting.BotServices.StoreProvider(config) == Bot.Hosting.BotServices.PostgreSql;

    public static IGlobalConfiguration Use(IGlobalConfiguration hangfire, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!Persistent(config)) return hangfire.UseInMemoryStorage();
        var scheduling = config.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        return hangfire.UsePostgreSqlStorage(
            bootstrap => bootstrap.UseNpgsqlConnection(config["Storage:ConnectionString"]),
            new Hangfire.PostgreSql.PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(scheduling.JobInvisibleSeconds),
                DistributedLockTimeout = TimeSpan.FromSeconds(scheduling.LockExpirySeconds),
                UseSlidingInvisibilityTimeout = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(200),
            });
    }
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
/// again when jobs are in memory (they were lost), and one planner pass at once rather than at the next minute.
/// </summary>
internal sealed class ReminderStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs, ReminderJobs reminders, ReminderPolicy policy,
    IConfiguration config, ILogger<ReminderStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var zone = new RecurringJobOptions { TimeZone = VietnamTime.Zone };
        recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.PlanJobId, j => j.PlanAndEnqueue(), Cron.Minutely(), zone);
        recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.DigestJobId, j => j.RecordDigests(), Cron.Daily(policy.DigestAt.Hour, policy.DigestAt.Minute), zone);
        recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.WeeklyJobId, j => j.RecordWeeklyDigests(),
            Cron.Daily(ReminderPass.WeeklyAt.Hour, ReminderPass.WeeklyAt.Minute), zone); // the pass keeps it to the week's first working day
        recurring.AddOrUpdate<RepeatingDuties>(RepeatingDuties.JobId, j => j.RollForward(), Cron.Daily(0, 5), zone);
        // Jobs in PostgreSQL outlive a node (and the other nodes run them): enqueuing every pending message again would only add jobs.
        var pending = JobStorageChoice.Persistent(config) ? 0 : reminders.RequeuePending();
        jobs.Enqueue<ReminderJobs>(j => j.PlanAndEnqueue());
        jobs.Enqueue<ReminderJobs>(j => j.RecordDigests());
        jobs.Enqueue<ReminderJobs>(j => j.RecordWeeklyDigests());
        jobs.Enqueue<RepeatingDuties>(j => j.RollForward()); // a node that was down catches up at once
        logger.LogInformation("Reminders scheduled; {Pending} pending messages enqueued again.", pending);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Bot.Domain.Calendar;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Bot.Scheduling;

/// <summary>
/// The Hangfire jobs. Arguments are outbox ids only: everything else is read from the store when
/// the job runs, so a job re-enqueued after a restart does the same as the lost one would have.
/// </summary>
public sealed class ReminderJobs(ReminderPass pass, NudgeDelivery delivery, Bot.Domain.Reminders.INudgeOutbox outbox,
    IWorkCalendar calendar, IBackgroundJobClient jobs, Bot.Storage.INodeCoordination nodes, TimeProvider clock, ILogger<ReminderJobs> logger)
{
    public const string PlanJobId = "reminders-plan";
    public const string DigestJobId = "reminders-digest";
    public const string WeeklyJobId = "reports-weekly";

    /// <summary>A pending message not tried for this long lost its job (it failed for good in Hangfire): enqueue it again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>The lock the pass holds: one node at a time plans and records (any other skips that minute).</summary>
    public const string PassLock = "reminders-pass";

    /// <summary>
    /// The digests' own: sharing the pass's lock let the digest job, enqueued beside the pass at start, make
    /// the pass skip, and the reminders then waited for the next minute's pass.
    /// </summary>
    public const string DigestLock = "reminders-digests";

    /// <summary>Every minute: plan, record in the outbox, enqueue one delivery per new message; on one node at a time.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public void PlanAndEnqueue()
    {
        using var alone = nodes.TryRunAlone(PassLock);
        if (alone is null)
        {
            logger.LogInformation("Reminders: another node is running the pass; this one skips it.");
            return;
        }
        var woken = pass.Wake(); // first: what waited for someone who wrote meanwhile goes before anything new
        foreach (var id in woken) EnqueueDelivery(id);
        var ids = pass.PlanAndRecord();
        foreach (var id in ids) EnqueueDelivery(id);
        var stale = RequeueStale();
        if (ids.Count > 0 || stale > 0 || woken.Count > 0)
            logger.LogInformation("Reminders: {New} new messages, {Woken} that waited, {Stale} re-enqueued", ids.Count, woken.Count, stale);
    }

    /// <summary>At the digest hour on working days: one digest per official who asked for it.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public void RecordDigests()
    {
        using var alone = nodes.TryRunAlone(DigestLock);
        if (alone is null) return;
        foreach (var id in pass.RecordDigests()) EnqueueDelivery(id);
    }

    /// <summary>At 08:00 each day: on the week's first working day, the weekly digest of leaders and the office.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public void RecordWeeklyDigests()
    {
        foreach (var id in pass.RecordWeeklyDigests()) EnqueueDelivery(id);
    }

    /// <summary>Delivers one outbox message. Faults that outlast the delivery's own retries leave it pending for Hangfire's retry.</summary>
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task Deliver(string outboxId, CancellationToken cancellationToken)
    {
        // Another node holds it: if that node died, its claim runs out, and this job's successor sends it then.
        if (await delivery.DeliverAsync(outboxId, cancellationToken) == DeliveryOutcome.ClaimedElsewhere)
            jobs.Schedule<ReminderJobs>(j => j.Deliver(outboxId, CancellationToken.None), delivery.ClaimFor);
    }

    /// <summary>At start: InMemory storage lost its jobs, the outbox did not. Returns how many were enqueued.</summary>
    public int RequeuePending()
    {
        var pending = outbox.Pending();
        foreach (var id in pending) EnqueueDelivery(id);
        return pending.Count;
    }

    private int RequeueStale()
    {
        var stale = outbox.Pending(notTriedSince: clock.GetUtcNow() - StaleAfter);
        foreach (var id in stale) EnqueueDelivery(id);
        return stale.Count;
    }

    /// <summary>Messages just recorded elsewhere (the desk's new-task notices): delivered as the planner's are.</summary>
    public void EnqueueDeliveries(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids) EnqueueDelivery(id);
    }

    /// <summary>Now in working hours; otherwise (a restart, or a directive published, at night) at the next working morning.</summary>
    private void EnqueueDelivery(string id)
    {
        var now = clock.GetUtcNow();
        var wait = calendar.NextWorkingMoment(now) - now;
        if (wait <= TimeSpan.Zero) jobs.Enqueue<ReminderJobs>(j => j.Deliver(id, CancellationToken.None));
        else jobs.Schedule<ReminderJobs>(j => j.Deliver(id, CancellationToken.None), wait);
    }
}

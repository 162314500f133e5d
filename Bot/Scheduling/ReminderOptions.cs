namespace Bot.Scheduling;

/// <summary>The "Scheduling" section: where Hangfire keeps its jobs, and its dashboard.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run the reminders in this host (one instance of several may take them alone).</summary>
    public bool Reminders { get; set; } = true;

    /// <summary>Hangfire workers: how many deliveries run at once (and so the most a crash can send twice).</summary>
    public int Workers { get; set; } = 20;

    /// <summary>With PostgreSQL: how long a job a dead node had fetched stays invisible before another node runs it.</summary>
    public double JobInvisibleSeconds { get; set; } = 120;

    /// <summary>
    /// With PostgreSQL: how long a Hangfire lock a dead node left behind (a job's state, the recurring
    /// scheduler's) holds before another node takes it. Hangfire's own default, ten minutes, stalled the
    /// survivor's jobs that long; our exclusive work is guarded by advisory locks, which die with the node.
    /// </summary>
    public double LockExpirySeconds { get; set; } = 60;

    /// <summary>/hangfire, admins only; refused unless both credentials are configured.</summary>
    public bool Dashboard { get; set; }

    public string DashboardUser { get; set; } = "";

    public string DashboardPassword { get; set; } = "";
}

/// <summary>The "Delivery" section beyond the pacer's limits: how hard to try one message.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>One send attempt is abandoned (and retried) after this long.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of 5xx, network errors and timeouts within one delivery job.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first retry's delay; each next one doubles (with jitter).</summary>
    public double FirstRetryDelaySeconds { get; set; } = 1;

    /// <summary>429s tolerated within one delivery job (each waits its retry_after).</summary>
    public int MaxRateLimitWaits { get; set; } = 20;

    /// <summary>How long a node's claim on a message holds (<see cref="Bot.Domain.Reminders.INudgeOutbox.Claim"/>): longer than one send with its retries.</summary>
    public double ClaimSeconds { get; set; } = 120;
}

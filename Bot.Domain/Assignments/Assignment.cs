namespace Bot.Domain.Assignments;

/// <summary>Where an assignment stands. Overdue is not a status: it follows from the deadline and the clock.</summary>
public enum AssignmentStatus
{
    Open,
    Done,

    /// <summary>Confirmed done, then found not done: open again.</summary>
    Reopened,
}

/// <summary>Whether the unit carries the task (chủ trì) or helps (phối hợp).</summary>
public enum UnitPart { Lead, Support }

/// <summary>Who confirmed the work done, when, and what they said.</summary>
public sealed record Completion(string ByPhone, string ByName, DateTimeOffset At, string? Note);

/// <summary>A deadline moved by an admin.</summary>
public sealed record Extension(DateTimeOffset? From, DateTimeOffset To, string Reason, string ApprovedByPhone, DateTimeOffset At);

/// <summary>
/// One unit's share of one task of a directive, for one period when the task repeats. Its id is
/// made from the task, the unit and the period, so publishing the same thing twice finds it again.
/// </summary>
public sealed record Assignment
{
    public required string Id { get; init; }

    public required string DirectiveId { get; init; }

    /// <summary>"1259/UBND-VP", or null when the directive has no number.</summary>
    public string? DirectiveNumber { get; init; }

    /// <summary>
    /// The directive's subject when it has no number, since then the subject is what names it; null when it has a number
    /// (which names it alone, so no assignment carries a subject it does not need) or none is known.
    /// </summary>
    public string? DirectiveSubject { get; init; }

    /// <summary>The directive's date when it has no number, as <see cref="DirectiveSubject"/>.</summary>
    public DateOnly? DirectiveIssuedOn { get; init; }

    /// <summary>How the task's directive is named to people (<c>Wording.Source</c>).</summary>
    public DirectiveName DirectiveName => new(DirectiveNumber, DirectiveSubject, DirectiveIssuedOn);

    public required string TaskId { get; init; }

    public required string TaskRef { get; init; }

    public required string TaskText { get; init; }

    public required string UnitCode { get; init; }

    public UnitPart Part { get; init; }

    /// <summary>The first day of the period for a repeating duty; null for a one-off task.</summary>
    public DateOnly? Period { get; init; }

    /// <summary>Exclusive deadline; null when the task names none.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    public string? DeadlineText { get; init; }

    /// <summary>The task's RRULE when it repeats ("FREQ=MONTHLY;BYMONTHDAY=15"), so the duty can be described without its directive.</summary>
    public string? Recurrence { get; init; }

    public AssignmentStatus Status { get; init; }

    /// <summary>The latest confirmation; kept when reopened so the history reads in the audit log.</summary>
    public Completion? Completion { get; init; }

    public IReadOnlyList<Extension> Extensions { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsDone => Status == AssignmentStatus.Done;

    public bool IsOverdue(DateTimeOffset now) => !IsDone && DueBefore is { } due && due <= now;

    /// <summary>Done before its (possibly extended) deadline, or done with no deadline.</summary>
    public bool IsDoneOnTime => IsDone && (DueBefore is null || Completion!.At < DueBefore);

    /// <summary>The period an id was made for (<see cref="MakeId"/>), or null for a one-off task.</summary>
    public static DateOnly? PeriodOfId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var slash = id.LastIndexOf('/');
        return slash >= 0 && DateOnly.TryParseExact(id.AsSpan(slash + 1), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var period) ? period : null;
    }

    /// <summary>The repeating duty an id belongs to (its task and unit, without the period).</summary>
    public static string SeriesOfId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var slash = id.LastIndexOf('/');
        return slash < 0 ? id : id[..slash];
    }

    public static string MakeId(string taskId, string unitCode, DateOnly? period) =>
        $"{taskId}/{unitCode}/{(period is { } p ? p.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) : "-")}";
}

/// <summary>One line of the audit log: who did what to which assignment, when.</summary>
public sealed record AuditEntry(DateTimeOffset At, string ByPhone, string Action, string? AssignmentId, string? DirectiveId, string Detail);

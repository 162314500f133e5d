namespace Bot.Domain.Assignments;

/// <summary>An open assignment as a list or the reminders need it first: which one, whose, and by when.</summary>
public readonly record struct OpenTask(string AssignmentId, string UnitCode, DateTimeOffset? DueBefore);

/// <summary>What a save changed.</summary>
public sealed record SaveResult(int Inserted, int Updated, int Deleted);

/// <summary>
/// Where directives, assignments and the audit log are kept (LiteDB now, PostgreSQL later).
/// Every change is atomic and writes its audit entry with it. "Now" comes from the store's clock.
/// </summary>
public interface IAssignmentStore
{
    /// <summary>
    /// A number that moves on whenever any assignment is written, when this process sees every write (it
    /// owns the store); null when other processes write too. What a caller derived from assignments stays
    /// true while it stays the same.
    /// </summary>
    long? ChangeStamp { get; }

    /// <summary>The same for one unit's assignments: it moves on when that unit's work is written (or the store cannot tell whose).</summary>
    long? ChangeStampOf(string unitCode);

    TrackedDirective? FindDirective(string id);

    TrackedDirective? FindDirectiveByHash(string contentHash);

    IReadOnlyList<Assignment> OfDirective(string directiveId);

    /// <summary>Stores a directive and applies the assignment changes, all or nothing.</summary>
    SaveResult Save(TrackedDirective directive, Reconciliation changes, AuditEntry audit);

    Assignment? Get(string assignmentId);

    /// <summary>Those of the ids that exist, by id: one read for a page of a list.</summary>
    IReadOnlyDictionary<string, Assignment> Get(IEnumerable<string> assignmentIds);

    /// <summary>Marks done. Two confirmations at once give one completion; the second learns who was first.</summary>
    ChangeResult Confirm(string assignmentId, Bot.Domain.Organization.Official by, string? note = null);

    ChangeResult Reopen(string assignmentId, Bot.Domain.Organization.Official by, string reason);

    ChangeResult Extend(string assignmentId, Bot.Domain.Organization.Official approvedBy, DateTimeOffset newDueBefore, string reason);

    /// <summary>
    /// A unit's open work, earliest deadline first, work without a deadline last; at most <paramref name="limit"/>;
    /// with a deadline in [from, to] when given, as <see cref="OpenTasksOfUnit"/>.
    /// </summary>
    IReadOnlyList<Assignment> OpenOfUnit(string unitCode, int limit = int.MaxValue, DateTimeOffset? from = null, DateTimeOffset? to = null);

    /// <summary>
    /// A unit's open work with a deadline in [from, to] (no bound when null; without a deadline only
    /// when <paramref name="to"/> is null), earliest first, at most <paramref name="limit"/>: ids and
    /// deadlines only, which a store can answer from its index without reading the assignments.
    /// </summary>
    IReadOnlyList<OpenTask> OpenTasksOfUnit(string unitCode, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = int.MaxValue);

    /// <summary>Open work due from now to now + days, of one unit or of all.</summary>
    IReadOnlyList<Assignment> DueWithin(int days, string? unitCode = null);

    /// <summary>Open work past its deadline, of one unit or of all.</summary>
    IReadOnlyList<Assignment> Overdue(string? unitCode = null, int limit = int.MaxValue);

    /// <summary>
    /// Open work with a deadline in [from, to], of all units, earliest first (the reminder planner's
    /// window): ids, units and deadlines only, which a store can answer from its index.
    /// </summary>
    IReadOnlyList<OpenTask> OpenTasksDueBetween(DateTimeOffset from, DateTimeOffset to);

    IReadOnlyList<Assignment> DoneOfUnit(string unitCode);

    /// <summary>The assignments of a directive, by its full number or the number alone; of one unit, or of all.</summary>
    IReadOnlyList<Assignment> ByDirectiveNumber(string number, string? unitCode = null);

    /// <summary>The directives with a number, full ("1259/UBND-VP") or alone ("1259"), published or not.</summary>
    IReadOnlyList<TrackedDirective> DirectivesByNumber(string number);

    /// <summary>Every published directive's id and name (number, subject, date), by id: a question by subject looks among them.</summary>
    IReadOnlyList<DirectiveTitle> PublishedTitles();

    /// <summary>The ids of the published directives that have a repeating duty (the roll-forward job's work).</summary>
    IReadOnlyList<string> RepeatingDirectiveIds();

    /// <summary>Per-unit progress over the assignments due in [from, to).</summary>
    IReadOnlyList<UnitProgress> Progress(DateTimeOffset from, DateTimeOffset to);

    IReadOnlyList<AuditEntry> AuditOf(string assignmentId);
}

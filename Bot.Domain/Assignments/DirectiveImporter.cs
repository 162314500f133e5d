using Bot.Domain.Organization;

namespace Bot.Domain.Assignments;

public enum ImportOutcome
{
    /// <summary>A directive not seen before.</summary>
    New,

    /// <summary>The same text again: nothing changed.</summary>
    Unchanged,

    /// <summary>A new version of a stored directive (same number and issuer, other text).</summary>
    Corrected,
}

public sealed record ImportResult(ImportOutcome Outcome, TrackedDirective Directive, SaveResult Saved, IReadOnlyList<string> Problems)
{
    /// <summary>What a corrected version changed in the published one (recorded with the directive); null for anything else.</summary>
    public DirectiveCorrection? Correction { get; init; }
}

/// <summary>
/// Keeps read directives and, when published, their assignments: the same text twice changes
/// nothing; a corrected version carries its tasks' ids, and so their confirmed work, over;
/// rolling forward adds the next periods of repeating duties.
/// </summary>
public sealed class DirectiveImporter(IAssignmentStore store, UnitDirectory units, TimeProvider clock, int periodsAhead = Publishing.DefaultPeriodsAhead)
{
    /// <param name="read">The directive and the text it was read from.</param>
    /// <param name="publish">Create assignments now (a directive published before stays published).</param>
    /// <param name="relatedUnits">
    /// The units meant by "Các cơ quan, đơn vị liên quan"; empty keeps those chosen before.
    /// Giving them publishes the same text again.
    /// </param>
    /// <param name="byPhone">Who imports, for the audit log.</param>
    public ImportResult Import(ReadDirective read, bool publish, IReadOnlyCollection<Unit> relatedUnits, string byPhone)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(relatedUnits);
        var now = clock.GetUtcNow();
        // A version is its text and its tasks as edited; a directive without a number is known by its text alone.
        var hash = TrackedDirective.HashOf(read.Text, read.Directive.Tasks);
        var same = store.FindDirectiveByHash(hash);
        if (same is not null && (!publish || same.Published) && relatedUnits.Count == 0)
            return new ImportResult(ImportOutcome.Unchanged, KeepOriginal(same, read.OriginalId, byPhone, now), new SaveResult(0, 0, 0), []);

        var id = same?.Id ?? TrackedDirective.IdOf(read.Directive, TrackedDirective.HashOf(read.Text));
        var before = same ?? store.FindDirective(id);
        var outcome = before is null ? ImportOutcome.New : before.ContentHash == hash ? ImportOutcome.Unchanged : ImportOutcome.Corrected;
        var next = before?.NextTaskNumber ?? 1;
        var matches = TaskMatching.Match(before?.Tasks ?? [], read.Directive.Tasks);
        var tasks = new List<TrackedTask>(read.Directive.Tasks.Count);
        for (var i = 0; i < read.Directive.Tasks.Count; i++)
            tasks.Add(new TrackedTask(matches[i]?.Id ?? $"{id}.{next++}", read.Directive.Tasks[i]));

        // A correction of published work is recorded with what it changed, as the review card showed it.
        var changes = outcome == ImportOutcome.Corrected && before is { Published: true }
            ? Corrections.Between(before, read.Directive.Tasks, units, relatedUnits).Select(c => c.Number is { } n ? c with { TaskId = tasks[n - 1].Id } : c).ToList()
            : [];
        var correction = changes.Count > 0 ? new DirectiveCorrection(before!.Corrections.Count + 1, now, byPhone, changes) : null;
        var directive = new TrackedDirective(id, read.Directive, hash, read.Source, before?.ImportedAt ?? now,
            publish || before?.Published == true, tasks, next,
            relatedUnits.Count > 0 ? relatedUnits.Select(u => u.Code).ToList() : before?.RelatedUnitCodes ?? [])
        {
            OriginalId = read.OriginalId ?? before?.OriginalId,
            Corrections = correction is null ? before?.Corrections ?? [] : [.. before!.Corrections, correction],
        };
        var action = outcome switch { ImportOutcome.New => "import", ImportOutcome.Corrected => "correct", _ => "publish" };
        return Store(directive, outcome, action, byPhone, now) with { Correction = correction };
    }

    /// <summary>A file sent in chat for a version imported as text before: its original is kept with it, so it can be sent back.</summary>
    private TrackedDirective KeepOriginal(TrackedDirective same, string? originalId, string byPhone, DateTimeOffset now)
    {
        if (originalId is null || same.OriginalId == originalId) return same;
        var kept = same with { OriginalId = originalId };
        store.Save(kept, Reconciliation.None, new AuditEntry(now, byPhone, "original", null, same.Id, $"tệp gốc {originalId} cho {same.Directive.Number ?? "(không số)"}"));
        return kept;
    }

    /// <summary>
    /// Materialises the next periods of a published directive's repeating duties, keeping
    /// <c>periodsAhead</c> of them ahead of now. The job that calls it may run any number of times.
    /// </summary>
    public ImportResult RollForward(string directiveId, string byPhone)
    {
        var directive = store.FindDirective(directiveId) ?? throw new ArgumentException($"Không có văn bản {directiveId}.", nameof(directiveId));
        if (!directive.Published) return new ImportResult(ImportOutcome.Unchanged, directive, new SaveResult(0, 0, 0), []);
        return Store(directive, ImportOutcome.Unchanged, "roll-forward", byPhone, clock.GetUtcNow());
    }

    private ImportResult Store(TrackedDirective directive, ImportOutcome outcome, string action, string byPhone, DateTimeOffset now)
    {
        var problems = new List<string>();
        var changes = Reconciliation.None;
        if (directive.Published)
        {
            var related = directive.RelatedUnitCodes.Select(units.ByCode).OfType<Unit>().ToList();
            var plan = Publishing.Plan(directive, units, related, now, periodsAhead);
            problems.AddRange(plan.Problems);
            changes = Publishing.Reconcile(store.OfDirective(directive.Id), plan.Assignments);
        }
        if (action == "roll-forward" && changes.IsEmpty) return new ImportResult(outcome, directive, new SaveResult(0, 0, 0), problems);
        var audit = new AuditEntry(now, byPhone, action, null, directive.Id,
            $"{directive.Directive.Number ?? "(không số)"} từ {directive.Source}: {directive.Tasks.Count} nhiệm vụ, " +
            $"+{changes.Insert.Count} ~{changes.Update.Count} -{changes.Delete.Count} phân công");
        var saved = store.Save(directive, changes, audit);
        return new ImportResult(outcome, directive, saved, problems);
    }
}

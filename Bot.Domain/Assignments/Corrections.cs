using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Text;

namespace Bot.Domain.Assignments;

/// <summary>How a task of a corrected version differs from the published one.</summary>
public enum ChangeKind
{
    /// <summary>A task the published version did not have.</summary>
    Added,

    /// <summary>A task of the published version that is gone.</summary>
    Removed,

    /// <summary>The same task with other units, deadline, repetition or words.</summary>
    Changed,
}

/// <summary>
/// One task's change between the published version and the next: units as codes (groups resolved to their members),
/// deadline and repetition before and after, and the old words when they changed. <see cref="Number"/> is the task's place
/// in the new version (as the review card numbers it); a removed task has none.
/// </summary>
public sealed record TaskChange(ChangeKind Kind, string? TaskId, string Ref, string Text, IReadOnlyList<string> UnitsBefore, IReadOnlyList<string> UnitsAfter)
{
    public int? Number { get; init; }

    public DateTimeOffset? DueBefore { get; init; }

    public DateTimeOffset? DueAfter { get; init; }

    public string? RepeatBefore { get; init; }

    public string? RepeatAfter { get; init; }

    /// <summary>The published words, when the new version words the task otherwise; else null.</summary>
    public string? TextBefore { get; init; }

    public bool DeadlineChanged => DueBefore != DueAfter || RepeatBefore != RepeatAfter;

    public IReadOnlyList<string> UnitsAdded => [.. UnitsAfter.Except(UnitsBefore, StringComparer.Ordinal)];

    public IReadOnlyList<string> UnitsRemoved => [.. UnitsBefore.Except(UnitsAfter, StringComparer.Ordinal)];

    /// <summary>
    /// What the change is for one unit: <see cref="ChangeKind.Added"/> when the task is now the unit's and was not,
    /// <see cref="ChangeKind.Removed"/> when it no longer is, <see cref="ChangeKind.Changed"/> when it stays the unit's with
    /// another deadline or other words; null when nothing changed for it.
    /// </summary>
    public ChangeKind? For(string unitCode)
    {
        var before = UnitsBefore.Contains(unitCode, StringComparer.OrdinalIgnoreCase);
        var after = UnitsAfter.Contains(unitCode, StringComparer.OrdinalIgnoreCase);
        return (before, after) switch
        {
            (false, true) => ChangeKind.Added,
            (true, false) => ChangeKind.Removed,
            (true, true) when Kind == ChangeKind.Changed && (DeadlineChanged || TextBefore is not null) => ChangeKind.Changed,
            _ => null,
        };
    }
}

/// <summary>A corrected version as it was published over the one before: its number (1 for the first correction), when, by whom, and what changed.</summary>
public sealed record DirectiveCorrection(int Number, DateTimeOffset At, string ByPhone, IReadOnlyList<TaskChange> Changes)
{
    /// <summary>The units the correction concerns: each unit a changed task had or has.</summary>
    public IReadOnlyList<string> Units => [.. Changes.SelectMany(c => c.UnitsBefore.Concat(c.UnitsAfter)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    /// <summary>The changes that concern one unit, with what each is for it.</summary>
    public IReadOnlyList<(TaskChange Change, ChangeKind ForUnit)> For(string unitCode) =>
        [.. Changes.Select(c => (Change: c, ForUnit: c.For(unitCode))).Where(x => x.ForUnit is not null).Select(x => (x.Change, x.ForUnit!.Value))];
}

/// <summary>
/// What a corrected version changes in the published one, pure: tasks are paired as the importer pairs them
/// (<see cref="TaskMatching"/>), so the review card shows what publishing will do. Only tracked work counts (tasks, not
/// requests to outside bodies).
/// </summary>
public static class Corrections
{
    /// <param name="published">The version published before.</param>
    /// <param name="next">The tasks of the version about to be published, in its order.</param>
    /// <param name="nextRelated">The units chosen for "các cơ quan, đơn vị liên quan" in it; empty keeps the published ones.</param>
    public static IReadOnlyList<TaskChange> Between(TrackedDirective published, IReadOnlyList<DirectiveTask> next, UnitDirectory units, IReadOnlyCollection<Unit> nextRelated)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(nextRelated);
        var relatedBefore = published.RelatedUnitCodes.Select(units.ByCode).OfType<Unit>().ToList();
        var relatedAfter = nextRelated.Count > 0 ? nextRelated : relatedBefore;
        var matches = TaskMatching.Match(published.Tasks, next);
        var changes = new List<TaskChange>();
        var continued = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < next.Count; i++)
        {
            var task = next[i];
            var old = matches[i];
            if (old is not null) continued.Add(old.Id);
            if (task.Kind != TaskKind.Task) continue;
            var after = UnitsOf(task, units, relatedAfter);
            if (old is null || old.Task.Kind != TaskKind.Task)
            {
                changes.Add(new TaskChange(ChangeKind.Added, old?.Id, task.Ref, task.Text, [], after)
                    { Number = i + 1, DueAfter = task.DueBefore, RepeatAfter = task.Recurrence });
                continue;
            }
            var before = UnitsOf(old.Task, units, relatedBefore);
            var change = new TaskChange(ChangeKind.Changed, old.Id, task.Ref, task.Text, before, after)
            {
                Number = i + 1,
                DueBefore = old.Task.DueBefore,
                DueAfter = task.DueBefore,
                RepeatBefore = old.Task.Recurrence,
                RepeatAfter = task.Recurrence,
                TextBefore = SameWords(old.Task.Text, task.Text) ? null : old.Task.Text,
            };
            if (change.DeadlineChanged || change.TextBefore is not null || change.UnitsAdded.Count + change.UnitsRemoved.Count > 0) changes.Add(change);
        }
        foreach (var old in published.Tasks.Where(t => t.Task.Kind == TaskKind.Task && !continued.Contains(t.Id)))
        {
            changes.Add(new TaskChange(ChangeKind.Removed, old.Id, old.Task.Ref, old.Task.Text, UnitsOf(old.Task, units, relatedBefore), [])
                { DueBefore = old.Task.DueBefore, RepeatBefore = old.Task.Recurrence });
        }
        return changes;
    }

    private static IReadOnlyList<string> UnitsOf(DirectiveTask task, UnitDirectory units, IReadOnlyCollection<Unit> related) =>
        [.. Publishing.CarriersOf(task, units, related).Keys.Order(StringComparer.Ordinal)];

    // Spaces, line breaks and Unicode forms do not make other words.
    private static bool SameWords(string a, string b) =>
        string.Equals(string.Join(' ', VietnameseText.Normalize(a).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', VietnameseText.Normalize(b).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
}

using Bot.Domain.Assignments;
using Bot.Domain.Organization;

namespace Bot.Domain.Conversation;

/// <summary>A unit's current work in figures: what is open (and of it overdue) and what is done.</summary>
public sealed record UnitFigures(Unit Unit, int Open, int Overdue, int Done)
{
    public int Total => Open + Done;
}

/// <summary>
/// A unit's current work, counted one way for every answer, so a list, a progress line and a
/// ranking agree: of a repeating duty only the open period due first (the next appears when it is
/// done), open earliest deadline first, overdue when its deadline has passed.
/// </summary>
public sealed class Workload(IAssignmentStore assignments)
{
    /// <summary>Open current work with a deadline in (from, to] (no bound when null), earliest first.</summary>
    public IReadOnlyList<OpenTask> Open(string unitCode, DateTimeOffset now, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        // The whole open list (ids and deadlines from the index) decides which period is current; the window cuts it after.
        var open = Current(assignments.OpenTasksOfUnit(unitCode), t => t.AssignmentId, _ => true, t => t.DueBefore);
        return [.. open.Where(t => (from is null || t.DueBefore > from) && (to is null || t.DueBefore is { } due && due <= to))];
    }

    /// <summary>
    /// The items without the later open periods of each repeating duty: of a duty's open periods only the
    /// one due first stays; done periods and one-off tasks all stay.
    /// </summary>
    public static IReadOnlyList<T> Current<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, bool> isOpen, Func<T, DateTimeOffset?> due)
    {
        ArgumentNullException.ThrowIfNull(items);
        var first = new Dictionary<string, (string Id, DateTimeOffset Due)>(StringComparer.Ordinal);
        foreach (var x in items)
        {
            if (!isOpen(x) || Assignment.PeriodOfId(id(x)) is null) continue;
            var series = Assignment.SeriesOfId(id(x));
            var when = due(x) ?? DateTimeOffset.MaxValue;
            if (!first.TryGetValue(series, out var f) || when < f.Due) first[series] = (id(x), when);
        }
        return [.. items.Where(x => !isOpen(x) || Assignment.PeriodOfId(id(x)) is null || first[Assignment.SeriesOfId(id(x))].Id == id(x))];
    }

    /// <summary>Open current work whose deadline has passed.</summary>
    public IReadOnlyList<OpenTask> Overdue(string unitCode, DateTimeOffset now) =>
        [.. Open(unitCode, now, to: now).Where(t => t.DueBefore is { } due && due <= now)];

    public UnitFigures Figures(Unit unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var open = Open(unit.Code, now);
        var done = assignments.DoneOfUnit(unit.Code).Count;
        return new UnitFigures(unit, open.Count, open.Count(t => t.DueBefore is { } due && due <= now), done);
    }
}

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
    /// <summary>
    /// Open current work with a deadline in (from, to] (no bound when null), earliest first; at most
    /// <paramref name="limit"/> of it.
    /// </summary>
    public IReadOnlyList<OpenTask> Open(string unitCode, DateTimeOffset now, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // Whether a period is current depends only on the periods due before it, and the store reads in
        // deadline order: a read cut at `to`, or after the first few keys, still decides every key it holds.
        // So a short list reads a few keys more than it shows, not the unit's whole open work; a read
        // that ends before enough current work is found is read again, four times longer.
        var take = limit == int.MaxValue ? int.MaxValue : Math.Max(32, limit + limit / 4);
        while (true)
        {
            var read = assignments.OpenTasksOfUnit(unitCode, to: to, limit: take);
            var found = Current(read, t => t.AssignmentId, _ => true, t => t.DueBefore)
                .Where(t => from is null || t.DueBefore > from).Take(limit).ToList();
            if (read.Count < take || found.Count >= limit) return found;
            take = take > int.MaxValue / 4 ? int.MaxValue : take * 4;
        }
    }

    /// <summary>
    /// The assignments of some of a unit's open tasks (<see cref="Open"/>'s), in their order, from one walk of
    /// the unit's open work from the first to the last (the few later periods between them are read and
    /// dropped) rather than a look-up per task; null when that walk cannot find them all (one was just done).
    /// </summary>
    public IReadOnlyList<Assignment>? Read(string unitCode, IReadOnlyList<OpenTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0 || tasks[0].DueBefore is not { } first) return null;
        var wanted = tasks.Select(t => t.AssignmentId).ToHashSet(StringComparer.Ordinal);
        var read = assignments.OpenOfUnit(unitCode, from: first, to: tasks[^1].DueBefore)
            .Where(a => wanted.Contains(a.Id)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return read.Count == wanted.Count ? [.. tasks.Select(t => read[t.AssignmentId])] : null;
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
    public IReadOnlyList<OpenTask> Overdue(string unitCode, DateTimeOffset now, int limit = int.MaxValue) =>
        Open(unitCode, now, to: now, limit: limit);

    public UnitFigures Figures(Unit unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var open = Open(unit.Code, now);
        var done = assignments.DoneOfUnit(unit.Code).Count;
        return new UnitFigures(unit, open.Count, open.Count(t => t.DueBefore is { } due && due <= now), done);
    }
}

using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Time;

namespace Bot.Domain.Conversation;

/// <summary>A unit's current work in figures: what is open (and of it overdue) and what is done.</summary>
public sealed record UnitFigures(Unit Unit, int Open, int Overdue, int Done)
{
    public int Total => Open + Done;
}

/// <summary>
/// A unit's current work, counted one way for every answer, so a list, a progress line and a
/// ranking agree: the work of periods that have begun (a repeating duty's later periods appear
/// when theirs begins), open earliest deadline first, overdue when its deadline has passed.
/// </summary>
public sealed class Workload(IAssignmentStore assignments)
{
    /// <summary>Open current work with a deadline in (from, to] (no bound when null), earliest first.</summary>
    public IReadOnlyList<OpenTask> Open(string unitCode, DateTimeOffset now, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        return [.. assignments.OpenTasksOfUnit(unitCode, from, to)
            .Where(t => Assignment.IsCurrent(t.AssignmentId, today) && (from is null || t.DueBefore > from))];
    }

    /// <summary>Open current work whose deadline has passed.</summary>
    public IReadOnlyList<OpenTask> Overdue(string unitCode, DateTimeOffset now) =>
        [.. Open(unitCode, now, to: now).Where(t => t.DueBefore is { } due && due <= now)];

    public UnitFigures Figures(Unit unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var open = Open(unit.Code, now);
        var done = assignments.DoneOfUnit(unit.Code).Count(a => Assignment.IsCurrent(a.Id, today));
        return new UnitFigures(unit, open.Count, open.Count(t => t.DueBefore is { } due && due <= now), done);
    }
}

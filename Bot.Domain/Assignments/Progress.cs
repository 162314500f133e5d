namespace Bot.Domain.Assignments;

/// <summary>
/// A unit's record for a period: done (and how many of those on time), still open, overdue.
/// The on-time rate counts work done before its deadline among work that is done or late.
/// </summary>
public sealed record UnitProgress(string UnitCode, int Done, int DoneOnTime, int Open, int Overdue)
{
    public int Total => Done + Open;

    public double? OnTimeRate => Done + Overdue == 0 ? null : (double)DoneOnTime / (Done + Overdue);

    public static IReadOnlyList<UnitProgress> Of(IEnumerable<Assignment> assignments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var byUnit = new Dictionary<string, (int Done, int OnTime, int Open, int Overdue)>(StringComparer.Ordinal);
        foreach (var a in assignments)
        {
            var p = byUnit.GetValueOrDefault(a.UnitCode);
            if (a.IsDone)
            {
                p.Done++;
                if (a.IsDoneOnTime) p.OnTime++;
            }
            else
            {
                p.Open++;
                if (a.IsOverdue(now)) p.Overdue++;
            }
            byUnit[a.UnitCode] = p;
        }
        return byUnit.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new UnitProgress(p.Key, p.Value.Done, p.Value.OnTime, p.Value.Open, p.Value.Overdue))
            .ToList();
    }
}

using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;

namespace Bot.Domain.Desk;

/// <summary>
/// Who hears of a published directive, pure: every linked official of each unit that carries its work gets one
/// message for the directive, naming each of the unit's tasks once (a repeating duty by its next period). The
/// notices are nudges of <see cref="NudgeKind.NewTask"/>, so they go through the reminders' outbox: keyed, never
/// twice; a corrected version tells only of assignments that are new or whose deadline moved.
/// </summary>
public static class NewTaskNotices
{
    public static NudgePlan Plan(IReadOnlyList<Assignment> assignments, Func<string, IReadOnlyList<Official>> officialsOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(officialsOf);
        var bundles = new List<NudgeBundle>();
        var byUnit = assignments.Where(a => !a.IsDone)
            .GroupBy(a => (a.TaskId, a.UnitCode))
            .Select(g => g.OrderBy(a => a.DueBefore ?? DateTimeOffset.MaxValue).First()) // the first period of a repeating duty
            .GroupBy(a => a.UnitCode, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var unit in byUnit)
        {
            var tasks = unit.OrderBy(a => a.DueBefore ?? DateTimeOffset.MaxValue).ThenBy(a => a.TaskRef, StringComparer.Ordinal).ToList();
            foreach (var official in officialsOf(unit.Key).Where(o => o.ChatAccounts.Count > 0).OrderBy(o => o.Phone, StringComparer.Ordinal))
                bundles.Add(new NudgeBundle(official.Phone, [.. tasks.Select(a => Notice(a, official.Phone, now))]));
        }
        return new NudgePlan(bundles, []);
    }

    /// <summary>A notice about one assignment; work without a deadline is keyed by when it was assigned.</summary>
    public static Nudge Notice(Assignment assignment, string officialPhone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new Nudge(assignment.Id, officialPhone, NudgeKind.NewTask, 0, assignment.DueBefore ?? assignment.CreatedAt, now);
    }
}

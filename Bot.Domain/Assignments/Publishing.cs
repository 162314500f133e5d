using Bot.Domain.Directives;
using Bot.Domain.Organization;

namespace Bot.Domain.Assignments;

/// <summary>What publishing a directive asks for: the assignments it should have, and what could not be assigned.</summary>
public sealed record PublishPlan(IReadOnlyList<Assignment> Assignments, IReadOnlyList<string> Problems);

/// <summary>The changes that bring a directive's stored assignments to a new plan.</summary>
public sealed record Reconciliation(IReadOnlyList<Assignment> Insert, IReadOnlyList<Assignment> Update, IReadOnlyList<string> Delete)
{
    public static readonly Reconciliation None = new([], [], []);

    public bool IsEmpty => Insert.Count == 0 && Update.Count == 0 && Delete.Count == 0;
}

/// <summary>
/// Fans a directive's tasks out to units: groups to their members, one assignment per (task,
/// unit, period), repeating duties a few periods ahead. Pure: the store applies the result.
/// </summary>
public static class Publishing
{
    /// <summary>How many periods of a repeating duty exist ahead of today.</summary>
    public const int DefaultPeriodsAhead = 3;

    public static PublishPlan Plan(
        TrackedDirective directive,
        UnitDirectory units,
        IReadOnlyCollection<Unit> relatedUnits,
        DateTimeOffset now,
        int periodsAhead = DefaultPeriodsAhead)
    {
        ArgumentNullException.ThrowIfNull(directive);
        ArgumentNullException.ThrowIfNull(units);
        var assignments = new List<Assignment>();
        var problems = new List<string>();
        var name = Carried(DirectiveName.Of(directive.Directive));
        foreach (var tracked in directive.Tasks)
        {
            var task = tracked.Task;
            if (task.Kind != TaskKind.Task) continue; // requests to the Party or outside bodies are not tracked work
            var carriers = CarriersOf(task, units, relatedUnits, problems);
            if (carriers.Count == 0 && task.Lead.Count + task.Support.Count == 0)
                problems.Add($"Nhiệm vụ {task.Ref}: không nêu đơn vị thực hiện, đã bỏ qua.");
            var occurrences = OccurrencesOf(task, now, periodsAhead, problems);
            foreach (var (code, part) in carriers)
            {
                foreach (var (period, due) in occurrences)
                {
                    assignments.Add(new Assignment
                    {
                        Id = Assignment.MakeId(tracked.Id, code, period),
                        DirectiveId = directive.Id,
                        DirectiveNumber = name.Number,
                        DirectiveSubject = name.Subject,
                        DirectiveIssuedOn = name.IssuedOn,
                        TaskId = tracked.Id,
                        TaskRef = task.Ref,
                        TaskText = task.Text,
                        UnitCode = code,
                        Part = part,
                        Period = period,
                        DueBefore = due?.ToUniversalTime(),
                        DeadlineText = task.DeadlineText,
                        Recurrence = task.Recurrence,
                        Status = AssignmentStatus.Open,
                        CreatedAt = now,
                    });
                }
            }
        }
        return new PublishPlan(assignments, problems);
    }

    /// <summary>What each assignment keeps of its directive's name: the number alone, or without one its subject and date.</summary>
    public static DirectiveName Carried(DirectiveName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Number is not null ? new DirectiveName(name.Number, null, null) : name;
    }

    /// <summary>The units that carry a task, by code, with their part: groups to their members, lead before support.</summary>
    public static IReadOnlyDictionary<string, UnitPart> CarriersOf(DirectiveTask task, UnitDirectory units, IReadOnlyCollection<Unit> relatedUnits, List<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(units);
        var carriers = new Dictionary<string, UnitPart>(StringComparer.Ordinal);
        foreach (var (names, part) in new[] { (task.Lead, UnitPart.Lead), (task.Support, UnitPart.Support) })
        {
            foreach (var name in names)
            {
                var resolved = units.Resolve(name, relatedUnits);
                switch (resolved.Result)
                {
                    case UnitResolution.Outcome.Unknown:
                        problems?.Add($"Nhiệm vụ {task.Ref}: không có đơn vị \"{name}\" trong danh mục, đã bỏ qua.");
                        break;
                    case UnitResolution.Outcome.NeedsChoice:
                        problems?.Add($"Nhiệm vụ {task.Ref}: \"{name}\" cần chọn đơn vị cụ thể khi ban hành (--related), đã bỏ qua.");
                        break;
                }
                foreach (var unit in resolved.Units) carriers.TryAdd(unit.Code, part); // lead comes first and wins
            }
        }
        return carriers;
    }

    private static List<(DateOnly? Period, DateTimeOffset? Due)> OccurrencesOf(DirectiveTask task, DateTimeOffset now, int ahead, List<string> problems)
    {
        if (task.Recurrence is null) return [(null, task.DueBefore)];
        if (Recurrence.TryParse(task.Recurrence, out var rule))
            return rule.Upcoming(now, ahead).Select(o => ((DateOnly?)o.Period, (DateTimeOffset?)o.DueBefore)).ToList();
        problems.Add($"Nhiệm vụ {task.Ref}: không hiểu chu kỳ lặp \"{task.Recurrence}\", chỉ giao một lần.");
        return [(null, task.DueBefore)];
    }

    /// <summary>
    /// Brings what is stored for a directive to a new plan, keeping the work people did: an
    /// assignment still planned keeps its status, completion and extended deadline and takes the
    /// new words; past periods of a repeating duty still assigned stay; an assignment no longer
    /// planned is removed unless it was confirmed done.
    /// </summary>
    public static Reconciliation Reconcile(IReadOnlyList<Assignment> stored, IReadOnlyList<Assignment> planned)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(planned);
        var storedById = stored.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var plannedById = planned.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var plannedPairs = planned.GroupBy(a => (a.TaskId, a.UnitCode)).ToDictionary(g => g.Key, g => g.First());
        var insert = new List<Assignment>();
        var update = new List<Assignment>();
        var delete = new List<string>();
        foreach (var plan in planned)
        {
            if (!storedById.TryGetValue(plan.Id, out var old)) { insert.Add(plan); continue; }
            var merged = old with
            {
                TaskRef = plan.TaskRef,
                TaskText = plan.TaskText,
                DirectiveNumber = plan.DirectiveNumber,
                DirectiveSubject = plan.DirectiveSubject,
                DirectiveIssuedOn = plan.DirectiveIssuedOn,
                Part = plan.Part,
                DeadlineText = plan.DeadlineText,
                Recurrence = plan.Recurrence,
                DueBefore = old.Extensions.Count > 0 ? old.DueBefore : plan.DueBefore,
            };
            if (merged != old) update.Add(merged);
        }
        foreach (var old in stored)
        {
            if (plannedById.ContainsKey(old.Id)) continue;
            if (old.Period is not null && plannedPairs.TryGetValue((old.TaskId, old.UnitCode), out var same))
            {
                var merged = old with
                {
                    TaskRef = same.TaskRef, TaskText = same.TaskText,
                    DirectiveNumber = same.DirectiveNumber, DirectiveSubject = same.DirectiveSubject, DirectiveIssuedOn = same.DirectiveIssuedOn,
                };
                if (merged != old) update.Add(merged);
            }
            else if (old.Completion is null) delete.Add(old.Id);
        }
        return new Reconciliation(insert, update, delete);
    }
}

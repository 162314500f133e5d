using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;

namespace Bot.Domain.Desk;

/// <summary>
/// Who hears of a corrected version, pure: every linked official of each unit the correction concerns (a task added to,
/// removed from, or changed for it) gets one message for it, through the reminders' outbox as a nudge of
/// <see cref="NudgeKind.Corrected"/> keyed by directive, correction and official: never twice. What it says is read at
/// delivery from the correction kept with the directive.
/// </summary>
public static class CorrectionNotices
{
    public static NudgePlan Plan(TrackedDirective directive, DirectiveCorrection correction, Func<string, IReadOnlyList<Official>> officialsOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directive);
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(officialsOf);
        var bundles = new List<NudgeBundle>();
        foreach (var unit in correction.Units.Where(u => correction.For(u).Count > 0))
        {
            foreach (var official in officialsOf(unit).Where(o => o.ChatAccounts.Count > 0).OrderBy(o => o.Phone, StringComparer.Ordinal))
                bundles.Add(new NudgeBundle(official.Phone, [new Nudge(directive.Id, official.Phone, NudgeKind.Corrected, correction.Number, correction.At, now)]));
        }
        return new NudgePlan(bundles, []);
    }
}

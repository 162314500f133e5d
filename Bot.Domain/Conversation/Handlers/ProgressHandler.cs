using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// "tiến độ", "tiến độ xã mình", "xếp hạng các xã", "tiến độ phòng tư pháp": done and open current work
/// of one unit, or of every unit the asker sees ranked by what is overdue, in pages; for unit heads and
/// leaders. The figures are <see cref="Workload"/>'s, the same as the lists'. A directive's progress is
/// <see cref="DistrictHandler"/>'s.
/// </summary>
public sealed class ProgressHandler(Workload work, UnitDirectory units, Rankings rankings, Reach reach) : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent is ProgressIntent { Directive: null } p ? Progress(turn, p.Scope ?? Scope.Unsaid) : null;
    }

    private Reply Progress(Turn turn, Scope scope)
    {
        var official = turn.Official;
        if (official.Role == Role.Staff && !reach.SeesAll(official)) return turn.Say(Phrases.ProgressIsForHeads);
        var (target, instead) = reach.Resolve(turn, scope);
        if (instead is not null) return instead;
        var now = turn.Now;
        if (target!.Unit is { } unit)
        {
            var f = work.Figures(unit, now);
            return turn.Say(Phrases.ProgressOfUnit(unit.Name, now, f.Done, f.Total, f.Overdue));
        }
        var rows = units.Units.Where(target.Holds).Where(u => u.Kind != UnitKind.DistrictLeadership)
            .Select(u => work.Figures(u, now)).Where(f => f.Total > 0)
            .OrderByDescending(f => f.Overdue).ThenByDescending(f => f.Open).ThenBy(f => f.Unit.Name, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return turn.Say(Phrases.NoWorkAnywhere(Phrases.UnitsOf(target.Of)));
        return rankings.Show(turn, Phrases.ProgressHeading(Phrases.UnitsOf(target.Of), now),
            [.. rows.Select((f, i) => Phrases.ProgressLine(i + 1, f.Unit.Name, f.Done, f.Total, f.Overdue))]);
    }
}

using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// Questions about every unit, for those who see the district (leaders, admins, the district
/// office): open, due or overdue work by unit, the most first ("quá hạn", "đơn vị nào chậm nhất",
/// "các xã còn việc gì"), a directive's progress by unit ("những xã nào chưa xong công văn 1259"),
/// and the next page of such a ranking. Counts come from <see cref="Workload"/>, as the lists' do.
/// </summary>
public sealed class DistrictHandler(Workload work, DirectiveLookup directives, UnitDirectory units, Rankings rankings, ShownLists lists, Reach reach)
    : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = turn.Now;
        return turn.Intent switch
        {
            MyTasksIntent m => ForAll(turn, m.Scope, of => Counts(turn, of, Phrases.MyTasks, null, null)),
            OverdueIntent o => ForAll(turn, o.Scope, of => Counts(turn, of, Phrases.Overdue, null, now)),
            DueSoonIntent d => ForAll(turn, d.Scope, of => Counts(turn, of, Phrases.DueSoon, now, now.AddDays(7))),
            DueByIntent d => ForAll(turn, d.Scope, of => Counts(turn, of, d.Window.Label, d.Window.From ?? now, d.Window.Until)),
            DirectiveIntent d => ForAll(turn, d.Scope, of => OfDirective(turn, of, d.Directive)),
            ProgressIntent { Directive: { } asked } p => ForAll(turn, p.Scope, of => OfDirective(turn, of, asked)),
            MoreIntent => More(turn),
            _ => null,
        };
    }

    private Reply? ForAll(Turn turn, Scope? scope, Func<Target, Reply> answer)
    {
        var (target, instead) = reach.Resolve(turn, scope ?? Scope.Unsaid);
        if (instead is not null) return instead;
        return target!.IsAll ? answer(target) : null;
    }

    /// <summary>
    /// Work with a deadline in (from, to] by unit (what <paramref name="title"/> says), the most first, with
    /// how much of it is overdue; none anywhere is said with what was looked at.
    /// </summary>
    private Reply Counts(Turn turn, Target of, string title, DateTimeOffset? from, DateTimeOffset? to)
    {
        var now = turn.Now;
        var name = Phrases.UnitsOf(of.Of);
        var looked = units.Units.Where(of.Holds).Where(u => u.Kind != UnitKind.DistrictLeadership).ToList();
        // Overdue of it: what falls in (from, now].
        var lateUntil = to is { } t && t < now ? t : now;
        var rows = looked
            .Select(u => (Unit: u, Count: work.Count(u.Code, now, from, to), Overdue: from >= now ? 0 : work.Count(u.Code, now, from, lateUntil)))
            .Where(r => r.Count > 0)
            .OrderByDescending(r => r.Count).ThenByDescending(r => r.Overdue).ThenBy(r => r.Unit.Name, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return turn.Say(Phrases.NoneAnywhere(title, name, looked.Count, now));
        var heading = Phrases.ByUnit(title, name, rows.Sum(r => r.Count), rows.Count, now);
        return rankings.Show(turn, heading, [.. rows.Select((r, i) => Phrases.UnitCountLine(i + 1, r.Unit.Name, r.Count, r.Overdue))]);
    }

    /// <summary>A directive's work by unit, those with the most left first; an unknown directive is said to be unknown.</summary>
    private Reply OfDirective(Turn turn, Target of, DirectiveRef asked)
    {
        var now = turn.Now;
        var (directive, instead) = directives.Find(asked);
        if (instead is not null) return turn.Say(instead);
        var said = directive!.Said;
        var all = Workload.Current(directive.Work(), a => a.Id, a => !a.IsDone, a => a.DueBefore);
        if (all.Count == 0) return turn.Say(directive.NotFound);
        var name = Phrases.UnitsOf(of.Of);
        var rows = all
            .GroupBy(a => a.UnitCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Unit: units.ByCode(g.Key), Done: g.Count(a => a.IsDone), Total: g.Count(), Overdue: g.Count(a => a.IsOverdue(now))))
            .Where(r => r.Unit is not null && of.Holds(r.Unit))
            .OrderByDescending(r => r.Total - r.Done).ThenByDescending(r => r.Overdue).ThenBy(r => r.Unit!.Name, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return turn.Say(Phrases.NoUnitsOfDirective(said, name));
        var heading = Phrases.DirectiveByUnit(said, name, rows.Count(r => r.Done < r.Total), rows.Count);
        return rankings.Show(turn, heading, [.. rows.Select((r, i) => Phrases.DirectiveUnitLine(i + 1, r.Unit!.Name, r.Done, r.Total, r.Overdue))]);
    }

    private Reply? More(Turn turn)
    {
        if (turn.Tap is { } tap) return Rankings.IsRanking(tap.List) ? rankings.Page(turn, tap.List, tap.Action.Number) : null;
        if (lists.Last(turn) is not { } last || !Rankings.IsRanking(last)) return null;
        // Typed: the rest of the ranking becomes the chat's last list, so "xem thêm" again goes on.
        if (last.AssignmentIds.Count <= Rankings.PageSize) return turn.Say(Phrases.NoMoreUnits);
        return rankings.Show(turn, last.Title, [.. last.AssignmentIds.Skip(Rankings.PageSize)]);
    }
}

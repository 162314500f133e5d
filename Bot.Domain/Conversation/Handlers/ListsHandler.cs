using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// One unit's work as lists: what is open, due soon or in a window, overdue, or from one directive;
/// and the next page of a list ("xem thêm", or its «Xem thêm ›» button). The unit is the asker's own
/// or the one they named, when they may see it (<see cref="Reach"/>); questions about every unit are
/// <see cref="DistrictHandler"/>'s. Every empty answer names the unit and what was looked at.
/// </summary>
public sealed class ListsHandler(Workload work, DirectiveLookup directives, ShownLists lists, Reach reach) : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = turn.Now;
        return turn.Intent switch
        {
            MyTasksIntent m => ForUnit(turn, m.Scope, unit => Open(turn, Phrases.MyTasks, unit, work.Open(unit.Code, now, limit: Listed))),
            DueSoonIntent d => ForUnit(turn, d.Scope, unit => DueBy(turn, unit, new DueWindow(null, now.AddDays(7), Phrases.DueSoon))),
            DueByIntent d => ForUnit(turn, d.Scope, unit => DueBy(turn, unit, d.Window)),
            OverdueIntent o => ForUnit(turn, o.Scope, unit => Open(turn, Phrases.Overdue, unit, work.Overdue(unit.Code, now, Listed))),
            DirectiveIntent d => ForUnit(turn, d.Scope, unit => OfDirective(turn, unit, d.Directive)),
            MoreIntent m => More(turn, m),
            _ => null,
        };
    }

    /// <summary>The answer for the unit the question is about; null when it is about every unit.</summary>
    private Reply? ForUnit(Turn turn, Scope? scope, Func<Unit, Reply> answer)
    {
        var (target, instead) = reach.Resolve(turn, scope ?? Scope.Unsaid);
        if (instead is not null) return instead;
        return target!.Unit is { } unit ? answer(unit) : null;
    }

    /// <summary>Open work due in the window; overdue work is only counted, it has its own list.</summary>
    private Reply DueBy(Turn turn, Unit unit, DueWindow window)
    {
        var now = turn.Now;
        var reply = Open(turn, window.Label, unit, work.Open(unit.Code, now, from: window.From ?? now, to: window.Until, limit: Listed));
        if (window.Until <= now) return reply;
        var late = work.Count(unit.Code, now, to: now);
        if (late == 0) return reply;
        return reply with { Messages = [reply.Messages[0] with { Text = reply.Messages[0].Text + Phrases.AndOverdue(late.ToString(System.Globalization.CultureInfo.InvariantCulture)) }] };
    }

    /// <summary>As many as a list shows, and one more to say that there are more.</summary>
    private const int Listed = ShownLists.MaxListed + 1;

    private Reply Open(Turn turn, string title, Unit unit, IReadOnlyList<OpenTask> found) =>
        lists.Show(turn, title, [.. found.Take(Listed).Select(t => t.AssignmentId)], work.Read(unit.Code, [.. found.Take(ShownLists.PageSize)]), unit.Code);

    /// <summary>A directive's open work for the unit; a directive the store does not know is said to be unknown, not "nothing to do".</summary>
    private Reply OfDirective(Turn turn, Unit unit, DirectiveRef asked)
    {
        var (directive, instead) = directives.Find(asked);
        if (instead is not null) return turn.Say(instead);
        var said = directive!.Said;
        var all = Workload.Current(directive.Work(unit.Code), a => a.Id, a => !a.IsDone, a => a.DueBefore);
        if (all.Count == 0)
            return turn.Say(directive.Work().Count == 0 ? directive.NotFound : Phrases.DirectiveNotForUnit(said, unit.Name));
        var open = all.Where(a => !a.IsDone).OrderBy(a => a.DueBefore ?? DateTimeOffset.MaxValue).Take(ShownLists.MaxListed + 1).ToList();
        if (open.Count == 0) return turn.Say(Phrases.DirectiveAllDone(said, unit.Name, all.Count));
        return lists.Show(turn, Phrases.OfDirective(said), [.. open.Select(a => a.Id)], open, unit.Code);
    }

    private Reply? More(Turn turn, MoreIntent more)
    {
        var list = turn.Tap?.List ?? lists.Last(turn);
        if (list is { RankedBy: not null }) return null; // a ranking of units pages in its own handler
        if (turn.Tap is not null) return lists.Page(turn, list!, more.Page ?? 1);
        return list is not null ? lists.Next(turn, list) : turn.Say(Phrases.NothingToPage);
    }
}

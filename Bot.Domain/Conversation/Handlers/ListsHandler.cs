using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// The unit's work as lists: what is open, due soon or by a time, overdue, or from one directive;
/// and the next page of a list ("xem thêm", or its «Xem thêm ›» button). Open work comes from the
/// index alone; only the page shown is read in full.
/// </summary>
public sealed class ListsHandler(IAssignmentStore assignments, ShownLists lists) : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var official = turn.Official;
        return turn.Intent switch
        {
            MyTasksIntent => Open(turn, Phrases.MyTasks, assignments.OpenTasksOfUnit(official.UnitCode, limit: ShownLists.MaxListed + 1)),
            DueSoonIntent => DueBy(turn, Phrases.DueSoon, turn.Now.AddDays(7)),
            DueByIntent d => DueBy(turn, Phrases.DueBy(d.Until), d.Until),
            OverdueIntent => Open(turn, Phrases.Overdue, assignments.OpenTasksOfUnit(official.UnitCode, to: turn.Now, limit: ShownLists.MaxListed + 1)),
            DirectiveIntent d => OfDirective(turn, d.Number),
            MoreIntent m => More(turn, m),
            _ => null,
        };
    }

    /// <summary>Open work due from now until then; overdue work is only counted, it has its own list.</summary>
    private Reply DueBy(Turn turn, string title, DateTimeOffset until)
    {
        var (unit, now) = (turn.Official.UnitCode, turn.Now);
        // One more than a list numbers, and one for work due this very instant, which is not "soon".
        var due = assignments.OpenTasksOfUnit(unit, from: now, to: until, limit: ShownLists.MaxListed + 2).Where(t => t.DueBefore > now).ToList();
        var reply = Open(turn, title, due);
        var late = assignments.OpenTasksOfUnit(unit, to: now, limit: ShownLists.MaxListed + 1).Count;
        if (late == 0) return reply;
        var count = late > ShownLists.MaxListed ? Phrases.MoreThan(ShownLists.MaxListed) : late.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return reply with { Messages = [reply.Messages[0] with { Text = reply.Messages[0].Text + Phrases.AndOverdue(count) }] };
    }

    private Reply Open(Turn turn, string title, IReadOnlyList<OpenTask> found) =>
        lists.Show(turn, title, [.. found.Take(ShownLists.MaxListed + 1).Select(t => t.AssignmentId)]);

    private Reply OfDirective(Turn turn, string number)
    {
        var official = turn.Official;
        var found = assignments.ByDirectiveNumber(number, Access.SeesAllUnits(official) ? null : official.UnitCode)
            .Where(a => Access.MaySee(official, a.UnitCode) && !a.IsDone)
            .OrderBy(a => a.DueBefore ?? DateTimeOffset.MaxValue)
            .Take(ShownLists.MaxListed + 1).ToList();
        return lists.Show(turn, Phrases.OfDirective(number), [.. found.Select(a => a.Id)], found);
    }

    private Reply More(Turn turn, MoreIntent more)
    {
        if (turn.Tap is { } tap) return lists.Page(turn, tap.List, more.Page ?? 1);
        return lists.Last(turn) is { } last ? new Reply([lists.Render(turn.Viewer, last, 1, turn.Now)]) : turn.Say(Phrases.NothingToPage);
    }
}

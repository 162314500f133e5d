using System.Text;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// Lists of units (a ranking, a directive's progress by unit) as people page through them: one line
/// per unit, <see cref="PageSize"/> a page, «Xem thêm ›» or "xem thêm" for the next. The lines are kept
/// as shown (a ranking is "as of" when it was asked), in the conversation's memory like a task list.
/// </summary>
public sealed class Rankings(ShownLists lists)
{
    /// <summary>Units on one page: one message on a phone.</summary>
    public const int PageSize = 15;

    private const string Units = "units";

    public static bool IsRanking(TaskList list) => list?.RankedBy == Units;

    public Reply Show(Turn turn, string heading, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(lines);
        var list = lists.Remember(turn.Viewer, heading, lines, turn.Now, rankedBy: Units);
        return new Reply([Render(turn.Viewer, list, 0, turn.Now)]);
    }

    /// <summary>Page <paramref name="page"/> (0-based) of a ranking: a tap edits its message.</summary>
    public Reply Page(Turn turn, TaskList list, int page)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = Render(turn.Viewer, list, page, turn.Now) with { EditMessageId = turn.Tap?.MessageId };
        return new Reply([message], turn.Tap is { } tap ? new TapAnswer(tap.QueryId, null) : null);
    }

    private Outbound Render(Viewer viewer, TaskList list, int page, DateTimeOffset now)
    {
        var pages = Math.Max(1, (list.AssignmentIds.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var text = new StringBuilder(list.Title);
        foreach (var line in list.AssignmentIds.Skip(page * PageSize).Take(PageSize)) text.Append(line);
        text.Append(Phrases.UnitsPage(page + 1, pages)).Append(Phrases.UnitsFooter);
        var buttons = page + 1 < pages
            ? new List<IReadOnlyList<Button>> { new[] { lists.Button(viewer, Phrases.MoreButton, ButtonVerb.More, list, page + 1, now) } }
            : [];
        return new Outbound(viewer.ChatId, text.ToString()) { Buttons = buttons };
    }
}

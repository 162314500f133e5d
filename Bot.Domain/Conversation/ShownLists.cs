using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// The lists people are shown, and what their numbers mean. Every list is remembered
/// (<see cref="IConversationStore"/>), so "việc 3", "xong việc 3" and the list's buttons mean the
/// same task later, across restarts. A page shows <see cref="PageSize"/> tasks, each with its
/// "✅ Đã xong" button (or "↩ Hoàn tác" for the viewer's own confirmation within the undo window).
/// </summary>
public sealed class ShownLists(IConversationStore memory, IAssignmentStore assignments, UnitDirectory units, Buttons buttons, Reach reach, IProgressReports progress)
{
    /// <summary>Tasks on one page of a list: short enough for a phone and for Telegram's 4,096 characters.</summary>
    public const int PageSize = 8;

    /// <summary>The most tasks a list numbers: a person does not page further, and the store stays light.</summary>
    public const int MaxListed = 100;

    /// <summary>
    /// Shows a new list of open work and remembers it. At most <see cref="MaxListed"/> are numbered; callers
    /// fetch one more to know whether there are more. <paramref name="known"/> are the first assignments
    /// (the first page at least), already read, in the order of <paramref name="ids"/>, so the page needs no
    /// second read.
    /// </summary>
    public Reply Show(Turn turn, string title, IReadOnlyList<string> ids, IReadOnlyList<Assignment>? known = null, string? unitCode = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ids);
        var shown = ids.Take(MaxListed).ToList();
        if (shown.Count == 0) return turn.Say(Phrases.NoneIn(title, UnitName(unitCode ?? turn.Official.UnitCode)));
        var list = Remember(turn.Viewer, title, shown, turn.Now, unitCode: unitCode);
        var page = Render(turn.Viewer, list, 0, turn.Now, known);
        if (ids.Count > MaxListed) page = page with { Text = page.Text + Phrases.Capped(MaxListed) };
        return new Reply([page]);
    }

    /// <summary>A page of a list already shown: a tap edits the message it was under and answers with <paramref name="toast"/>.</summary>
    public Reply Page(Turn turn, TaskList list, int page, string? toast = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(list);
        var message = Render(turn.Viewer, list, page, turn.Now) with { EditMessageId = turn.Tap?.MessageId };
        Shown(turn, list, page);
        return new Reply([message], turn.Tap is { } tap ? new TapAnswer(tap.QueryId, toast) : null);
    }

    /// <summary>The page after the one last shown of the chat's last list, for a typed "xem thêm"; the last page says there is no more.</summary>
    public Reply Next(Turn turn, TaskList list)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(list);
        var pages = Pages(list);
        if (list.Page + 1 >= pages) return turn.Say(Phrases.NoMorePages(list.Title, pages));
        Shown(turn, list, list.Page + 1);
        return new Reply([Render(turn.Viewer, list, list.Page + 1, turn.Now)]);
    }

    private static int Pages(TaskList list) => (list.AssignmentIds.Count + PageSize - 1) / PageSize;

    // The chat's last list remembers its page; an older list's page turned by its button changes nothing here.
    private void Shown(Turn turn, TaskList list, int page)
    {
        if (memory.LastList(turn.Viewer.Chat)?.Id == list.Id && list.Page != page) memory.SaveList(list with { Page = page });
    }

    /// <summary>Keeps a list for a chat; it becomes the chat's last list. <paramref name="writeNow"/>: see <see cref="IConversationStore.SaveList"/>.</summary>
    public TaskList Remember(Viewer viewer, string title, IReadOnlyList<string> ids, DateTimeOffset now, bool writeNow = false,
        string? unitCode = null, string? rankedBy = null)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var list = new TaskList(NewListId(), viewer.Chat, title, ids, now) { UnitCode = unitCode, RankedBy = rankedBy };
        memory.SaveList(list, writeNow);
        return list;
    }

    /// <summary>One page of a list as a message to the viewer, re-read from the store (in one read) unless <paramref name="known"/> (the list's first assignments, as just read) covers the page.</summary>
    public Outbound Render(Viewer viewer, TaskList list, int page, DateTimeOffset now, IReadOnlyList<Assignment>? known = null)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(list);
        var official = viewer.Official;
        var pages = Pages(list);
        page = Math.Clamp(page, 0, Math.Max(0, pages - 1));
        var (first, end) = (page * PageSize, Math.Min(list.AssignmentIds.Count, (page + 1) * PageSize));
        // A new list is open work just read, and `known` its first assignments: when they cover the page,
        // nothing more is read. Otherwise the whole list in one read (at most MaxListed): the heading
        // counts what is still open.
        var fresh = known is not null && known.Count >= end;
        var read = fresh ? null : assignments.Get(list.AssignmentIds);
        Assignment? At(int i) => fresh ? known![i] : read!.GetValueOrDefault(list.AssignmentIds[i]);
        var done = fresh ? known!.Count(a => a.IsDone) : Enumerable.Range(0, list.AssignmentIds.Count).Count(i => At(i) is { IsDone: true });
        var text = new StringBuilder(Phrases.ListHeading(list.Title, UnitName(list.UnitCode ?? official.UnitCode), list.AssignmentIds.Count - done, done));
        if (pages > 1) text.Append(Phrases.PageOf(page + 1, pages));
        text.Append('\n');
        var rows = new List<IReadOnlyList<Button>>();
        var row = new List<Button>();
        var reported = progress.Latest(list.AssignmentIds.Skip(first).Take(end - first).ToList()); // the page's latest progress, in one read
        for (var i = first; i < end; i++)
        {
            var number = i + 1;
            var a = At(i);
            if (a is null || !reach.MaySee(official, a.UnitCode)) continue;
            text.Append(CultureInfo.InvariantCulture, $"\n{number}. {Wording.Summary(a.TaskText)}\n    {Wording.Source(a.DirectiveName)} · ");
            if (a.IsDone)
            {
                text.Append(Phrases.DoneBy(a.Completion!.ByName, a.Completion.At));
                if (a.Completion.ByPhone == official.Phone && now - a.Completion.At < Handlers.TaskActionsHandler.UndoWindow)
                    row.Add(buttons.Make(Phrases.UndoButton(number), new ButtonAction(ButtonVerb.Undo, list.Id, number), viewer, now));
            }
            else
            {
                text.Append(Wording.Deadline(a.DueBefore, a.IsDone, now)).Append(Wording.Repeats(a.Recurrence));
                if (reported.GetValueOrDefault(a.Id) is { } p) text.Append(" · 📈 ").Append(Phrases.ProgressShort(p.Percent, p.Note is null ? null : Wording.Summary(p.Note, 40)));
                if (Access.MayChange(official, a.UnitCode)) row.Add(buttons.Make(Phrases.DoneButton(number), new ButtonAction(ButtonVerb.Done, list.Id, number), viewer, now));
            }
            if (row.Count == 2)
            {
                rows.Add(row);
                row = [];
            }
        }
        if (row.Count > 0) rows.Add(row);
        if (page + 1 < pages) rows.Add([buttons.Make(Phrases.MoreButton, new ButtonAction(ButtonVerb.More, list.Id, page + 1), viewer, now)]);
        text.Append(Phrases.ListFooter);
        return new Outbound(viewer.ChatId, text.ToString()) { Buttons = rows };
    }

    /// <summary>A button on task (or page) <paramref name="number"/> of a list, signed for the turn's viewer.</summary>
    public Button Button(Turn turn, string text, ButtonVerb verb, TaskList list, int number)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(list);
        return Button(turn.Viewer, text, verb, list, number, turn.Now);
    }

    public Button Button(Viewer viewer, string text, ButtonVerb verb, TaskList list, int number, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(list);
        return buttons.Make(text, new ButtonAction(verb, list.Id, number), viewer, now);
    }

    /// <summary>The chat's last list.</summary>
    public TaskList? Last(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return memory.LastList(turn.Viewer.Chat);
    }

    /// <summary>Task <paramref name="number"/> of the chat's last list, if the official may see it.</summary>
    public Assignment? Numbered(Turn turn, int number)
    {
        var list = Last(turn);
        if (list is null || number < 1 || number > list.AssignmentIds.Count) return null;
        var a = assignments.Get(list.AssignmentIds[number - 1]);
        return a is not null && reach.MaySee(turn.Official, a.UnitCode) ? a : null;
    }

    public string UnitName(string code) => units.ByCode(code)?.Name ?? code;

    private static string NewListId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
}

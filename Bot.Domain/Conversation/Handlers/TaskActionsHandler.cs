using System.Text;
using Bot.Domain.Assignments;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// One task: its detail ("việc 3"), confirming it done ("xong việc 3", "đã hoàn thành" for the task
/// just shown, or its ✅ button), and undoing one's own confirmation within <see cref="UndoWindow"/>
/// ("hoàn tác", or ↩). Every change goes through the store, which checks the official's unit again.
/// </summary>
public sealed class TaskActionsHandler(IAssignmentStore assignments, IConversationStore memory, ShownLists lists, IProgressReports progress) : IConversationHandler
{
    /// <summary>How long "↩ Hoàn tác" undoes a confirmation, for whoever confirmed.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(10);

    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent switch
        {
            TaskDetailIntent d => Detail(turn, d.Number),
            DoneIntent d when turn.Tap is { } tap => ConfirmTapped(turn, tap, d.Number!.Value),
            DoneIntent { Numbers.Count: > 1 } d => ConfirmMany(turn, d.Numbers),
            DoneIntent d => Confirm(turn, d.Number),
            UndoIntent u when turn.Tap is { } tap => UndoTapped(turn, tap, u.Number!.Value),
            UndoIntent => UndoLatest(turn),
            _ => null,
        };
    }

    private Reply Detail(Turn turn, int number)
    {
        if (lists.Numbered(turn, number) is not { } a) return turn.Say(Phrases.NotInList(number));
        memory.SetFocus(turn.Viewer.Chat, a.Id);
        var text = new StringBuilder(Phrases.DetailHeading(number, Wording.Source(a.DirectiveName), a.TaskRef))
            .Append(Phrases.DetailUnit(lists.UnitName(a.UnitCode), a.Part == UnitPart.Lead))
            .Append("⏰ ").Append(Wording.Deadline(a.DueBefore, a.IsDone, turn.Now)).Append(Wording.Repeats(a.Recurrence)).Append('\n');
        if (a.IsDone) text.Append(Phrases.DetailStatus(a.Completion!.ByName, a.Completion.At));
        else if (progress.Latest(a.Id) is { } p) text.Append(Phrases.DetailProgress(p.Percent, p.Note, p.ByName, p.At));
        if (a.Extensions.Count > 0) text.Append(Phrases.DetailExtended(a.Extensions[^1].To, a.Extensions[^1].Reason));
        var evidence = progress.OfAssignment(a.Id).SelectMany(r => r.Files).DistinctBy(f => f.Id).Count();
        if (evidence > 0) text.Append(Phrases.DetailEvidence(evidence));
        // Telegram takes 4,096 characters; a long task is cut, and its directive says the rest.
        text.Append(Phrases.Verbatim(Wording.Summary(a.TaskText, 3_000)));
        // Who may change the task may also ask to move its deadline; anyone who sees it may have its evidence
        // and its directive's file.
        var list = lists.Last(turn)!;
        var buttons = new List<IReadOnlyList<Button>>();
        if (!a.IsDone)
        {
            buttons.Add(Bot.Domain.Organization.Access.MayChange(turn.Official, a.UnitCode)
                ? [lists.Button(turn, Phrases.DoneButtonAlone, ButtonVerb.Done, list, number), lists.Button(turn, Phrases.ExtendButton, ButtonVerb.Extend, list, number)]
                : [lists.Button(turn, Phrases.DoneButtonAlone, ButtonVerb.Done, list, number)]);
        }
        if (evidence > 0) buttons.Add([lists.Button(turn, Phrases.EvidenceButton, ButtonVerb.Evidence, list, number)]);
        buttons.Add([lists.Button(turn, Phrases.OriginalButton, ButtonVerb.Original, list, number)]);
        return new Reply([new Outbound(turn.Inbound.ChatId, text.ToString()) { Buttons = buttons }]);
    }

    /// <summary>"xong việc 3"; without a number, the task just shown in detail.</summary>
    private Reply Confirm(Turn turn, int? number)
    {
        var list = lists.Last(turn);
        if (number is null)
        {
            var focus = memory.Focus(turn.Viewer.Chat);
            var index = focus is null || list is null ? -1 : list.AssignmentIds.ToList().IndexOf(focus);
            if (index < 0) return turn.Say(Phrases.WhichNumber);
            number = index + 1;
        }
        if (list is null || lists.Numbered(turn, number.Value) is not { } a) return turn.Say(Phrases.NotInList(number.Value));
        var result = assignments.Confirm(a.Id, turn.Official);
        if (!result.Changed) return turn.Say(result.Message) with { Note = $"confirm {result.Outcome}" };
        var undo = lists.Button(turn, Phrases.UndoButtonAlone, ButtonVerb.Undo, list, number.Value);
        var text = Phrases.Confirmed(number.Value, Wording.Summary(a.TaskText, 80), UndoWindow);
        return new Reply([new Outbound(turn.Inbound.ChatId, text) { Buttons = [[undo]] }]);
    }

    /// <summary>"xong việc 5, 6 và 7": each is confirmed, and each that cannot be is named with why.</summary>
    private Reply ConfirmMany(Turn turn, IReadOnlyList<int> numbers)
    {
        var list = lists.Last(turn);
        var done = new List<(int Number, string Summary)>();
        var refused = new System.Text.StringBuilder();
        var undo = new List<Button>();
        foreach (var number in numbers.Distinct())
        {
            if (list is null || lists.Numbered(turn, number) is not { } a)
            {
                refused.Append(Phrases.NotConfirmed(number, Phrases.NotInListShort(number)));
                continue;
            }
            var result = assignments.Confirm(a.Id, turn.Official);
            if (!result.Changed)
            {
                refused.Append(Phrases.NotConfirmed(number, result.Message));
                continue;
            }
            done.Add((number, Wording.Summary(a.TaskText, 60)));
            undo.Add(lists.Button(turn, Phrases.UndoButton(number), ButtonVerb.Undo, list, number));
        }
        var text = (done.Count > 0 ? Phrases.ConfirmedMany(done, UndoWindow) : Phrases.NoneConfirmed) + refused;
        return new Reply([new Outbound(turn.Inbound.ChatId, text) { Buttons = [.. undo.Chunk(2).Select(r => (IReadOnlyList<Button>)r)] }])
            { Note = $"confirm {done.Count} of {numbers.Count}" };
    }

    private Reply ConfirmTapped(Turn turn, TappedButton tap, int number)
    {
        var result = assignments.Confirm(tap.List.AssignmentIds[number - 1], turn.Official);
        var toast = result.Changed ? Phrases.ConfirmedToast : result.Message;
        return lists.Page(turn, tap.List, (number - 1) / ShownLists.PageSize, toast) with { Note = $"confirm {result.Outcome}" };
    }

    /// <summary>"hoàn tác": the official's latest confirmation in the last list, within the window.</summary>
    private Reply UndoLatest(Turn turn)
    {
        var list = lists.Last(turn);
        var recent = list is null ? null : assignments.Get(list.AssignmentIds).Values
            .Where(a => a.IsDone && a.Completion!.ByPhone == turn.Official.Phone && turn.Now - a.Completion.At < UndoWindow)
            .OrderByDescending(a => a.Completion!.At).FirstOrDefault();
        if (recent is null) return turn.Say(Phrases.NothingToUndo(UndoWindow));
        var result = assignments.Reopen(recent.Id, turn.Official, "hoàn tác");
        return turn.Say(result.Changed ? Phrases.Undone(Wording.Summary(recent.TaskText, 80)) : result.Message);
    }

    private Reply UndoTapped(Turn turn, TappedButton tap, int number)
    {
        if (turn.Now - tap.IssuedAt > UndoWindow) return turn.Toast(Phrases.UndoTooLate(UndoWindow)) with { Note = "undo too late" };
        var a = assignments.Get(tap.List.AssignmentIds[number - 1]);
        if (a?.Completion?.ByPhone != turn.Official.Phone) return turn.Toast(Phrases.UndoByOthers) with { Note = "undo by another official" };
        var result = assignments.Reopen(a.Id, turn.Official, "hoàn tác");
        return lists.Page(turn, tap.List, (number - 1) / ShownLists.PageSize, result.Changed ? Phrases.UndoneToast : result.Message);
    }
}

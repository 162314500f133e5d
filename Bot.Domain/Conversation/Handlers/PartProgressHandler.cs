using System.Security.Cryptography;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// Progress in part: "việc 2 đã làm được 60%, còn chờ 3 xã" (no number: the task just shown) is kept as the task's
/// latest progress, which its lists, its detail and leaders' reports show. Only the unit's own people (and the
/// district above them) report it; a done task needs none.
/// </summary>
public sealed class PartProgressHandler(IProgressReports progress, IConversationStore memory, ShownLists lists) : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent is PartProgressIntent p ? Report(turn, p) : null;
    }

    private Reply Report(Turn turn, PartProgressIntent intent)
    {
        if (intent.Percent is < 0 or > 100) return turn.Say(Phrases.ProgressPercentRange);
        var number = intent.Number;
        Assignment? a;
        if (number is { } n) a = lists.Numbered(turn, n);
        else
        {
            var focus = memory.Focus(turn.Viewer.Chat);
            var index = focus is null ? -1 : lists.Last(turn)?.AssignmentIds.ToList().IndexOf(focus) ?? -1;
            if (index < 0) return turn.Say(Phrases.ProgressWhichTask);
            (a, number) = (lists.Numbered(turn, index + 1), index + 1);
        }
        if (a is null) return turn.Say(Phrases.NotInList(number!.Value));
        if (!Access.MayChange(turn.Official, a.UnitCode)) return turn.Say(Phrases.OtherUnitsWork) with { Note = "progress of another unit's task" };
        if (a.IsDone) return turn.Say(Phrases.ProgressOfDone(number!.Value));
        progress.Add(new ProgressReport
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            AssignmentId = a.Id,
            Percent = intent.Percent,
            Note = intent.Note is { Length: > 500 } long_ ? long_[..500] : intent.Note,
            ByPhone = turn.Official.Phone,
            ByName = turn.Official.Name,
            At = turn.Now,
        });
        memory.SetFocus(turn.Viewer.Chat, a.Id);
        return turn.Say(Phrases.ProgressRecorded(number!.Value, Wording.Summary(a.TaskText, 80), intent.Percent, intent.Note)) with { Note = $"progress {intent.Percent}%" };
    }
}

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
        var (task, number, refusal) = Resolve(turn, intent);
        return refusal ?? Record(turn, intent, task!, number, []);
    }

    /// <summary>The task a progress report is about, or the reply that refuses it (nothing is recorded then).</summary>
    public (Assignment? Task, int Number, Reply? Refusal) Resolve(Turn turn, PartProgressIntent intent)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Percent is < 0 or > 100) return (null, 0, turn.Say(Phrases.ProgressPercentRange));
        var number = intent.Number;
        Assignment? a;
        if (number is { } n) a = lists.Numbered(turn, n);
        else
        {
            var focus = memory.Focus(turn.Viewer.Chat);
            var index = focus is null ? -1 : lists.Last(turn)?.AssignmentIds.ToList().IndexOf(focus) ?? -1;
            if (index < 0) return (null, 0, turn.Say(Phrases.ProgressWhichTask));
            (a, number) = (lists.Numbered(turn, index + 1), index + 1);
        }
        if (a is null) return (null, 0, turn.Say(Phrases.NotInList(number!.Value)));
        if (!Access.MayChange(turn.Official, a.UnitCode)) return (null, 0, turn.Say(Phrases.OtherUnitsWork) with { Note = "progress of another unit's task" });
        if (a.IsDone) return (null, 0, turn.Say(Phrases.ProgressOfDone(number!.Value)));
        return (a, number!.Value, null);
    }

    /// <summary>Keeps the report (with its evidence files, already stored) and says so.</summary>
    public Reply Record(Turn turn, PartProgressIntent intent, Assignment task, int number, IReadOnlyList<EvidenceFile> files)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(task);
        progress.Add(new ProgressReport
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            AssignmentId = task.Id,
            Percent = intent.Percent,
            Note = intent.Note is { Length: > 500 } long_ ? long_[..500] : intent.Note,
            ByPhone = turn.Official.Phone,
            ByName = turn.Official.Name,
            At = turn.Now,
            Files = files,
        });
        memory.SetFocus(turn.Viewer.Chat, task.Id);
        var said = Phrases.ProgressRecorded(number, Wording.Summary(task.TaskText, 80), intent.Percent, intent.Note)
            + string.Concat(files.Select(f => "\n" + Phrases.EvidenceSaved(number, f.FileName)));
        return turn.Say(said) with { Note = $"progress {intent.Percent}%{(files.Count > 0 ? $", {files.Count} evidence file(s)" : "")}" };
    }
}

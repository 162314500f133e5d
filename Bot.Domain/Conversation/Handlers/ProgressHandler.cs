using System.Text;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Time;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>"tiến độ": this year's work per unit the asker may see, the latest first: for unit heads and leaders.</summary>
public sealed class ProgressHandler(IAssignmentStore assignments, UnitDirectory units) : IConversationHandler
{
    /// <summary>Units listed before "… và N đơn vị khác": one message on a phone.</summary>
    public const int Shown = 15;

    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent is ProgressIntent ? Progress(turn) : null;
    }

    private Reply Progress(Turn turn)
    {
        var official = turn.Official;
        if (official.Role == Role.Staff) return turn.Say(Phrases.ProgressIsForHeads);
        var local = VietnamTime.ToLocal(turn.Now);
        var from = VietnamTime.FromLocal(new DateTime(local.Year, 1, 1));
        var rows = assignments.Progress(from, turn.Now.AddDays(7))
            .Where(p => Access.MaySee(official, p.UnitCode))
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.OnTimeRate ?? 1).ThenBy(p => p.UnitCode, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0) return turn.Say(Phrases.NothingDueThisYear);
        var text = new StringBuilder(Phrases.ProgressHeading(local.Year, turn.Now));
        foreach (var p in rows.Take(Shown)) text.Append(Phrases.ProgressLine(units.ByCode(p.UnitCode)?.Name ?? p.UnitCode, p.Done, p.Total, p.Overdue, p.OnTimeRate));
        if (rows.Count > Shown) text.Append(Phrases.AndOtherUnits(rows.Count - Shown));
        return turn.Say(text.ToString());
    }
}

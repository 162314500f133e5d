using Bot.Domain.Calendar;
using Bot.Domain.Reminders;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// What an official asks of the reminders: the 07:30 digest on or off, reminders muted (all, or one
/// task), and "nhắc lại sau" (typed, or a reminder's ⏰ button): no reminder of those tasks before the
/// next working morning, or the morning of the day named ("nhắc lại thứ hai").
/// </summary>
public sealed class PreferencesHandler(IPreferenceStore preferences, IWorkCalendar calendar, ReminderPolicy policy, ShownLists lists) : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent switch
        {
            DigestIntent d => Prefer(turn, p => p with { Digest = d.On }, d.On ? Phrases.DigestOn(policy.DigestAt) : Phrases.DigestOff),
            RemindersIntent r => Mute(turn, r),
            SnoozeIntent s when turn.Tap is { } tap => SnoozeTapped(turn, tap, s.Number!.Value),
            SnoozeIntent s => Snooze(turn, s),
            _ => null,
        };
    }

    private Reply Prefer(Turn turn, Func<OfficialPreferences, OfficialPreferences> change, string said)
    {
        preferences.SavePreferences(change(preferences.Preferences(turn.Official.Phone)));
        return turn.Say(said);
    }

    private Reply Mute(Turn turn, RemindersIntent r)
    {
        if (r.Number is not { } number)
            return Prefer(turn, p => p with { MutedAll = !r.On }, r.On ? Phrases.RemindersOn : Phrases.RemindersOff);
        if (lists.Numbered(turn, number) is not { } a) return turn.Say(Phrases.NotInListShort(number));
        return Prefer(turn, p =>
        {
            var muted = new HashSet<string>(p.MutedAssignments, StringComparer.Ordinal);
            if (r.On) muted.Remove(a.Id);
            else muted.Add(a.Id);
            return p with { MutedAssignments = muted };
        }, r.On ? Phrases.ReminderOn(number) : Phrases.ReminderOff(number));
    }

    /// <summary>"nhắc lại sau [việc 2]": the task named, or every task of the last list.</summary>
    private Reply Snooze(Turn turn, SnoozeIntent snooze)
    {
        var list = lists.Last(turn);
        if (list is null) return turn.Say(Phrases.NothingToSnooze);
        var ids = snooze.Number is { } n
            ? (lists.Numbered(turn, n) is { } a ? [a.Id] : [])
            : list.AssignmentIds.ToList();
        if (ids.Count == 0) return turn.Say(Phrases.NotInListShort(snooze.Number));
        var until = snooze.Day is { } day && day > turn.Now ? calendar.NextWorkingMoment(day) : calendar.NextWorkingMorning(turn.Now);
        Snooze(turn, ids, until);
        return turn.Say(Phrases.Snoozed(until));
    }

    private Reply SnoozeTapped(Turn turn, TappedButton tap, int number)
    {
        var until = calendar.NextWorkingMorning(turn.Now);
        Snooze(turn, [tap.List.AssignmentIds[number - 1]], until);
        return turn.Toast(Phrases.SnoozedToast(until));
    }

    private void Snooze(Turn turn, IReadOnlyList<string> assignmentIds, DateTimeOffset until)
    {
        var p = preferences.Preferences(turn.Official.Phone);
        var snoozed = new Dictionary<string, DateTimeOffset>(p.Snoozed, StringComparer.Ordinal);
        foreach (var id in assignmentIds) snoozed[id] = until;
        preferences.SavePreferences(p with { Snoozed = snoozed });
    }
}

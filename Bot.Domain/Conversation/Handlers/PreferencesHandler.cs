using Bot.Domain.Calendar;
using Bot.Domain.Reminders;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// What an official asks of the reminders: the 07:30 digest on or off, reminders muted (all, or one
/// task), and "nhắc lại sau" (typed, or a reminder's ⏰ button): no reminder of those tasks before the
/// next working morning, or the morning of the day named ("nhắc lại thứ hai").
/// </summary>
public sealed class PreferencesHandler(IPreferenceStore preferences, IWorkCalendar calendar, ReminderPolicy policy, ShownLists lists, Workload work, Reach reach)
    : IConversationHandler
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

    /// <summary>
    /// "nhắc lại sau [việc 2]", "nhắc tôi thứ hai": the task named, else every task of the last list, else the
    /// unit's open work; until the next working morning, or the morning of the day named (the next working
    /// one, saying so, when it is not). The answer says what and when, with the weekday.
    /// </summary>
    private Reply Snooze(Turn turn, SnoozeIntent snooze)
    {
        var list = lists.Last(turn);
        IReadOnlyList<string> ids;
        string what;
        if (snooze.Number is { } n)
        {
            if (lists.Numbered(turn, n) is not { } a) return turn.Say(Phrases.NotInListShort(n));
            (ids, what) = ([a.Id], Phrases.SnoozedTask(n, Wording.Summary(a.TaskText, 60)));
        }
        else if (list is not null && !Rankings.IsRanking(list))
            (ids, what) = (list.AssignmentIds, Phrases.SnoozedList(list.AssignmentIds.Count, list.Title));
        else
        {
            var unit = reach.OwnUnit(turn.Official);
            ids = [.. work.Open(unit.Code, turn.Now).Select(t => t.AssignmentId)];
            if (ids.Count == 0) return turn.Say(Phrases.NothingToSnooze);
            what = Phrases.SnoozedUnit(ids.Count, unit.Name);
        }
        var asked = snooze.Day is { } day && day.AddDays(1) > turn.Now ? day : (DateTimeOffset?)null;
        var until = asked is { } on ? calendar.NextWorkingMoment(on > turn.Now ? on : turn.Now) : calendar.NextWorkingMorning(turn.Now);
        var notWorking = asked is { } d && !calendar.IsWorkingDay(DateOnly.FromDateTime(Time.VietnamTime.ToLocal(d))) ? Phrases.NotAWorkingDay(d) : "";
        Snooze(turn, ids, until);
        return turn.Say(notWorking + Phrases.Snoozed(what, until));
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

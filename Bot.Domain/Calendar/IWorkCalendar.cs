namespace Bot.Domain.Calendar;

/// <summary>
/// Which days offices work: Monday to Friday, less Vietnam's public holidays and the year's
/// compensatory days, plus the Saturdays worked in exchange for bridge days.
/// </summary>
public interface IWorkCalendar
{
    bool IsWorkingDay(DateOnly day);
}

public static class WorkCalendarExtensions
{
    /// <summary>The n-th working day after <paramref name="start"/> (n ≥ 1); the start itself does not count.</summary>
    public static DateOnly AddWorkingDays(this IWorkCalendar calendar, DateOnly start, int n)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = start;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day)) n--;
        }
        return day;
    }

    /// <summary>The first working day on or after <paramref name="day"/>.</summary>
    public static DateOnly NextOrSameWorkingDay(this IWorkCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}

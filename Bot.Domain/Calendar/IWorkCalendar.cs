using Bot.Domain.Time;

namespace Bot.Domain.Calendar;

/// <summary>
/// Which days offices work: Monday to Friday, less Vietnam's public holidays and the year's
/// compensatory days, plus the Saturdays worked in exchange for bridge days; and the hours of a
/// working day, in Vietnam time.
/// </summary>
public interface IWorkCalendar
{
    bool IsWorkingDay(DateOnly day);

    /// <summary>When a working day starts and ends (07:30–17:00 unless configured).</summary>
    WorkingHours Hours => WorkingHours.Office;
}

/// <summary>The hours of a working day, in Vietnam time: reminders go out only between them.</summary>
public sealed record WorkingHours(TimeOnly Starts, TimeOnly Ends)
{
    public static WorkingHours Office { get; } = new(new TimeOnly(7, 30), new TimeOnly(17, 0));
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

    /// <summary>On a working day, between its start and end of work.</summary>
    public static bool InWorkingHours(this IWorkCalendar calendar, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = VietnamTime.ToLocal(instant);
        var time = TimeOnly.FromDateTime(local);
        return calendar.IsWorkingDay(DateOnly.FromDateTime(local)) && time >= calendar.Hours.Starts && time < calendar.Hours.Ends;
    }

    /// <summary>The start of work on a day.</summary>
    public static DateTimeOffset Morning(this IWorkCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return VietnamTime.FromLocal(day.ToDateTime(calendar.Hours.Starts));
    }

    /// <summary>The next moment anything may be sent: the instant itself in working hours, else the next working morning.</summary>
    public static DateTimeOffset NextWorkingMoment(this IWorkCalendar calendar, DateTimeOffset instant)
    {
        if (calendar.InWorkingHours(instant)) return instant;
        var local = VietnamTime.ToLocal(instant);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= calendar.Hours.Starts || !calendar.IsWorkingDay(day)) day = calendar.AddWorkingDays(day, 1);
        return calendar.Morning(day);
    }

    /// <summary>The start of the next working day after the one <paramref name="instant"/> falls on: where "nhắc lại sau" lands.</summary>
    public static DateTimeOffset NextWorkingMorning(this IWorkCalendar calendar, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var tomorrow = DateOnly.FromDateTime(VietnamTime.ToLocal(instant)).AddDays(1);
        return calendar.NextWorkingMoment(VietnamTime.StartOfDay(tomorrow));
    }

    /// <summary>The first working day on or after <paramref name="day"/>.</summary>
    public static DateOnly NextOrSameWorkingDay(this IWorkCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Bot.Domain.Calendar;

/// <summary>
/// Vietnam's office calendar: Monday–Friday, less the holidays (<see cref="VietnamHolidays"/>, with the
/// year's decisions from the <see cref="HolidayPlan"/> taking the place of the defaults for the holidays
/// they cover), plus the weekend days worked in exchange for swapped days. Safe to share between threads.
/// </summary>
public sealed class WorkCalendar : IWorkCalendar
{
    private readonly HolidayPlan plan;
    private readonly ConcurrentDictionary<int, YearDays> years = new();

    public WorkCalendar(HolidayPlan plan, WorkingHours? hours = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        this.plan = plan;
        Hours = hours ?? WorkingHours.Office;
        if (Hours.Starts >= Hours.Ends) throw new ArgumentException("A working day must start before it ends.", nameof(hours));
    }

    public WorkingHours Hours { get; }

    public bool IsWorkingDay(DateOnly day) =>
        WorkedWeekendOn(day) is not null || (!VietnamHolidays.IsWeekend(day) && HolidayOn(day) is null);

    /// <summary>Whether the day is a day off for a holiday (weekend days of a holiday included), and its name for people to read.</summary>
    public bool IsHoliday(DateOnly day, [NotNullWhen(true)] out string? name)
    {
        name = HolidayOn(day)?.ToString();
        return name is not null;
    }

    /// <summary>The holiday a day is off for, or null. A weekend day worked in exchange is not one.</summary>
    public Holiday? HolidayOn(DateOnly day) =>
        WorkedWeekendOn(day) is not null ? null : Lookup(day, year => year.Off);

    /// <summary>The weekend day worked in exchange for a swapped day off, or null.</summary>
    public PlannedWorkingDay? WorkedWeekendOn(DateOnly day) => Lookup(day, year => year.Worked);

    /// <summary>The holiday days off of a year, in date order (a New Year break may begin in December before).</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year) =>
        [.. Of(year).Off.Values.Where(h => WorkedWeekendOn(h.Day) is null).OrderBy(h => h.Day)];

    /// <summary>The weekend days worked in a year, in date order.</summary>
    public IReadOnlyList<PlannedWorkingDay> WorkedWeekendsOf(int year) => [.. Of(year).Worked.Values.OrderBy(w => w.Day)];

    // A day's entry lives with its own year, or with the next one when a break starts in late December.
    private T? Lookup<T>(DateOnly day, Func<YearDays, IReadOnlyDictionary<DateOnly, T>> days) where T : class =>
        days(Of(day.Year)).GetValueOrDefault(day)
        ?? (day.Month == 12 ? days(Of(day.Year + 1)).GetValueOrDefault(day) : null);

    private YearDays Of(int year) => years.GetOrAdd(year, Build);

    private YearDays Build(int year)
    {
        var decided = plan.DaysOff.Where(d => d.Year == year).ToList();
        var decidedHolidays = decided.Select(d => d.Holiday).ToHashSet();
        var defaults = VietnamHolidays.WithCompensatoryDays(VietnamHolidays.Statutory(year))
            .Where(h => !decidedHolidays.Contains(h.Name));

        var off = new Dictionary<DateOnly, Holiday>();
        foreach (var holiday in decided.SelectMany(d => d.Days().Select(day => new Holiday(day, d.Holiday, d.Note))).Concat(defaults))
            off.TryAdd(holiday.Day, holiday); // a decision names its days; a default landing on them yields
        var worked = plan.WorkingDays.Where(w => w.Year == year).ToDictionary(w => w.Day);
        return new YearDays(off, worked);
    }

    private sealed record YearDays(IReadOnlyDictionary<DateOnly, Holiday> Off, IReadOnlyDictionary<DateOnly, PlannedWorkingDay> Worked);
}

using Bot.Domain.Text;

namespace Bot.Domain.Calendar;

/// <summary>A day off for a holiday. <paramref name="Name"/> is the occasion ("Tết Nguyên Đán");
/// <paramref name="Note"/> says why the day is off when it is not the holiday itself ("nghỉ bù").</summary>
public sealed record Holiday(DateOnly Day, string Name, string? Note = null)
{
    /// <summary>What people read: "Quốc khánh" or "Giỗ Tổ Hùng Vương (nghỉ bù)".</summary>
    public override string ToString() => Note is null ? Name : $"{Name} ({Note})";
}

/// <summary>
/// Vietnam's public holidays by the Labour Code 2019, article 112 (in force since 2021; earlier years
/// are computed by the same rules), with compensatory days by article 111(3). The government decides
/// each year which five days make Tết, which day joins 2 September, and any swaps; until a decision
/// is known (see <see cref="HolidayPlan"/>) the defaults below stand in for it.
/// </summary>
public static class VietnamHolidays
{
    public const string NewYear = "Tết Dương lịch";
    public const string LunarNewYear = "Tết Nguyên Đán";
    public const string HungKings = "Giỗ Tổ Hùng Vương";
    public const string Victory = "Ngày Chiến thắng";
    public const string Labour = "Ngày Quốc tế Lao động";
    public const string NationalDay = "Quốc khánh";

    public const string CompensatoryNote = "nghỉ bù";

    public static IReadOnlyList<string> Names { get; } = [NewYear, LunarNewYear, HungKings, Victory, Labour, NationalDay];

    /// <summary>The occasion's proper name for a name typed with or without accents, or null.</summary>
    public static string? Find(string name) => Names.FirstOrDefault(known => VietnameseText.SameFolded(known, name));

    /// <summary>The holidays themselves, weekends included, in date order.</summary>
    public static IReadOnlyList<Holiday> Statutory(int year)
    {
        if (year is <= LunarCalendar.MinYear or >= LunarCalendar.MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Lịch ngày nghỉ chỉ tính cho các năm {LunarCalendar.MinYear + 1}–{LunarCalendar.MaxYear - 1}.");
        var tet = LunarCalendar.LunarNewYear(year);
        var days = new List<Holiday> { new(new DateOnly(year, 1, 1), NewYear) };
        // Default Tết: the last day of the old lunar year and the first four of the new one — the
        // most common choice; the yearly decision in the plan replaces it.
        for (var i = -1; i <= 3; i++) days.Add(new Holiday(tet.AddDays(i), LunarNewYear));
        days.Add(new Holiday(LunarCalendar.ToSolar(new LunarDate(year, 3, 10)), HungKings));
        days.Add(new Holiday(new DateOnly(year, 4, 30), Victory));
        days.Add(new Holiday(new DateOnly(year, 5, 1), Labour));
        var nationalDay = new DateOnly(year, 9, 2);
        days.Add(new Holiday(nationalDay, NationalDay));
        days.Add(new Holiday(AdjacentToNationalDay(nationalDay), NationalDay));
        return [.. days.OrderBy(h => h.Day)];
    }

    /// <summary>
    /// The statutory days plus a compensatory day for each that falls on a Saturday or Sunday: the
    /// next weekday that is not already off (article 111(3); offices rest on both weekend days).
    /// </summary>
    public static IReadOnlyList<Holiday> WithCompensatoryDays(IReadOnlyList<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var off = holidays.Select(h => h.Day).ToHashSet();
        var all = new List<Holiday>(holidays);
        foreach (var holiday in holidays.Where(h => IsWeekend(h.Day)).OrderBy(h => h.Day))
        {
            var day = holiday.Day.AddDays(1);
            while (IsWeekend(day) || off.Contains(day)) day = day.AddDays(1);
            off.Add(day);
            all.Add(new Holiday(day, holiday.Name, CompensatoryNote));
        }
        return [.. all.OrderBy(h => h.Day)];
    }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// The law gives 2 September and "one day before or after". Default: the one that joins the
    /// weekend — 1 September when the 2nd is a Tuesday, Friday or Saturday, else 3 September
    /// (the choices made 2021–2025).
    /// </summary>
    private static DateOnly AdjacentToNationalDay(DateOnly nationalDay) =>
        nationalDay.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Friday or DayOfWeek.Saturday
            ? nationalDay.AddDays(-1)
            : nationalDay.AddDays(1);
}

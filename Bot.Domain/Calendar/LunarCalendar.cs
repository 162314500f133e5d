using System.Globalization;

namespace Bot.Domain.Calendar;

/// <summary>A day of the Vietnamese lunar calendar (âm lịch). Year is the Gregorian year in which that lunar year's Tết falls.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>As Vietnamese write it: "10/3/2024", "15/4 nhuận/2020".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year}");
}

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for Vietnam's time zone (UTC+7) — the
/// method Hồ Ngọc Đức published, which Vietnamese calendars follow (North Vietnam moved to UTC+7 in 1967):
/// <list type="bullet">
/// <item>a month starts on the local day of a new moon;</item>
/// <item>month 11 is the month containing the winter solstice;</item>
/// <item>when 13 months lie between two months 11, the first of them in which the sun enters no new
/// 30° sector of the ecliptic (a month without a "major solar term") is the leap month and repeats the
/// number of the month before it.</item>
/// </list>
/// China computes the same rules for UTC+8, so a new moon between 16:00 and 17:00 UT puts a month's
/// first day on different dates, and the years can differ (Tết 1985, 2007).
/// Supported: Gregorian days of 1800–2199 and lunar years 1801–2198; tested against published dates 1900–2100.
/// </summary>
public static class LunarCalendar
{
    public const int MinYear = 1800;
    public const int MaxYear = 2199;

    internal const double VietnamZoneHours = 7;

    /// <summary>Julian day number of 1 January 1 (Gregorian) minus DateOnly.DayNumber's origin.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    public static LunarDate FromSolar(DateOnly day) => FromSolar(day, VietnamZoneHours);

    /// <summary>The Gregorian day of a lunar date; throws when that date does not exist (say 30/1 in a 29-day month).</summary>
    public static DateOnly ToSolar(LunarDate date) =>
        TryToSolar(date, out var day)
            ? day
            : throw new ArgumentOutOfRangeException(nameof(date), date, "Ngày âm lịch này không có.");

    public static bool TryToSolar(LunarDate date, out DateOnly day) => TryToSolar(date, VietnamZoneHours, out day);

    /// <summary>Mùng 1 Tết of the lunar year that starts in Gregorian <paramref name="year"/>.</summary>
    public static DateOnly LunarNewYear(int year) => ToSolar(new LunarDate(year, 1, 1));

    /// <summary>The number of the lunar year's leap month (e.g. 4 when there is a "tháng 4 nhuận"), or 0.</summary>
    public static int LeapMonth(int year) => LeapMonth(year, VietnamZoneHours);

    /// <summary>29 or 30.</summary>
    public static int DaysInMonth(int year, int month, bool isLeapMonth = false)
    {
        var first = ToSolar(new LunarDate(year, month, 1, isLeapMonth));
        return FromSolar(first.AddDays(29)).Day == 30 ? 30 : 29;
    }

    // The same rules for any time zone: tests check them against .NET's Chinese calendar at UTC+8.

    internal static LunarDate FromSolar(DateOnly day, double zone)
    {
        if (day.Year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Âm lịch chỉ tính cho các năm {MinYear}–{MaxYear}.");

        var today = day.DayNumber;
        var k = (int)Math.Floor((today + JulianDayOfDayNumberZero - Astronomy.FirstNewMoon) / Astronomy.SynodicMonth);
        while (MonthStart(k + 1, zone) <= today) k++;
        while (MonthStart(k, zone) > today) k--;

        // Which span between two months 11 holds this month: the one that starts in this Gregorian year, or the one before.
        var winterYear = k >= SolsticeMonth(day.Year, zone) ? day.Year : day.Year - 1;
        var span = new Span(winterYear, zone);
        var offset = k - span.Start;
        var number = span.LeapOffset > 0 && offset >= span.LeapOffset ? offset - 1 : offset;
        return new LunarDate(
            Year: number <= 1 ? winterYear : winterYear + 1, // months 11 and 12 close the lunar year that began before the solstice
            Month: (number + 10) % 12 + 1,
            Day: today - MonthStart(k, zone) + 1,
            IsLeapMonth: span.LeapOffset > 0 && offset == span.LeapOffset);
    }

    internal static bool TryToSolar(LunarDate date, double zone, out DateOnly day)
    {
        day = default;
        if (date.Year is < MinYear + 1 or > MaxYear - 1 || date.Month is < 1 or > 12 || date.Day is < 1 or > 30) return false;

        var winterYear = date.Month >= 11 ? date.Year : date.Year - 1;
        var span = new Span(winterYear, zone);
        var number = (date.Month + 1) % 12; // months counted from month 11: 11 → 0, 12 → 1, 1 → 2 … 10 → 11
        int offset;
        if (date.IsLeapMonth)
        {
            if (span.LeapOffset != number + 1) return false;
            offset = span.LeapOffset;
        }
        else
        {
            offset = span.LeapOffset > 0 && number >= span.LeapOffset ? number + 1 : number;
        }

        var start = MonthStart(span.Start + offset, zone);
        var length = MonthStart(span.Start + offset + 1, zone) - start;
        if (date.Day > length) return false;
        day = DateOnly.FromDayNumber(start + date.Day - 1);
        return true;
    }

    internal static int LeapMonth(int year, double zone)
    {
        for (var month = 1; month <= 12; month++)
        {
            if (TryToSolar(new LunarDate(year, month, 1, IsLeapMonth: true), zone, out _)) return month;
        }
        return 0;
    }

    /// <summary>The months from the month 11 of one winter to the next; 13 of them hold a leap month.</summary>
    private readonly struct Span
    {
        public Span(int winterYear, double zone)
        {
            Start = SolsticeMonth(winterYear, zone);
            var next = SolsticeMonth(winterYear + 1, zone);
            LeapOffset = next - Start == 13 ? FirstMonthWithoutMajorTerm(Start, zone) : 0;
        }

        /// <summary>The new moon number starting month 11.</summary>
        public int Start { get; }

        /// <summary>How many months after month 11 the leap month comes (1–12), 0 without one.</summary>
        public int LeapOffset { get; }
    }

    private static int FirstMonthWithoutMajorTerm(int month11, double zone)
    {
        for (var offset = 1; offset <= 12; offset++)
        {
            if (SunSector(MonthStart(month11 + offset, zone), zone) == SunSector(MonthStart(month11 + offset + 1, zone), zone))
                return offset;
        }
        // Twelve months hold only eleven major terms, so one of them is always found.
        throw new InvalidOperationException($"No leap month after new moon {month11}.");
    }

    /// <summary>The new moon number starting the lunar month that contains the December solstice of <paramref name="year"/>.</summary>
    private static int SolsticeMonth(int year, double zone)
    {
        var december31 = new DateOnly(year, 12, 31).DayNumber + JulianDayOfDayNumberZero;
        var k = (int)Math.Floor((december31 - Astronomy.FirstNewMoon) / Astronomy.SynodicMonth);
        // Month k starts within a few days of December; once the sun is past 270° at its start, the solstice fell in the month before.
        return SunSector(MonthStart(k, zone), zone) >= 9 ? k - 1 : k;
    }

    /// <summary>The local day (as a DayNumber) on which new moon <paramref name="k"/> falls.</summary>
    private static int MonthStart(int k, double zone) =>
        (int)Math.Floor(Astronomy.NewMoon(k) + 0.5 + zone / 24) - JulianDayOfDayNumberZero;

    /// <summary>Which 30° sector of the ecliptic the sun is in at local midnight starting the day (0 = from the March equinox).</summary>
    private static int SunSector(int dayNumber, double zone) =>
        (int)(Astronomy.SunLongitude(dayNumber + JulianDayOfDayNumberZero - 0.5 - zone / 24) / 30);
}

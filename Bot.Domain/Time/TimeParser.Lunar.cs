using Bot.Domain.Calendar;

namespace Bot.Domain.Time;

/// <summary>
/// Days of the lunar calendar as directives write them: festivals ("Tết Nguyên đán Ất Tỵ", "Tết Trung thu", "Rằm
/// tháng Giêng"), a year named by its stem and branch (can chi), the days of Tết ("mùng 4 Tết") and lunar dates
/// ("ngày 28 tháng Chạp âm lịch"). A lunar day without a year is the one nearest the reference.
/// </summary>
internal sealed partial class TimeParser
{
    private static readonly PhraseList LunarFestivals = new(TimeWords.LunarFestivals.Select(f => f.Words));

    /// <summary>"Tết Nguyên đán Ất Tỵ", "Tết Trung thu năm 2024", "dịp Tết": the festival's day, of the year named or the nearest.</summary>
    private DayRead? LunarFestival(int i)
    {
        var j = Is(i, "ngay") || Is(i, "le") ? i + 1 : i;
        if (AnyOf(j, LunarFestivals) is not { } m) return null;
        // "Tết Dương lịch" is the solar New Year, read as a holiday.
        if (TimeWords.LunarFestivals[m.Which].Words is ["tet"] && (Is(m.End, "duong") || Is(m.End, "tay"))) return null;
        var (_, month, day) = TimeWords.LunarFestivals[m.Which];
        var end = m.End;
        if (LunarYear(end) is { } named)
        {
            return LunarCalendar.TryToSolar(new LunarDate(named.Year, month, day), out var dated)
                ? new DayRead(dated, named.End, true)
                : null;
        }
        return NearestLunar(month, day) is { } near ? new DayRead(near, end, false) : null;
    }

    /// <summary>
    /// "mùng 4 Tết", "ngày mồng 2 Tết Tân Sửu", "ngày 28 tháng Chạp âm lịch", "ngày 5 tháng Giêng", "15/8 âm lịch",
    /// "rằm tháng Bảy": a day of a lunar month. "tháng Giêng" and "tháng Chạp" name lunar months.
    /// </summary>
    private DayRead? LunarDay(int i)
    {
        var j = Key(i, "ngay") ? i + 1 : i;
        var mung = Is(j, "mung") || Is(j, "mong");
        if (mung) j++;
        if (Num(j, 1, 30) is not int d) return null;
        var k = j + 1;
        if (mung && Is(k, "tet"))
        {
            var afterTet = k + 1;
            if (LunarYear(afterTet) is { } named)
                return LunarCalendar.TryToSolar(new LunarDate(named.Year, 1, d), out var dated) ? new DayRead(dated, named.End, true) : null;
            return NearestLunar(1, d) is { } near ? new DayRead(near, afterTet, false) : null;
        }
        int month, end;
        bool lunarMonthName;
        if (Key(k, "thang") && Word(k + 1) is "gieng" or "chap")
            (month, end, lunarMonthName) = (Word(k + 1) == "gieng" ? 1 : 12, k + 2, true);
        else if (Key(k, "thang") && MonthNumber(k + 1) is { } mm) (month, end, lunarMonthName) = (mm.Month, mm.End, false);
        else if (Sym(k, '/') && Num(k + 1, 1, 12) is int m2 && !Sym(k + 2, '/')) (month, end, lunarMonthName) = (m2, k + 2, false);
        else return null;
        var after = Words(end, TimeWords.Lunar);
        var lunar = after > 0;
        if (lunar) end = after;
        if (!lunar && !lunarMonthName) return null;
        if (LunarYear(end) is { } year)
            return LunarCalendar.TryToSolar(new LunarDate(year.Year, month, d), out var day) ? new DayRead(day, year.End, true) : null;
        return NearestLunar(month, d) is { } nearest ? new DayRead(nearest, end, false) : null;
    }

    /// <summary>"rằm tháng Giêng", "rằm tháng 7 âm lịch": the fifteenth of a lunar month.</summary>
    private DayRead? FullMoon(int i)
    {
        if (!Is(i, "ram") || !Key(i + 1, "thang")) return null;
        int month, end;
        if (Word(i + 2) is "gieng" or "chap") (month, end) = (Word(i + 2) == "gieng" ? 1 : 12, i + 3);
        else if (MonthNumber(i + 2) is { } m) (month, end) = (m.Month, m.End);
        else return null;
        if (Words(end, TimeWords.Lunar) is > 0 and var after) end = after;
        return NearestLunar(month, 15) is { } day ? new DayRead(day, end, false) : null;
    }

    /// <summary>
    /// The lunar year after a festival or a day: its stem and branch ("Ất Tỵ", perhaps "năm Ất Tỵ 2025"), or "năm 2025"
    /// (the lunar year that starts in 2025). The cycle repeats every 60 years: the one nearest the reference.
    /// </summary>
    private (int Year, int End)? LunarYear(int i)
    {
        var j = Is(i, "nam") ? i + 1 : i;
        if (Year(j) is { } digits && j > i) return (digits.Year, digits.End);
        if (Word(j) is not { } stemWord || Array.IndexOf(TimeWords.Stems, stemWord) is var stem && stem < 0) return null;
        if (Word(j + 1) is not { } branchWord || !_t[j + 1].Capital && !_t[j].Capital) return null;
        var branch = -1;
        for (var b = 0; b < TimeWords.Branches.Length; b++)
            if (TimeWords.Branches[b].Contains(branchWord) && b % 2 == stem % 2) branch = b;
        if (branch < 0) return null;
        var end = j + 2;
        var year = _today.Year - 30;
        while ((year + 6) % 10 != stem || (year + 8) % 12 != branch) year++;
        // "Ất Tỵ năm 2025", "Ất Tỵ 2025": the number says which cycle.
        var k = Is(end, "nam") ? end + 1 : end;
        if (Year(k) is { } stated && (stated.Year + 6) % 10 == stem && (stated.Year + 8) % 12 == branch) return (stated.Year, stated.End);
        return (year, end);
    }

    /// <summary>
    /// The solar day of a lunar month and day with no year: the next one, or one at most a month past (a directive
    /// written after Tết still speaks of the Tết just gone).
    /// </summary>
    private DateOnly? NearestLunar(int month, int day)
    {
        var from = _today.AddDays(-30);
        for (var y = _today.Year - 1; y <= _today.Year + 1; y++)
        {
            if (!LunarCalendar.TryToSolar(new LunarDate(y, month, Math.Min(day, 29)), out var d)) continue;
            if (day == 30 && LunarCalendar.TryToSolar(new LunarDate(y, month, 30), out var last)) d = last;
            if (d >= from) return d;
        }
        return null;
    }
}

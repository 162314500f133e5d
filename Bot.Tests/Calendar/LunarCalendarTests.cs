using System.Globalization;
using Bot.Domain.Calendar;

namespace Bot.Tests.Calendar;

public class LunarCalendarTests
{
    public static TheoryData<int, string, string> Tet() => YearRows("Calendar/tet.tsv");

    public static TheoryData<int, string, string> GioTo() => YearRows("Calendar/gio-to.tsv");

    public static TheoryData<int, int, string> LeapMonths()
    {
        var data = new TheoryData<int, int, string>();
        foreach (var row in SpecFile.Rows("Calendar/leap-months.tsv"))
            data.Add(int.Parse(row[0], CultureInfo.InvariantCulture), int.Parse(row[1], CultureInfo.InvariantCulture), row[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Tet))]
    public void Lunar_new_year_falls_on_the_published_day(int year, string date, string note)
    {
        var tet = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(tet == LunarCalendar.LunarNewYear(year), $"Tết {year}: expected {date} ({note}), got {LunarCalendar.LunarNewYear(year):yyyy-MM-dd}");
        Assert.Equal(new LunarDate(year, 1, 1), LunarCalendar.FromSolar(tet));
        Assert.Equal(new LunarDate(year - 1, 12, LunarCalendar.DaysInMonth(year - 1, 12)), LunarCalendar.FromSolar(tet.AddDays(-1)));
    }

    [Theory]
    [MemberData(nameof(GioTo))]
    public void Gio_to_is_the_tenth_day_of_the_third_month(int year, string date, string note)
    {
        var expected = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(expected == LunarCalendar.ToSolar(new LunarDate(year, 3, 10)), $"Giỗ Tổ {year}: expected {date} {note}");
    }

    [Theory]
    [MemberData(nameof(LeapMonths))]
    public void Leap_months_are_where_Vietnamese_calendars_put_them(int year, int leapMonth, string note)
    {
        Assert.True(leapMonth == LunarCalendar.LeapMonth(year), $"{year}: expected leap month {leapMonth} ({note}), got {LunarCalendar.LeapMonth(year)}");
        if (leapMonth == 0) return;
        var regular = LunarCalendar.ToSolar(new LunarDate(year, leapMonth, 1));
        var leap = LunarCalendar.ToSolar(new LunarDate(year, leapMonth, 1, IsLeapMonth: true));
        Assert.Equal(regular.AddDays(LunarCalendar.DaysInMonth(year, leapMonth)), leap);
        Assert.Equal(new LunarDate(year, leapMonth, 1, IsLeapMonth: true), LunarCalendar.FromSolar(leap));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_goes_to_the_lunar_calendar_and_back()
    {
        var previous = LunarCalendar.FromSolar(new DateOnly(1900, 1, 30));
        for (var day = new DateOnly(1900, 1, 31); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(day);
            Assert.Equal(day, LunarCalendar.ToSolar(lunar));
            // Days count up within a month of 29 or 30 days; a new month starts at 1.
            if (lunar.Day == 1)
                Assert.True(previous.Day is 29 or 30, $"{day}: month before ends on day {previous.Day}");
            else
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            previous = lunar;
        }
    }

    [Fact]
    public void At_UTC_plus_8_the_same_rules_give_the_Chinese_calendar_of_dotnet()
    {
        // .NET's ChineseLunisolarCalendar carries the Hong Kong Observatory tables. Before 1929 China
        // reckoned at Beijing's meridian (UT+7:46), not UT+8, so compare from 1929. One month differs:
        // the new moon of 28 September 2057 comes seconds before Beijing midnight and our formulas
        // (good to a minute or so) cannot settle it; it does not touch Vietnam (UT+7).
        var china = new ChineseLunisolarCalendar();
        var disputed = new DateOnly(2057, 9, 28);
        var mismatches = new List<string>();
        for (var day = new DateOnly(1929, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var time = day.ToDateTime(TimeOnly.MinValue);
            var year = china.GetYear(time);
            var month = china.GetMonth(time);
            var leap = china.GetLeapMonth(year); // the leap month's position among 13, e.g. 5 for "4 nhuận"
            var chinese = new LunarDate(year, leap > 0 && month >= leap ? month - 1 : month,
                china.GetDayOfMonth(time), leap > 0 && month == leap);
            var ours = LunarCalendar.FromSolar(day, zone: 8);
            var inDisputedMonth = day >= disputed && day < disputed.AddDays(30) && ours.Month == 9;
            if (ours != chinese && !inDisputedMonth) mismatches.Add($"{day}: {ours} vs {chinese}");
        }
        Assert.Empty(mismatches);
        Assert.Equal(1, LunarCalendar.FromSolar(disputed, zone: 8).Day);
    }

    [Fact]
    public void New_moon_matches_Meeus_worked_example()
    {
        // Astronomical Algorithms, example 49.a: new moon of February 1977 at JDE 2443192.65118.
        var universal = Astronomy.NewMoon(-283);
        Assert.Equal(2443192.65118, universal + Astronomy.DeltaT(universal) / 86400, precision: 4);
    }

    [Fact]
    public void Sun_longitude_matches_Meeus_worked_example() =>
        // Example 25.a: 1992 October 13.0 TD, apparent longitude 199.90895° (≈ 199.9060° by the low-accuracy method).
        Assert.Equal(199.906, Astronomy.SunLongitude(2448908.5 - Astronomy.DeltaT(2448908.5) / 86400), precision: 2);

    [Theory]
    [InlineData(2024, 12, 30, false)] // tháng Chạp Giáp Thìn has 29 days
    [InlineData(2024, 3, 1, true)] // Giáp Thìn has no leap month
    [InlineData(2025, 5, 1, true)] // Ất Tỵ's leap month is the sixth
    [InlineData(2025, 13, 1, false)]
    [InlineData(2025, 1, 0, false)]
    public void Days_that_do_not_exist_are_refused(int year, int month, int day, bool leap)
    {
        var date = new LunarDate(year, month, day, leap);
        Assert.False(LunarCalendar.TryToSolar(date, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(date));
    }

    [Fact]
    public void Lunar_dates_print_the_Vietnamese_way()
    {
        Assert.Equal("10/3/2024", LunarCalendar.FromSolar(new DateOnly(2024, 4, 18)).ToString());
        Assert.Equal("1/6 nhuận/2025", LunarCalendar.FromSolar(new DateOnly(2025, 7, 25)).ToString());
    }

    private static TheoryData<int, string, string> YearRows(string file)
    {
        var data = new TheoryData<int, string, string>();
        foreach (var row in SpecFile.Rows(file))
            data.Add(int.Parse(row[0], CultureInfo.InvariantCulture), row[1], row.Length > 2 ? row[2] : "");
        return data;
    }
}

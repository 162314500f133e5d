using System.Globalization;
using System.Text.Json;
using Bot.Domain.Calendar;

namespace Bot.Tests.Calendar;

public class WorkCalendarTests
{
    private static readonly string ConfigText = Bot.Hosting.ConfigFiles.Read(Bot.Hosting.ConfigFiles.Holidays);
    private static readonly WorkCalendar Configured = new(HolidayPlan.Parse(ConfigText));
    private static readonly WorkCalendar RulesOnly = new(HolidayPlan.Empty);

    public static TheoryData<string, string, string, string> WorkingDays()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in SpecFile.Rows("Calendar/working-days.tsv")) data.Add(row[0], row[1], row[2], row.Length > 3 ? row[3] : "");
        return data;
    }

    public static TheoryData<string, int, string, string> AddedWorkingDays()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var row in SpecFile.Rows("Calendar/add-working-days.tsv"))
            data.Add(row[0], int.Parse(row[1], CultureInfo.InvariantCulture), row[2], row.Length > 3 ? row[3] : "");
        return data;
    }

    public static TheoryData<string, string, string> PlanErrors()
    {
        var data = new TheoryData<string, string, string>();
        using var cases = JsonDocument.Parse(File.ReadAllText(SpecFile.PathOf("Calendar/plan-errors.json")));
        foreach (var c in cases.RootElement.EnumerateArray())
            data.Add(c.GetProperty("comment").GetString()!, c.GetProperty("text").GetString()!, c.GetProperty("error").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(WorkingDays))]
    public void Offices_work_or_rest_as_the_year_was_decided(string date, string expected, string holiday, string note)
    {
        var day = Day(date);
        Assert.True((expected == "work") == Configured.IsWorkingDay(day), $"{date} ({note}) should be {expected}");
        var isHoliday = Configured.IsHoliday(day, out var name);
        Assert.Equal(holiday.Length > 0, isHoliday);
        if (isHoliday) Assert.Equal(holiday, name);
    }

    [Theory]
    [MemberData(nameof(AddedWorkingDays))]
    public void Adding_working_days_skips_holidays_and_counts_saturdays_worked(string start, int n, string expected, string note) =>
        Assert.True(Day(expected) == Configured.AddWorkingDays(Day(start), n), $"{start} + {n} ({note})");

    [Fact]
    public void Next_or_same_working_day_waits_out_a_holiday()
    {
        Assert.Equal(Day("2024-02-15"), Configured.NextOrSameWorkingDay(Day("2024-02-10")));
        Assert.Equal(Day("2024-02-15"), Configured.NextOrSameWorkingDay(Day("2024-02-15")));
    }

    [Fact]
    public void Without_a_decision_the_rules_give_default_tet_and_compensatory_days()
    {
        // Tết 2024 by default: 30 Tết (9/2) to mùng 4 (13/2), with the Saturday and Sunday made up on 14 and 15/2.
        var tet = RulesOnly.HolidaysOf(2024).Where(h => h.Name == VietnamHolidays.LunarNewYear).ToList();
        Assert.Equal([Day("2024-02-09"), Day("2024-02-10"), Day("2024-02-11"), Day("2024-02-12"), Day("2024-02-13"), Day("2024-02-14"), Day("2024-02-15")],
            tet.Select(h => h.Day));
        Assert.Equal([null, null, null, null, null, "nghỉ bù", "nghỉ bù"], tet.Select(h => h.Note));
        // The year's decision (8/2–14/2) replaces it.
        Assert.False(RulesOnly.IsWorkingDay(Day("2024-02-15")));
        Assert.True(Configured.IsWorkingDay(Day("2024-02-15")));
        Assert.False(Configured.IsWorkingDay(Day("2024-02-08")));
    }

    [Theory]
    [InlineData(2021, "2021-09-03")] // Thursday → Friday
    [InlineData(2022, "2022-09-01")] // Friday → Thursday
    [InlineData(2023, "2023-09-01")] // Saturday → Friday
    [InlineData(2024, "2024-09-03")] // Monday → Tuesday
    [InlineData(2025, "2025-09-01")] // Tuesday → Monday
    public void The_default_day_next_to_national_day_is_the_one_chosen_2021_to_2025(int year, string adjacent)
    {
        var nationalDay = RulesOnly.HolidaysOf(year).Where(h => h.Name == VietnamHolidays.NationalDay && h.Note is null).Select(h => h.Day);
        Assert.Equal(new[] { new DateOnly(year, 9, 2), Day(adjacent) }.Order(), nationalDay);
    }

    [Fact]
    public void Compensatory_days_go_to_the_next_weekday_not_already_off()
    {
        // 2023: Giỗ Tổ on Saturday 29/4, 30/4 on Sunday, 1/5 on Monday → made up on Tuesday 2/5 and Wednesday 3/5.
        var off = RulesOnly.HolidaysOf(2023).Where(h => h.Day.Month is 4 or 5).Select(h => h.ToString()).ToList();
        Assert.Equal(["Giỗ Tổ Hùng Vương", "Ngày Chiến thắng", "Ngày Quốc tế Lao động", "Giỗ Tổ Hùng Vương (nghỉ bù)", "Ngày Chiến thắng (nghỉ bù)"], off);
    }

    [Fact]
    public void Every_year_lists_all_six_holidays_by_their_vietnamese_names()
    {
        for (var year = 1990; year <= 2060; year++)
        {
            Assert.Equal(VietnamHolidays.Names.Order(StringComparer.Ordinal),
                Configured.HolidaysOf(year).Select(h => h.Name).Distinct().Order(StringComparer.Ordinal));
            var tet = LunarCalendar.LunarNewYear(year);
            Assert.True(Configured.IsHoliday(tet, out var name) && name.StartsWith(VietnamHolidays.LunarNewYear, StringComparison.Ordinal), $"{tet}");
            var gioTo = LunarCalendar.ToSolar(new LunarDate(year, 3, 10));
            Assert.True(Configured.IsHoliday(gioTo, out name) && name.StartsWith(VietnamHolidays.HungKings, StringComparison.Ordinal), $"{gioTo}");
        }
    }

    [Fact]
    public void Decided_days_lie_near_the_holiday_they_belong_to()
    {
        // Catches a mistyped month or day in config/holidays.json.
        var plan = HolidayPlan.Parse(ConfigText);
        foreach (var decided in plan.DaysOff)
        {
            var statutory = VietnamHolidays.Statutory(decided.Year).Where(h => h.Name == decided.Holiday).Select(h => h.Day).ToList();
            Assert.All(decided.Days(), day => Assert.Contains(statutory, s => Math.Abs(s.DayNumber - day.DayNumber) <= 7));
        }
        foreach (var worked in plan.WorkingDays)
            Assert.Contains(plan.DaysOff, d => d.Year == worked.Year && Math.Abs(d.From.DayNumber - worked.Day.DayNumber) <= 14);
    }

    [Theory]
    [MemberData(nameof(PlanErrors))]
    public void A_faulty_plan_is_refused_with_a_clear_message(string comment, string text, string error)
    {
        var e = Assert.Throws<FormatException>(() => HolidayPlan.Parse(text));
        Assert.True(e.Message.Contains(error, StringComparison.Ordinal), $"{comment}: \"{e.Message}\" lacks \"{error}\"");
        Assert.StartsWith("Tệp ngày nghỉ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holiday_names_may_be_typed_without_accents()
    {
        var plan = HolidayPlan.Parse("""{ "years": [ { "year": 2030, "daysOff": [ { "holiday": "tet nguyen dan", "from": "2030-02-01", "to": "2030-02-07", "source": "thử" } ] } ] }""");
        Assert.Equal(VietnamHolidays.LunarNewYear, Assert.Single(plan.DaysOff).Holiday);
        Assert.False(new WorkCalendar(plan).IsWorkingDay(Day("2030-02-07")));
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

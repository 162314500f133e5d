using Bot.Domain.Calendar;
using Bot.Domain.Time;

namespace Bot.Tests.Calendar;

/// <summary>The office's hours belong to the work calendar: reminders and "nhắc lại sau" ask it, on the config's holidays.</summary>
public class WorkingHoursTests
{
    private static readonly HolidayPlan Plan = HolidayPlan.Parse(Bot.Hosting.ConfigFiles.Read(Bot.Hosting.ConfigFiles.Holidays));
    private static readonly WorkCalendar Office = new(Plan);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0, int year = 2023) => VietnamTime.FromLocal(new DateTime(year, month, day, hour, minute, 0));

    [Theory]
    [InlineData(10, 20, 7, 29, false)] // Friday, before work
    [InlineData(10, 20, 7, 30, true)]
    [InlineData(10, 20, 16, 59, true)]
    [InlineData(10, 20, 17, 0, false)]
    [InlineData(10, 21, 9, 0, false)]  // Saturday
    public void Working_hours_are_07_30_to_17_00_on_working_days(int month, int day, int hour, int minute, bool working) =>
        Assert.Equal(working, Office.InWorkingHours(At(month, day, hour, minute)));

    [Fact]
    public void The_next_working_moment_and_morning_skip_nights_weekends_and_Tet()
    {
        Assert.Equal(At(10, 20, 9, 0), Office.NextWorkingMoment(At(10, 20, 9, 0)));
        Assert.Equal(At(10, 23, 7, 30), Office.NextWorkingMoment(At(10, 20, 18, 0)));
        Assert.Equal(At(10, 23, 7, 30), Office.NextWorkingMorning(At(10, 20, 9, 0)));   // "nhắc lại sau" on a Friday
        Assert.Equal(At(2, 15, 7, 30, 2024), Office.NextWorkingMorning(At(2, 7, 10, 0, 2024))); // the day before Tết 2024's break
    }

    [Fact]
    public void Hours_of_another_office_move_every_answer()
    {
        var late = new WorkCalendar(Plan, new WorkingHours(new TimeOnly(8, 0), new TimeOnly(17, 30)));
        Assert.False(late.InWorkingHours(At(10, 20, 7, 45)));
        Assert.True(late.InWorkingHours(At(10, 20, 17, 15)));
        Assert.Equal(At(10, 23, 8, 0), late.NextWorkingMorning(At(10, 20, 9, 0)));
        Assert.Throws<ArgumentException>(() => new WorkCalendar(Plan, new WorkingHours(new TimeOnly(17, 0), new TimeOnly(8, 0))));
    }
}

using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Time;

namespace Bot.Tests.Assignments;

public class RecurrenceTests
{
    public static TheoryData<string, string, string, string> Occurrences()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in SpecFile.Rows("Assignments/Occurrences.tsv")) data.Add(row[0], row[1], row[2], row[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Occurrences))]
    public void Upcoming_occurrences_are_calendar_periods(string rrule, string now, string expected, string comment)
    {
        Assert.True(Recurrence.TryParse(rrule, out var rule), comment);
        var got = rule.Upcoming(Local(now), 3).Select(o => $"{o.Period:yyyy-MM-dd}→{Show(o.DueBefore)}");
        Assert.Equal(expected.Split(' '), got);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY")]
    [InlineData("FREQ=MONTHLY;COUNT=3")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=40")]
    [InlineData("INTERVAL=3")]
    [InlineData("")]
    public void Rules_we_cannot_honour_are_refused(string rrule) => Assert.False(Recurrence.TryParse(rrule, out _));

    [Fact]
    public void Roll_forward_adds_only_the_missing_periods_and_twice_adds_nothing()
    {
        Assert.True(Recurrence.TryParse("FREQ=MONTHLY;BYMONTHDAY=15", out var rule));
        var materialised = rule.Upcoming(Local("2023-09-25T10:00"), 3).Select(o => o.Period).ToList(); // Oct, Nov, Dec
        var later = Local("2023-11-20T08:00"); // Oct and Nov are behind us: Dec is left, Jan and Feb must come
        var added = rule.RollForward(materialised, later, 3);
        Assert.Equal(["2024-01-01", "2024-02-01"], added.Select(o => o.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var again = rule.RollForward([.. materialised, .. added.Select(o => o.Period)], later, 3);
        Assert.Empty(again);
    }

    private static DateTimeOffset Local(string text) =>
        VietnamTime.FromLocal(DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));

    private static string Show(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return local.TimeOfDay == TimeSpan.Zero
            ? local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }
}

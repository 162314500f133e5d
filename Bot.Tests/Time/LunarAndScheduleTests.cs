using Bot.Domain.Time;
using Microsoft.Recognizers.Text.DataTypes.TimexExpression;

namespace Bot.Tests.Time;

/// <summary>
/// Specs/Time/lunar-and-schedules.tsv: lunar festivals with their stem-and-branch years ("Tết Nguyên đán Ất Tỵ"), the
/// days of Tết ("mùng 4 Tết") and lunar dates; a weekday each week as one rule with its day ("thứ Hai hằng tuần"), a
/// weekday of a week of the month (BYDAY=-1FR, 2WE), an hour each day (BYHOUR); "năm" as five and as year.
/// </summary>
public class LunarAndScheduleTests
{
    private const string File = "Time/lunar-and-schedules.tsv";
    private static readonly TimeRecognizer Recognizer = new();

    public static TheoryData<string[]> Rows()
    {
        var data = new TheoryData<string[]>();
        foreach (var row in SpecFile.Rows(File)) data.Add(row);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Phrase_is_read_as_specified(string[] row) => TimeSpecs.AssertRow(Recognizer, row);

    [Fact]
    public void Every_timex_round_trips_through_TimexProperty()
    {
        foreach (var row in SpecFile.Rows(File))
            foreach (var m in Recognizer.Recognize(row.At(0), TimeSpecs.Local(row.At(1))))
                if (m.Timex is not null) Assert.Equal(m.Timex, new TimexProperty(m.Timex).TimexValue);
    }
}

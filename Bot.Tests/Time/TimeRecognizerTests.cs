using System.Text;
using Bot.Domain.Calendar;
using Bot.Domain.Time;

namespace Bot.Tests.Time;

public class TimeRecognizerTests
{
    private static readonly DateTime Reference = new(2023, 10, 18, 9, 30, 0);

    [Fact]
    public void Spans_index_the_input_as_given_even_decomposed_or_with_CRLF()
    {
        var text = "Ho\u0300an tha\u0300nh\r\nch\u00E2\u0323m nh\u00E2\u0301t nga\u0300y 30/11/2023.";
        var m = Assert.Single(new TimeRecognizer().Recognize(text, Reference));
        Assert.Equal(text.Substring(m.Index, m.Length), m.Text);
        Assert.EndsWith("30/11/2023", m.Text, StringComparison.Ordinal);
        Assert.Equal(VietnamTime.StartOfDay(new DateOnly(2023, 12, 1)), m.DueBefore);
    }

    [Fact]
    public void Working_days_come_from_the_calendar_given()
    {
        // Thursday 31/8/2023 received; 1 and 4 September 2023 are National Day holidays.
        var calendar = new HolidayCalendar(new DateOnly(2023, 9, 1), new DateOnly(2023, 9, 4));
        var m = Assert.Single(new TimeRecognizer(calendar).Recognize(
            "trong 03 ngày làm việc kể từ ngày nhận được văn bản", Reference, receivedOn: new DateOnly(2023, 8, 31)));
        // Working days after 31/8: Tue 5, Wed 6, Thu 7 September: due before 8 September.
        Assert.Equal(VietnamTime.StartOfDay(new DateOnly(2023, 9, 8)), m.DueBefore);
        Assert.Equal(TimeKind.Deadline, m.Kind);
    }

    [Fact]
    public void Mentions_come_in_text_order_without_overlap()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "004_eadbdf670066ed02.txt"));
        var mentions = new TimeRecognizer().Recognize(text, Reference);
        Assert.NotEmpty(mentions);
        for (var k = 1; k < mentions.Count; k++) Assert.True(mentions[k].Index >= mentions[k - 1].EndIndex);
    }

    [Fact]
    public void Calls_from_many_threads_read_as_one_thread_does()
    {
        // Words, keywords and TIMEX read-backs are memoised for every call, and each thread reuses its token list.
        var texts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n")).Where(p => p.Length > 0).ToList();
        var recognizer = new TimeRecognizer();
        string Read(string text) => string.Join("\n", recognizer.Recognize(text, Reference, new DateOnly(2023, 10, 20)));
        var alone = texts.Select(Read).ToList();
        var together = new string[texts.Count];
        Parallel.For(0, texts.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => together[k % texts.Count] = Read(texts[k % texts.Count]));
        Assert.Equal(alone, together);
    }

    [Theory]
    [InlineData("ngày ")]
    [InlineData("1/")]
    [InlineData("trước ")]
    [InlineData("hằng ")]
    [InlineData("9")]
    public void Long_repetitive_input_is_read_without_failing(string piece)
    {
        var text = new StringBuilder().Insert(0, piece, 50_000).ToString();
        var mentions = new TimeRecognizer().Recognize(text, Reference);
        Assert.All(mentions, m => Assert.Equal(text.Substring(m.Index, m.Length), m.Text));
    }

    [Fact]
    public void An_empty_text_has_no_time() => Assert.Empty(new TimeRecognizer().Recognize("", Reference));

    /// <summary>Monday to Friday less the listed holidays.</summary>
    private sealed class HolidayCalendar(params DateOnly[] holidays) : IWorkCalendar
    {
        public bool IsWorkingDay(DateOnly day) =>
            day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
    }
}

using Bot.Domain.Words;

namespace Bot.Tests.Words;

public sealed class WordingTests
{
    [Theory]
    [InlineData("1.-4", "mục 1, ý 4")]
    [InlineData("1.a", "mục 1.a")]
    [InlineData("2.đ", "mục 2.đ")]
    [InlineData("I.1.", "mục I.1")]
    [InlineData("-3", "ý 3")]
    [InlineData("¶2", "đoạn 2")]
    [InlineData("1.a.-2", "mục 1.a, ý 2")]
    [InlineData("3", "mục 3")]
    public void A_task_s_place_reads_as_people_say_it(string taskRef, string said) => Assert.Equal(said, Wording.Place(taskRef));

    [Theory]
    [InlineData("2023-12-01T00:00:00+07:00", "hết ngày 30/11/2023")]
    [InlineData("2023-10-23T16:00:00+07:00", "trước 16:00 ngày 23/10/2023")]
    public void A_deadline_in_full_says_the_last_day_not_midnight(string dueBefore, string said) =>
        Assert.Equal(said, Wording.DueInFull(DateTimeOffset.Parse(dueBefore, System.Globalization.CultureInfo.InvariantCulture)));
}

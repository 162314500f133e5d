using Bot.Cli;

namespace Bot.Tests.Time;

public class TimeCommandTests
{
    private static readonly DateTime Reference = new(2023, 10, 18, 9, 30, 0);

    [Theory]
    [InlineData("chậm nhất ngày 30/11/2023",
        """{"text":"chậm nhất ngày 30/11/2023","kind":"deadline","role":"deadline","timex":"2023-11-30","start":"2023-11-30T00:00:00+07:00","end":"2023-12-01T00:00:00+07:00","dueBefore":"2023-12-01T00:00:00+07:00"}""")]
    [InlineData("trước ngày 15 hằng tháng",
        """{"text":"trước ngày 15 hằng tháng","kind":"recurrence","role":"deadline","timex":"XXXX-XX-15","start":"2023-11-15T00:00:00+07:00","recurrence":"FREQ=MONTHLY;BYMONTHDAY=15"}""")]
    [InlineData("xin chào",
        """{"text":"xin chào","error":"Không nhận ra thời gian"}""")]
    public void Prints_one_readable_json_line(string phrase, string json) =>
        Assert.Equal([json], TimeCommand.Lines([phrase], Reference));

    [Fact]
    public void A_sentence_with_two_times_prints_two_lines() =>
        Assert.Equal(2, TimeCommand.Lines(["Thực hiện Công văn số 4121/UBND-VP ngày 31/10/2023, hoàn thành trước 30/11/2023"], Reference).Count());

    [Theory]
    [InlineData("2017-02-02T03:55:00", 2017, 2, 2, 3, 55)]
    [InlineData("2023-10-18T09:30", 2023, 10, 18, 9, 30)]
    [InlineData("2023-10-18", 2023, 10, 18, 0, 0)]
    public void Reads_the_reference_as_wall_clock_time(string option, int y, int mo, int d, int h, int mi) =>
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0), TimeCommand.ReferenceTime(option));

    [Theory]
    [InlineData("hôm qua")]
    [InlineData("9999-12-31T00:00")]
    public void A_bad_reference_is_refused_in_Vietnamese(string option)
    {
        var e = Assert.Throws<CliException>(() => TimeCommand.ReferenceTime(option));
        Assert.Contains("không hợp lệ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_batch_file_is_refused_in_Vietnamese()
    {
        var e = await Assert.ThrowsAsync<CliException>(() => TimeCommand.RunAsync(new CliArgs(["--batch", "/khong/co/tep.txt"])));
        Assert.Contains("Không tìm thấy tệp", e.Message, StringComparison.Ordinal);
    }
}

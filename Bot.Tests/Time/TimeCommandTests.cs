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
    public void A_sentence_with_two_times_prints_one_line_led_by_its_deadline()
    {
        var line = Assert.Single(TimeCommand.Lines(["Thực hiện Công văn số 4121/UBND-VP ngày 31/10/2023, hoàn thành trước 30/11/2023"], Reference));

        using var json = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("hoàn thành trước 30/11/2023", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("ngày 31/10/2023", Assert.Single(json.RootElement.GetProperty("more").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public void A_batch_prints_one_line_per_phrase_in_its_order()
    {
        string[] phrases = ["thứ Hai hằng tuần", "xin chào", "Thực hiện Công văn số 12/UBND ngày 2/10/2023, báo cáo trước ngày 15/11/2023", "mùng 4 Tết"];

        var lines = TimeCommand.Lines(phrases, Reference).ToList();

        Assert.Equal(phrases.Length, lines.Count);
        Assert.Contains("FREQ=WEEKLY;BYDAY=MO", lines[0], StringComparison.Ordinal);
        Assert.Contains("Không nhận ra", lines[1], StringComparison.Ordinal);
        Assert.Contains("trước ngày 15/11/2023", lines[2], StringComparison.Ordinal);
        Assert.Contains("2024-02-13", lines[3], StringComparison.Ordinal);
    }

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

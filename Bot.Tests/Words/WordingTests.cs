using Bot.Domain.Assignments;
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

    [Theory]
    [InlineData("1259/UBND-VP", "V/v thực hiện kết luận", "2023-09-25", "VB 1259/UBND-VP")]
    [InlineData(null, "V/v thực hiện chỉ đạo của Phó Thủ tướng Chính phủ Trần Lưu Quang về công tác cải cách TTHC", "2023-10-19",
        "VB “thực hiện chỉ đạo của Phó Thủ tướng…” ngày 19/10/2023")]
    [InlineData(null, "Về việc tiếp tục đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC", null, "VB “tiếp tục đẩy mạnh số hóa hồ sơ…”")]
    [InlineData(null, "V/v: báo cáo kết quả quý III", null, "VB “báo cáo kết quả quý III”")]
    [InlineData(null, "Về công tác phòng cháy chữa cháy của các cơ quan trên địa bàn", null, "VB “công tác phòng cháy chữa cháy…”")]
    [InlineData(null, null, "2023-10-19", "VB ngày 19/10/2023")]
    [InlineData(null, " ", null, "văn bản chưa số")]
    public void A_directive_is_named_by_its_number_else_by_its_subject_and_date(string? number, string? subject, string? issued, string said) =>
        Assert.Equal(said, Wording.Source(new DirectiveName(number, subject, issued is null ? null : DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture))));
}

using Bot.Domain.Directives;

namespace Bot.Tests.Directives;

public sealed class OutlineTests
{
    [Fact]
    public void OCR_letters_that_do_not_move_the_list_on_are_the_next_letter()
    {
        var outline = Outline.Parse(
        [
            "1. Nhiệm vụ chung", "a) Một việc.", "b) Việc khác.", "c¢) Việc thứ ba.", "d) Việc thứ tư.", "d) Việc thứ năm.", "e) Việc thứ sáu.",
        ]);

        Assert.Equal(["1.a", "1.b", "1.c", "1.d", "1.đ", "1.e"], outline.Items.SelectMany(i => i.Leaves()).Select(l => l.Ref));
    }

    [Fact]
    public void Hard_wrapped_lines_join_and_unlabelled_paragraphs_continue_the_item_above()
    {
        var outline = Outline.Parse(
        [
            "Chủ tịch UBND huyện yêu cầu:", "", "1. Thủ trưởng các cơ quan, Chủ tịch", "UBND các xã, thị trấn:",
            "- Rà soát quy trình nội bộ;", "- Tiếp tục rà soát, kiến nghị phân cấp.", "Nội dung này báo cáo trước ngày 15 hằng tháng.",
            "4.Thủ trưởng cơ quan, đơn vị", "", "Theo chức năng, nhiệm vụ chuẩn bị tài liệu.",
            "Yêu cầu Thủ trưởng các cơ quan nghiêm túc triển khai thực hiện./.",
        ]);

        Assert.Equal(["Chủ tịch UBND huyện yêu cầu:"], outline.Preamble);
        Assert.Equal("Thủ trưởng các cơ quan, Chủ tịch UBND các xã, thị trấn:", outline.Items[0].Paragraphs[0]);
        var leaves = outline.Items.SelectMany(i => i.Leaves()).ToList();
        Assert.Equal(["1.-1", "1.-2", "4."], leaves.Select(l => l.Ref));
        Assert.Equal(2, leaves[1].Paragraphs.Count);
        Assert.Equal(["Thủ trưởng cơ quan, đơn vị", "Theo chức năng, nhiệm vụ chuẩn bị tài liệu."], leaves[2].Paragraphs);
        Assert.Single(outline.Closing);
    }
}

public sealed class OutlineNumberingTests
{
    [Fact]
    public void Sub_numbers_nest_under_their_number_and_fields_stay_with_their_item()
    {
        var outline = Outline.Parse(
        [
            "II. NHIỆM VỤ", "1. Cải cách thể chế", "1.1. Rà soát văn bản.", "- Cơ quan chủ trì: Phòng Tư pháp.", "1.2. Kiểm tra văn bản.",
        ]);

        var leaves = outline.Items.SelectMany(i => i.Leaves()).ToList();
        Assert.Equal(["II.1.1.", "II.1.2."], leaves.Select(l => l.Ref));
        Assert.Equal(["Rà soát văn bản.", "Cơ quan chủ trì: Phòng Tư pháp."], leaves[0].Paragraphs);
    }
}

public sealed class OcrLabelTests
{
    [Fact]
    public void A_number_read_with_a_comma_is_a_label_when_it_comes_next()
    {
        var outline = Outline.Parse(["1. Phòng Nội vụ theo dõi.", "2, Phòng Tư pháp thẩm định.", "Có 15, Phòng ban đã làm."]);

        Assert.Equal(["1.", "2."], outline.Items.Select(i => i.Ref));
        Assert.Equal(2, outline.Items[1].Paragraphs.Count);
    }
}

public sealed class LetterStyleTests
{
    [Fact]
    public void Letters_may_be_written_with_a_period()
    {
        var outline = Outline.Parse(["1. Các xã:", "a. Rà soát hồ sơ.", "b. Báo cáo kết quả."]);

        Assert.Equal(["1.a", "1.b"], outline.Items.SelectMany(i => i.Leaves()).Select(l => l.Ref));
    }
}

public sealed class TaskTableTests
{
    [Theory]
    [InlineData("TT | Nội dung thực hiện | Đơn vị thực hiện | Cơ quan phối hợp | Thời gian thực hiện")]
    [InlineData("STT | Nhiệm vụ | Cơ quan chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành")]
    public void Columns_are_found_by_what_their_header_starts_with(string header)
    {
        var table = TaskTable.Extract([header, "1 | Rà soát thủ tục | Phòng Tư pháp | Phòng Nội vụ | Quý II/2024", "Đoạn văn sau bảng."]);

        var row = Assert.Single(table.Rows);
        Assert.Equal(("Rà soát thủ tục", "Phòng Tư pháp", "Phòng Nội vụ", "Quý II/2024"), (row.Content, row.Lead, row.Support, row.Deadline));
        Assert.Equal(["", "", "Đoạn văn sau bảng."], table.Remaining); // table lines blanked: lines keep their places
    }
}

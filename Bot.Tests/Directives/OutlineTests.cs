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

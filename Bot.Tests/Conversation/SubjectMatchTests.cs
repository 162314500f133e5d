using Bot.Domain.Assignments;
using Bot.Domain.Conversation;

namespace Bot.Tests.Conversation;

/// <summary>Which directives a question means by what they are about, among subjects like the samples' (<see cref="SubjectMatch"/>).</summary>
public sealed class SubjectMatchTests
{
    private static readonly DirectiveTitle[] Titles =
    [
        new("a", new DirectiveName("1259/UBND-VP", "V/v thực hiện kết luận của Phó Thủ tướng Chính phủ Trần Lưu Quang tại Thông báo số 372/TB-VPCP ngày 11/9/2023", null)),
        new("b", new DirectiveName("545/UBND-NV", "V/v tiếp tục đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC và thực hiện chứng thực điện tử bản sao từ bản chính", null)),
        new("c", new DirectiveName(null, "V/v hoàn thành và nâng cao chất lượng thực hiện nhiệm vụ cải cách thủ tục hành chính", new DateOnly(2023, 10, 19))),
        new("d", new DirectiveName(null, "V/v thực hiện chỉ đạo của Phó Thủ tướng Chính phủ Trần Lưu Quang về công tác cải cách TTHC", null)),
        new("e", new DirectiveName(null, null, new DateOnly(2023, 10, 1))),
    ];

    [Theory]
    [InlineData("chứng thực điện tử", "b")]
    [InlineData("so hoa ho so", "b")]                       // without accents
    [InlineData("chung thuc dienn tu", "b")]                // a typing slip
    [InlineData("nâng cao chất lượng cải cách", "c")]
    [InlineData("kết luận của Phó Thủ tướng", "a")]        // "Thủ tướng" is not "thủ tục": pairs count
    [InlineData("cải cách thủ tục hành chính", "c,d")]      // "TTHC" written out: two about equally
    [InlineData("xây dựng nông thôn mới", "")]
    [InlineData("của và các", "")]                          // small words say nothing
    public void The_subject_that_holds_the_words_asked_is_meant(string about, string meant) =>
        Assert.Equal(meant, string.Join(',', SubjectMatch.Best(Titles, about).Select(t => t.Id).Order(StringComparer.Ordinal)));
}

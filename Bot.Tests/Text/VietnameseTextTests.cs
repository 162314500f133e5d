using Bot.Domain.Text;

namespace Bot.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Việc của tôi", "viec cua toi")]
    [InlineData("ĐÃ HOÀN THÀNH", "da hoan thanh")]
    [InlineData("Phòng Tư pháp", "phong tu phap")]
    [InlineData("Quý IV", "quy iv")]
    public void Folding_drops_diacritics_and_case(string text, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(VietnameseText.Normalize(text)));

    [Fact]
    public void Folding_keeps_length_so_spans_map_back()
    {
        var text = VietnameseText.Normalize("Hoàn thành chậm nhất ngày 30/11/2023.");
        var folded = VietnameseText.Fold(text);
        Assert.Equal(text.Length, folded.Length);
        var at = folded.IndexOf("cham nhat", StringComparison.Ordinal);
        Assert.Equal("chậm nhất", text.Substring(at, "cham nhat".Length));
    }

    [Fact]
    public void Normalize_composes_decomposed_text_and_cleans_spaces()
    {
        const string decomposed = "Vie\u0323\u0302c\u00A0cu\u0309a\r\nto\u0302i\u200B";
        Assert.Equal("Việc của\ntôi", VietnameseText.Normalize(decomposed));
    }

    [Fact]
    public void Normalize_survives_lone_surrogates() =>
        Assert.Equal("a\uFFFDb\uFFFD😀\uFFFD", VietnameseText.Normalize("a\uD800b\uDC00😀\uFFFF"));

    [Fact]
    public void Key_collapses_white_space() =>
        Assert.Equal("ubnd cac xa, thi tran", VietnameseText.Key("  UBND  các\nxã, thị trấn "));

    public static TheoryData<string, string, bool, string> OcrWords()
    {
        var data = new TheoryData<string, string, bool, string>();
        foreach (var row in SpecFile.Rows("Text/OcrWords.tsv"))
            data.Add(row[0], row[1], row[2] == "yes", row[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(OcrWords))]
    public void Ocr_words_read_as_what_they_stand_for(string seen, string meant, bool expected, string comment)
    {
        Assert.True(expected == OcrDistance.Like(seen, meant),
            $"{seen} ~ {meant}: expected {expected} ({comment}); distance {OcrDistance.Between(seen, meant)}");
    }

    [Fact]
    public void Vocabulary_picks_the_closest_expected_word()
    {
        var words = new Vocabulary(["ngày", "tháng", "năm", "trước", "quý"]);
        Assert.Equal("thang", words.Match("theng"));
        Assert.Equal("nam", words.Match("nidm"));
        Assert.Equal("truoc", words.Match("trwee"));
        Assert.Null(words.Match("thuoc"));
        Assert.Null(words.Match("phong"));
    }
}

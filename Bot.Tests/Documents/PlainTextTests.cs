using System.Text;
using Bot.Documents;
using Bot.Domain.Text;

namespace Bot.Tests.Documents;

public class PlainTextTests
{
    private static readonly string Plan = File.ReadAllText(SpecFile.PathOf("Documents/plan.txt"));

    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Select(path => Path.GetFileName(path)).Order()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_directives_read_back_unchanged_but_normalised(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", name);
        var read = DocumentText.Read(path);
        Assert.Equal(VietnameseText.Normalize(File.ReadAllText(path)), read.Text);
        Assert.Equal(FileFormat.Txt, read.Format);
        Assert.Null(read.PageCount);
    }

    [Fact]
    public void Utf8_with_and_without_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetBytes(Plan);
        Assert.Equal(Plan, Read(bytes));
        Assert.Equal(Plan, Read([0xEF, 0xBB, 0xBF, .. bytes]));
    }

    [Fact]
    public void Decomposed_utf8_is_composed()
    {
        var decomposed = Plan.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Plan, decomposed);
        Assert.Equal(Plan, Read(Encoding.UTF8.GetBytes(decomposed)));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void Utf16_little_and_big_endian_with_and_without_mark(bool bigEndian, bool mark)
    {
        var encoding = new UnicodeEncoding(bigEndian, mark);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Plan)];
        Assert.Equal(Plan, Read(bytes));
    }

    [Fact]
    public void Utf8_with_one_damaged_byte_stays_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Plan).ToList();
        bytes.Insert(Encoding.UTF8.GetByteCount(Plan[..40]), 0xFF);
        Assert.Equal(Plan[..40] + "\uFFFD" + Plan[40..], Read([.. bytes]));
    }

    [Fact]
    public void Dos_end_of_file_mark_is_dropped() =>
        Assert.Equal(Plan, Read([.. Tcvn3.Encode(Plan), 0x1A]));

    [Fact]
    public void Windows_line_ends_become_line_feeds()
    {
        var crlf = Plan.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Equal(Plan, Read(Encoding.UTF8.GetBytes(crlf)));
    }

    [Fact]
    public void Tcvn3_file_made_with_our_table_reads_back()
    {
        var bytes = Tcvn3.Encode(Plan);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Assert.Equal(Plan, Read(bytes));
    }

    [Fact]
    public void Vni_file_made_with_our_table_reads_back()
    {
        var text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n" + Plan;
        var bytes = Vni.Encode(text);
        Assert.True(bytes.Length > text.Length, "VNI writes most marked letters as two bytes");
        Assert.Equal(text, Read(bytes));
    }

    [Fact]
    public void Windows_1258_file_reads_back()
    {
        // Windows-1258 holds ă â ê ô ơ ư đ whole and writes the tone as a combining byte after the letter.
        var toneApart = string.Concat(Plan.Select(c =>
        {
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            var tone = d.Where(m => m is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323').ToArray();
            var rest = new string(d.Where(m => !tone.Contains(m)).ToArray()).Normalize(NormalizationForm.FormC);
            return rest + new string(tone);
        }));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var strict = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        Assert.Equal(Plan, Read(strict.GetBytes(toneApart)));
    }

    public static TheoryData<string, string, string, string> KnownSequences()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in SpecFile.Rows("Documents/LegacyEncodings.tsv")) data.Add(row[0], row[1], row[2], row[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(KnownSequences))]
    public void Known_legacy_byte_sequences_are_recognised(string encoding, string glyphs, string meaning, string source)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(glyphs);
        var (text, detected) = PlainText.Decode(bytes);
        Assert.True(encoding == detected, $"{source}: read as {detected}, expected {encoding}");
        Assert.Equal(meaning.Normalize(NormalizationForm.FormC), text);
    }

    [Theory]
    [MemberData(nameof(KnownSequences))]
    public void Our_tables_write_the_known_sequences(string encoding, string glyphs, string meaning, string source)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var expected = Encoding.GetEncoding(1252).GetBytes(glyphs);
        var written = encoding switch
        {
            "TCVN3" => Tcvn3.Encode(meaning),
            "VNI" => Vni.Encode(meaning),
            _ => expected, // Windows-1258 is .NET's table, not ours
        };
        Assert.True(expected.SequenceEqual(written), source);
    }

    [Theory]
    [InlineData("KÕ HO¹CH", "KẾ HOẠCH")]
    [InlineData("UBND HUYÖN Tø Kú", "UBND HUYỆN TỨ KỲ")]
    [InlineData("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    [InlineData("Sè: 15/KH-UBND ngµy 20/3/2015", "Số: 15/KH-UBND ngày 20/3/2015")]
    [InlineData("KÝnh göi: UBND c¸c x·", "Kính gửi: UBND các xã")]
    public void Tcvn3_headings_set_in_the_capitals_font_get_their_capitals_back(string glyphs, string meaning)
    {
        var (text, encoding) = PlainText.Decode(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(glyphs));
        Assert.Equal("TCVN3", encoding);
        Assert.Equal(meaning, text);
    }

    private static string Read(byte[] bytes) => DocumentText.Read(bytes, "van-ban.txt").Text;
}

using System.Text;
using Bot.Documents;

namespace Bot.Tests.Documents;

public class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t \n")]
    public void Empty_file_is_refused(string content) =>
        AssertRefused(DocumentProblem.Empty, Encoding.UTF8.GetBytes(content), "trong.txt");

    [Fact]
    public void Image_renamed_as_text_is_refused()
    {
        var png = TestPdfs.Png(width: 16, height: 16);
        AssertRefused(DocumentProblem.NotText, png, "anh.txt");
    }

    [Fact]
    public void Random_binary_is_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        AssertRefused(DocumentProblem.NotText, bytes, "du-lieu.txt");
    }

    [Theory]
    [InlineData("The district committee asked all communes to report the results of the digital transformation plan before the end of the quarter. Please send the report to the Office.")]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation.")]
    [InlineData("Le comité du district a demandé à toutes les communes de présenter le rapport avant la fin du trimestre. Merci de l'envoyer au bureau.")]
    public void Text_without_Vietnamese_is_refused(string text) =>
        AssertRefused(DocumentProblem.NotVietnamese, Encoding.UTF8.GetBytes(text), "english.txt");

    [Fact]
    public void Vietnamese_typed_without_diacritics_is_accepted()
    {
        const string text = "Ke hoach trien khai cong tac chuyen doi so nam 2024. Giao Phong Van hoa va Thong tin chu tri, hoan thanh truoc ngay 30/6/2024.";
        Assert.Equal(text, DocumentText.Read(Encoding.UTF8.GetBytes(text), "khong-dau.txt").Text);
    }

    [Theory]
    [InlineData("bang.xlsx")]
    [InlineData("anh.png")]
    [InlineData("khong-duoi")]
    public void Unsupported_extension_is_refused(string name) =>
        AssertRefused(DocumentProblem.Unsupported, Encoding.UTF8.GetBytes("Kế hoạch"), name);

    [Fact]
    public void Old_word_file_asks_for_docx()
    {
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(Encoding.UTF8.GetBytes("x"), "cong-van.doc"));
        Assert.Equal(DocumentProblem.Unsupported, e.Problem);
        Assert.Contains(".docx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_refused()
    {
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt")));
        Assert.Equal(DocumentProblem.NotFound, e.Problem);
    }

    [Fact]
    public void File_over_20_MB_is_refused_before_reading()
    {
        var folder = Directory.CreateTempSubdirectory("bot-docs-");
        try
        {
            var path = Path.Combine(folder.FullName, "lon.txt");
            var line = Encoding.UTF8.GetBytes("Giao Phòng Tư pháp chủ trì, phối hợp với UBND các xã thực hiện.\n");
            using (var file = File.Create(path))
            {
                while (file.Length <= DocumentText.MaxBytes) file.Write(line);
            }
            var e = Assert.Throws<DocumentException>(() => DocumentText.Read(path));
            Assert.Equal(DocumentProblem.TooLarge, e.Problem);
            Assert.Contains("20 MB", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Stream_over_20_MB_is_refused_even_when_its_length_is_unknown()
    {
        using var stream = new EndlessText();
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(stream, "lon.txt"));
        Assert.Equal(DocumentProblem.TooLarge, e.Problem);
        Assert.True(stream.Served <= DocumentText.MaxBytes + 81920, "stops reading soon after the limit");
    }

    [Theory]
    [InlineData("hong.pdf")]
    [InlineData("hong.docx")]
    public void Damaged_pdf_or_docx_is_refused(string name) =>
        AssertRefused(DocumentProblem.Damaged, Encoding.UTF8.GetBytes("Đây không phải tệp PDF hay Word, chỉ là chữ."), name);

    private static void AssertRefused(DocumentProblem problem, byte[] bytes, string name)
    {
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(bytes, name));
        Assert.Equal(problem, e.Problem);
        Assert.True(e.Message.Length is > 10 and < 160, e.Message);
        Assert.True(e.Message.Any(c => c > '\u007F'), "the message is Vietnamese with diacritics: " + e.Message);
    }

    /// <summary>A stream that cannot say its length and never ends: Vietnamese text over and over.</summary>
    private sealed class EndlessText : Stream
    {
        private static readonly byte[] Line = Encoding.UTF8.GetBytes("Giao UBND các xã thực hiện.\n");

        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++) buffer[offset + i] = Line[(Served + i) % Line.Length];
            Served += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

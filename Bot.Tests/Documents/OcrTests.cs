using Bot.Documents;
using Xunit.Abstractions;
using static Bot.Tests.Documents.TestScans;

namespace Bot.Tests.Documents;

/// <summary>
/// Scans and photos read with Tesseract's Vietnamese model: pages the tests render themselves from
/// known text (300 dpi, some turned and speckled), OCR'd and compared character by character.
/// These tests need tesseract-ocr, tesseract-ocr-vie and poppler-utils; without them they fail and say so.
/// </summary>
public class OcrTests(ITestOutputHelper output)
{
    private static readonly string[] Page =
    [
        "ỦY BAN NHÂN DÂN HUYỆN TỨ KỲ",
        "Số: 128/UBND-VP",
        "V/v đẩy mạnh chuyển đổi số và cải cách thủ tục hành chính",
        "Kính gửi: Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện;",
        "Chủ tịch Ủy ban nhân dân các xã, thị trấn.",
        "Để khắc phục những hạn chế, yếu kém trong công tác tiếp nhận và giải quyết",
        "hồ sơ, Chủ tịch UBND huyện yêu cầu các đơn vị thực hiện tốt những nội dung sau:",
        "1. Rà soát, chuẩn hóa quy trình nội bộ; hoàn thành trước ngày 15/12/2023.",
        "2. Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện kiểm tra,",
        "đôn đốc việc thực hiện; báo cáo kết quả định kỳ hằng quý.",
        "3. Ủy ban nhân dân các xã bố trí cán bộ, công chức có năng lực, trách nhiệm;",
        "tăng cường ứng dụng công nghệ thông tin, số hóa hồ sơ, kết quả giải quyết.",
    ];

    private static readonly string Expected = string.Join("\n", Page);

    private static DocumentReader Reader(TimeSpan? timeout = null) => new(() => RestorerTables.Shared, new OcrEngine(timeout));

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(2.0, 0.002)]
    [InlineData(-3.0, 0.004)]
    public async Task A_photo_of_a_page_is_read_at_300_dpi(double degrees, double speckle)
    {
        RequireOcr();
        var png = Png(Degrade(Render(Page, 300), degrees, speckle));

        var read = await Reader().ReadAsync(png, "anh-chup.png");

        Assert.Equal(FileFormat.Image, read.Format);
        var accuracy = CharacterAccuracy(Expected, read.Text);
        output.WriteLine($"{accuracy:P2} of characters right");
        Assert.True(accuracy >= 0.98, $"{accuracy:P2} of characters right:\n{read.Text}");
    }

    [Fact]
    public async Task A_scanned_pdf_without_a_text_layer_is_read_page_by_page_with_progress()
    {
        RequireOcr();
        var page = Degrade(Render(Page, 300), 1.5, 0.003);
        var pdf = ImagePdf(page);
        var seen = new List<ReadingProgress>();

        var read = await Reader().ReadAsync(pdf, "ban-quet.pdf", new Recorder(seen));

        Assert.Equal([1], read.OcrPages);
        Assert.Equal(new ReadingProgress(1, 1), Assert.Single(seen));
        Assert.Equal("Đang đọc trang 1/1…", seen[0].ToString());
        var accuracy = CharacterAccuracy(Expected, read.Text);
        output.WriteLine($"{accuracy:P2} of characters right");
        Assert.True(accuracy >= 0.98, $"{accuracy:P2} of characters right:\n{read.Text}");
    }

    [Fact]
    public async Task A_text_layer_an_English_model_made_is_replaced_by_OCR_of_the_page()
    {
        RequireOcr();
        var pdf = EnglishOcrPdf(Render(Page, 300));
        var layer = DocumentText.Read(pdf, "x.pdf").Text;
        Assert.True(TextLayer.Damaged(layer), layer);
        Assert.True(CharacterAccuracy(Expected, layer) < 0.9, layer);

        var read = await Reader().ReadAsync(pdf, "ban-quet-ocr-sai.pdf");

        Assert.Equal([1], read.OcrPages);
        var accuracy = CharacterAccuracy(Expected, read.Text);
        output.WriteLine($"{accuracy:P2} of characters right");
        Assert.True(accuracy >= 0.98, $"{accuracy:P2} of characters right:\n{read.Text}");
    }

    [Fact]
    public async Task A_good_text_layer_is_kept_and_nothing_is_OCR_d()
    {
        var pdf = TestPdfs.Build(TestPdfs.Body(780, Page));

        var read = await Reader().ReadAsync(pdf, "van-ban.pdf");

        Assert.Empty(read.OcrPages);
        Assert.Equal(Expected, read.Text);
        Assert.Equal(read.Text, read.Source);
    }

    [Fact]
    public async Task A_page_that_takes_longer_than_the_limit_is_stopped_with_a_clear_message()
    {
        RequireOcr();
        var png = Png(Render(Page, 300));

        var e = await Assert.ThrowsAsync<DocumentException>(() => Reader(TimeSpan.FromMilliseconds(30)).ReadAsync(png, "anh.png"));

        Assert.Equal(DocumentProblem.OcrFailed, e.Problem);
        Assert.Contains("quá", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_OCR_packages_a_scan_is_refused_naming_what_is_missing()
    {
        var nowhere = Directory.CreateTempSubdirectory("bot-no-tools-");
        try
        {
            var tools = OcrTools.Find(nowhere.FullName);
            Assert.False(tools.Complete);
            Assert.Equal(["tesseract-ocr", "poppler-utils"], tools.Missing);
            var reader = new DocumentReader(() => RestorerTables.Shared, new OcrEngine(tools: tools));

            var e = await Assert.ThrowsAsync<DocumentException>(() => reader.ReadAsync(TestPdfs.Png(200, 280), "anh.png"));

            Assert.Equal(DocumentProblem.OcrUnavailable, e.Problem);
            Assert.Contains("tesseract-ocr", e.Message, StringComparison.Ordinal);
            Assert.Contains("scripts/setup.sh", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            nowhere.Delete();
        }
    }

    /// <summary>Records progress as it is reported (IProgress, synchronously: Progress&lt;T&gt; would post it later).</summary>
    private sealed class Recorder(List<ReadingProgress> seen) : IProgress<ReadingProgress>
    {
        public void Report(ReadingProgress value) => seen.Add(value);
    }
}

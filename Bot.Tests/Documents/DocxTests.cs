using Bot.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Bot.Tests.Documents;

public class DocxTests
{
    private const int Numbered = 1, Bulleted = 2, Restarted = 3;

    [Fact]
    public void Paragraphs_list_labels_and_task_table_in_order()
    {
        var docx = Docx(body =>
        {
            body.Append(
                Para("UBND HUYỆN TỨ KỲ"),
                Para("KẾ HOẠCH"),
                Para("Triển khai công tác chuyển đổi số năm 2024"),
                Para("Mục đích, yêu cầu", Numbered, 0),
                Para("Bảo đảm tiến độ", Numbered, 1),
                Para("Phân công rõ trách nhiệm", Numbered, 1),
                Para("Nhiệm vụ cụ thể", Numbered, 0),
                Para("Xây dựng cơ sở dữ liệu", Numbered, 1),
                Para("Các đơn vị báo cáo kết quả hằng quý", Bulleted, 0),
                TaskTable(),
                Para("Nhiệm vụ khác", Restarted, 0),
                new Paragraph(new Run(new WordText("Nơi nhận:"), new Break(), new WordText("- Như trên;"))));
        });

        var read = DocumentText.Read(docx, "ke-hoach.docx");

        Assert.Equal(
            """
            UBND HUYỆN TỨ KỲ
            KẾ HOẠCH
            Triển khai công tác chuyển đổi số năm 2024
            1. Mục đích, yêu cầu
            a) Bảo đảm tiến độ
            b) Phân công rõ trách nhiệm
            2. Nhiệm vụ cụ thể
            a) Xây dựng cơ sở dữ liệu
            - Các đơn vị báo cáo kết quả hằng quý
            STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành
            I. Nhiệm vụ chung
            1 | Xây dựng cơ sở dữ liệu dùng chung | Phòng Văn hóa và Thông tin | Các xã, thị trấn | Trước ngày 30/6/2024
            2 | Rà soát hạ tầng mạng Báo cáo kết quả | Phòng Văn hóa và Thông tin | Viettel Tứ Kỳ | Hằng quý
            1. Nhiệm vụ khác
            Nơi nhận:
            - Như trên;
            """, read.Text);
        Assert.Equal(FileFormat.Docx, read.Format);
        Assert.Null(read.PageCount);
    }

    [Fact]
    public void Text_split_over_runs_and_content_controls_is_joined()
    {
        var docx = Docx(body => body.Append(
            new Paragraph(
                new Run(new WordText("Giao ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new RunProperties(new Bold()), new WordText("Phòng Tư pháp")),
                new Run(new WordText(" chủ trì.") { Space = SpaceProcessingModeValues.Preserve })),
            new SdtBlock(new SdtContentBlock(Para("Thời gian hoàn thành: trước ngày 15/12/2024.")))));
        Assert.Equal("Giao Phòng Tư pháp chủ trì.\nThời gian hoàn thành: trước ngày 15/12/2024.",
            DocumentText.Read(docx, "van-ban.docx").Text);
    }

    [Fact]
    public void Paragraphs_typed_in_the_old_VNI_font_are_read_as_Vietnamese()
    {
        var docx = Docx(body => body.Append(
            Para("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"),
            Para("Chæ thò veà vieäc taêng cöôøng quaûn lyù"),
            Para("Thời hạn: trước ngày 30/6/2024.")));
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nChỉ thị về việc tăng cường quản lý\nThời hạn: trước ngày 30/6/2024.",
            DocumentText.Read(docx, "vni.docx").Text);
    }

    [Fact]
    public void Word_file_without_Vietnamese_is_refused()
    {
        var docx = Docx(body => body.Append(Para("Meeting notes"), Para("Please send the report before Friday.")));
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(docx, "notes.docx"));
        Assert.Equal(DocumentProblem.NotVietnamese, e.Problem);
    }

    private static Table TaskTable()
    {
        var header = new[] { "STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành" };
        var section = new TableCell(new TableCellProperties(new GridSpan { Val = 5 }), Para("I. Nhiệm vụ chung"));
        return new Table(
            new TableGrid(header.Select(_ => new GridColumn { Width = "1800" })),
            new TableRow(header.Select(h => Cell(h))),
            new TableRow(section),
            new TableRow(
                Cell("1"),
                new TableCell(new Paragraph(new Run(new WordText("Xây dựng cơ sở dữ liệu"), new Break(), new WordText("dùng chung")))),
                Cell("Phòng Văn hóa và Thông tin", new VerticalMerge { Val = MergedCellValues.Restart }),
                Cell("Các xã, thị trấn"),
                Cell("Trước ngày 30/6/2024")),
            new TableRow(
                Cell("2"),
                new TableCell(Para("Rà soát hạ tầng mạng"), Para("Báo cáo kết quả")),
                Cell("", new VerticalMerge()),
                Cell("Viettel Tứ Kỳ"),
                Cell("Hằng quý")));
    }

    private static TableCell Cell(string text, VerticalMerge? merge = null) =>
        merge is null ? new TableCell(Para(text)) : new TableCell(new TableCellProperties(merge), Para(text));

    private static Paragraph Para(string text, int? list = null, int level = 0)
    {
        var paragraph = new Paragraph();
        if (list is int numberId)
        {
            paragraph.Append(new ParagraphProperties(new NumberingProperties(
                new NumberingLevelReference { Val = level }, new NumberingId { Val = numberId })));
        }
        paragraph.Append(new Run(new WordText(text)));
        return paragraph;
    }

    /// <summary>A real .docx built with the Open XML SDK: list definitions for "1." / "a)", bullets, and a
    /// second instance of the numbered list that restarts at 1.</summary>
    private static byte[] Docx(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.Decimal, "%1."),
                    Level(1, NumberFormatValues.LowerLetter, "%2)")) { AbstractNumberId = 10 },
                new AbstractNum(Level(0, NumberFormatValues.Bullet, "\uF0B7")) { AbstractNumberId = 20 },
                new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = Numbered },
                new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = Bulleted },
                new NumberingInstance(
                    new AbstractNumId { Val = 10 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = Restarted });
            fill(body);
        }
        return stream.ToArray();
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text })
        {
            LevelIndex = index,
        };
}

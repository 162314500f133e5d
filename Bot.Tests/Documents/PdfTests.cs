using Bot.Documents;
using static Bot.Tests.Documents.TestPdfs;

namespace Bot.Tests.Documents;

public class PdfTests
{
    [Fact]
    public void Text_layer_is_read_line_by_line_in_reading_order()
    {
        // Drawn out of order on purpose: the right half of the heading first, the body bottom-up.
        var page = new List<TextLine>
        {
            new("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 260, 790, 11),
            new("UBND HUYỆN TỨ KỲ", 70, 790, 11),
            new("Độc lập - Tự do - Hạnh phúc", 300, 775, 11),
            new("Số: 45/KH-UBND", 70, 775, 11),
        };
        page.AddRange(Body(730,
            "KẾ HOẠCH",
            "Triển khai công tác chuyển đổi số năm 2024",
            "",
            "1. Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với các đơn vị",
            "liên quan xây dựng cơ sở dữ liệu dùng chung, hoàn thành trước ngày 30/6/2024.",
            "",
            "2. Các xã, thị trấn báo cáo kết quả định kỳ hằng quý.").AsEnumerable().Reverse());

        var read = DocumentText.Read(Build(page), "ke-hoach.pdf");

        Assert.Equal(
            """
            UBND HUYỆN TỨ KỲ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 45/KH-UBND Độc lập - Tự do - Hạnh phúc

            KẾ HOẠCH
            Triển khai công tác chuyển đổi số năm 2024

            1. Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với các đơn vị
            liên quan xây dựng cơ sở dữ liệu dùng chung, hoàn thành trước ngày 30/6/2024.

            2. Các xã, thị trấn báo cáo kết quả định kỳ hằng quý.
            """, read.Text);
        Assert.Equal(FileFormat.Pdf, read.Format);
        Assert.Equal(1, read.PageCount);
    }

    [Fact]
    public void Running_header_footer_and_page_numbers_are_removed()
    {
        const string header = "UBND huyện Tứ Kỳ - Kế hoạch số 45/KH-UBND";
        List<TextLine> Page(int number, params string[] body)
        {
            var lines = new List<TextLine> { new(header, 70, 800, 9), new($"Trang {number}/3", 270, 40, 9) };
            if (number > 1) lines.Add(new($"- {number} -", 285, 815, 9)); // page number at the top, from page 2 on
            lines.AddRange(Body(760, body));
            return lines;
        }

        var pdf = Build(
            Page(1, "Thực hiện Kế hoạch số 45/KH-UBND của UBND huyện Tứ Kỳ,", "các đơn vị triển khai nhiệm vụ sau:"),
            Page(2, "1. Phòng Tư pháp chủ trì tuyên truyền pháp luật.", "", "2. Công an huyện bảo đảm an ninh trật tự."),
            Page(3, "3. Các xã báo cáo trước ngày 15/12/2024."));
        var read = DocumentText.Read(pdf, "nhieu-trang.pdf");

        Assert.Equal(
            """
            Thực hiện Kế hoạch số 45/KH-UBND của UBND huyện Tứ Kỳ,
            các đơn vị triển khai nhiệm vụ sau:
            1. Phòng Tư pháp chủ trì tuyên truyền pháp luật.

            2. Công an huyện bảo đảm an ninh trật tự.
            3. Các xã báo cáo trước ngày 15/12/2024.
            """, read.Text);
        Assert.Equal(3, read.PageCount);
    }

    [Fact]
    public void Ruled_task_table_becomes_one_line_per_row_and_its_repeated_header_is_dropped()
    {
        double[] columns = [60, 90, 250, 370, 470, 560];
        string[] header = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian\nhoàn thành"];
        var first = Table(700, columns,
            header,
            ["I. Nhiệm vụ chung"],
            ["1", "Xây dựng cơ sở dữ liệu\ndùng chung", "Phòng Văn hóa\nvà Thông tin", "Các xã, thị trấn", "Trước ngày\n30/6/2024"],
            ["2", "Rà soát hạ tầng mạng", "Phòng Văn hóa\nvà Thông tin", "Viettel Tứ Kỳ", "Hằng quý"]);
        var second = Table(800, columns,
            header,
            ["3", "Báo cáo kết quả", "Văn phòng\nHĐND và UBND", "Các phòng, ban", "Trước ngày\n15/12/2024"]);
        var pdf = Build(
            first with { Lines = [.. Body(780, "KẾ HOẠCH", "Triển khai công tác chuyển đổi số năm 2024"), .. first.Lines] },
            second with { Lines = [.. second.Lines, new TextLine("Nơi nhận:", 70, 640)] });

        Assert.Equal(
            """
            KẾ HOẠCH
            Triển khai công tác chuyển đổi số năm 2024
            STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành
            I. Nhiệm vụ chung
            1 | Xây dựng cơ sở dữ liệu dùng chung | Phòng Văn hóa và Thông tin | Các xã, thị trấn | Trước ngày 30/6/2024
            2 | Rà soát hạ tầng mạng | Phòng Văn hóa và Thông tin | Viettel Tứ Kỳ | Hằng quý
            3 | Báo cáo kết quả | Văn phòng HĐND và UBND | Các phòng, ban | Trước ngày 15/12/2024
            Nơi nhận:
            """, DocumentText.Read(pdf, "bang.pdf").Text);
    }

    [Fact]
    public void A_line_at_the_edge_that_does_not_repeat_is_kept()
    {
        var pdf = Build(
            Body(800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nội dung trang một."),
            Body(800, "Nội dung trang hai, dòng đầu.", "Dòng cuối trang hai."));
        Assert.Equal(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNội dung trang một.\nNội dung trang hai, dòng đầu.\nDòng cuối trang hai.",
            DocumentText.Read(pdf, "hai-trang.pdf").Text);
    }

    [Fact]
    public void Text_typed_in_the_old_VnTime_fonts_is_read_as_Vietnamese()
    {
        // What the text layer of a PDF printed from a .VnTime (TCVN3) document holds: Western glyphs.
        var pdf = Build(Body(800,
            "UBND HUYÖN Tø Kú", // set in .VnTimeH, the capitals font
            "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
            "§éc lËp - Tù do - H¹nh phóc",
            "Giao Phòng Tư pháp chủ trì.")); // a line in a Unicode font stays as it is
        Assert.Equal("UBND HUYỆN TỨ KỲ\nCộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nGiao Phòng Tư pháp chủ trì.",
            DocumentText.Read(pdf, "cu.pdf").Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Quét bởi máy scan phòng Văn thư - Tứ Kỳ")]
    public void Scanned_pdf_asks_for_ocr(string? stampedFooter)
    {
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(Scanned(pages: 3, stampedFooter), "ban-quet.pdf"));
        Assert.Equal(DocumentProblem.Scanned, e.Problem);
        Assert.Equal("Tệp PDF này là bản quét, không có lớp chữ. Anh/chị cần nhận dạng chữ (OCR) trước khi nạp.", e.Message);
    }

    [Fact]
    public void Blank_pdf_is_empty()
    {
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(Build(new TestPage([], [])), "trang-trang.pdf"));
        Assert.Equal(DocumentProblem.Empty, e.Problem);
    }

    [Fact]
    public void English_pdf_is_refused()
    {
        var pdf = Build(Body(800, "The district committee asked all communes to report", "the results before the end of the quarter."));
        var e = Assert.Throws<DocumentException>(() => DocumentText.Read(pdf, "english.pdf"));
        Assert.Equal(DocumentProblem.NotVietnamese, e.Problem);
    }
}

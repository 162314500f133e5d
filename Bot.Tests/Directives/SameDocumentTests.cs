using Bot.Cli;
using Bot.Documents;
using Bot.Domain.Directives;
using Bot.Tests.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocxText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Bot.Tests.Directives;

/// <summary>
/// One directive as its drafter's Word file and as the PDF its signer published: Word lays the header and the
/// signature out in tables of two columns (the issuing body beside the motto, "Nơi nhận" beside the signer); the
/// PDF prints those columns side by side on the same lines and adds the digital signature's stamp. Both must read
/// the same: number, issuer, date, signer and every task with its units and deadline.
/// </summary>
public sealed class SameDocumentTests
{
    private static readonly string[] Left = ["ỦY BAN NHÂN DÂN", "HUYỆN THANH MIỆN", "Số: 318/UBND-VP", "V/v tăng cường phòng, chống dịch", "bệnh trên đàn gia súc"];
    private static readonly string[] Right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Thanh Miện, ngày 05 tháng 3 năm 2024"];

    private static readonly string[] Body =
    [
        "Kính gửi:",
        "- Phòng Nông nghiệp và Phát triển nông thôn;",
        "- UBND các xã, thị trấn.",
        "Chủ tịch UBND huyện yêu cầu:",
        "1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Trạm Chăn nuôi và Thú y huyện hướng dẫn các xã tiêm phòng, hoàn thành trước ngày 30/3/2024.",
        "2. UBND các xã, thị trấn tổ chức tiêm phòng cho đàn gia súc; báo cáo kết quả về UBND huyện (qua Phòng Nông nghiệp và Phát triển nông thôn) trước ngày 05 hằng tháng.",
    ];

    private static readonly string[] Recipients = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."];
    private static readonly string[] Signature = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Phạm Văn Hưng"];

    [Fact]
    public void The_Word_file_and_the_signed_PDF_read_the_same()
    {
        var fromWord = Read(DocumentText.Read(Docx(), "cong-van.docx").Text);
        var fromPdf = Read(DocumentText.Read(SignedPdf(), "cong-van.pdf").Text);

        Assert.Equal("318/UBND-VP", fromWord.Number);
        Assert.Equal("UBND huyện Thanh Miện", fromWord.Issuer);
        Assert.Equal(new DateOnly(2024, 3, 5), fromWord.IssuedOn);
        Assert.Equal("Phạm Văn Hưng", fromWord.Signer);
        Assert.Equal(2, fromWord.Tasks.Count);
        Assert.Equal(Summary(fromWord), Summary(fromPdf));
    }

    private static Directive Read(string text) => ParseCommand.Reader().Read(text, new DateOnly(2024, 3, 10));

    private static string Summary(Directive d) =>
        $"{d.Number} | {d.Issuer} | {d.IssuedOn} | {d.Signer} | {d.Subject}\n" + string.Join("\n", d.Tasks.Select(t =>
            $"{t.Ref} {t.Kind} [{string.Join("; ", t.Lead)}] [{string.Join("; ", t.Support)}] {t.DueBefore:o} {t.Recurrence} :: {string.Join(' ', t.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}"));

    /// <summary>The PDF a signing tool makes of it: both columns of the header and of the signature on shared lines, and its stamp.</summary>
    private static byte[] SignedPdf()
    {
        var lines = new List<TestPdfs.TextLine>();
        var y = 800.0;
        for (var i = 0; i < Math.Max(Left.Length, Right.Length); i++, y -= 15)
        {
            if (i < Left.Length && Left[i].Length > 0) lines.Add(new(Left[i], 60, y, 11));
            if (i < Right.Length && Right[i].Length > 0) lines.Add(new(Right[i], 300, y, 11));
        }
        y -= 12;
        foreach (var paragraph in Body)
        {
            foreach (var part in Wrap(paragraph, 88))
            {
                lines.Add(new(part, 60, y, 11));
                y -= 15;
            }
        }
        y -= 12;
        for (var i = 0; i < Math.Max(Recipients.Length, Signature.Length); i++, y -= 15)
        {
            if (i < Recipients.Length) lines.Add(new(Recipients[i], 60, y, 10));
            if (i < Signature.Length && Signature[i].Length > 0) lines.Add(new(Signature[i], 360, y, 11));
        }
        // The digital signature's stamp beside the signer.
        lines.Add(new("Ký bởi: Ủy ban nhân dân huyện Thanh Miện", 360, y - 10, 7));
        lines.Add(new("Thời gian ký: 05.03.2024 16:42:10 +07:00", 360, y - 19, 7));
        return TestPdfs.Build(lines);
    }

    private static IEnumerable<string> Wrap(string paragraph, int width)
    {
        var line = "";
        foreach (var word in paragraph.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line;
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }

    /// <summary>The drafter's Word file: header and signature in two-column tables without borders, the body as paragraphs.</summary>
    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            body.Append(TwoColumns(Left, Right));
            foreach (var paragraph in Body) body.Append(Para(paragraph));
            body.Append(TwoColumns(Recipients, Signature));
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Table TwoColumns(string[] left, string[] right) =>
        new(new TableRow(new TableCell(left.Select(Para)), new TableCell(right.Select(Para))));

    private static Paragraph Para(string text) => new(new Run(new DocxText(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
}

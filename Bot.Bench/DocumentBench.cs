using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Cli;
using Bot.Documents;
using Bot.Domain.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Bot.Bench;

/// <summary>
/// `Bot bench docs`: how fast files become text. Inputs are made from the sample directives:
/// the .txt files as they are, a 5 MB UTF-8 file, the same in an 8-bit code page (every decoding is
/// tried and scored), a 20-page PDF and a Word file with 300 paragraphs and a 100-row table.
/// </summary>
public static class DocumentBench
{
    public static Task<int> RunAsync(CliArgs args)
    {
        var folder = Bot.Hosting.ConfigFiles.Find(Bot.Hosting.ConfigFiles.Samples);
        var samples = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        if (samples.Count == 0) throw new CliException($"Không thấy văn bản mẫu trong {folder}.");
        var all = string.Join("\n\n", samples);
        var big = new StringBuilder();
        while (big.Length < 5_000_000) big.Append(all).Append("\n\n");

        var sampleBytes = samples.Select(Encoding.UTF8.GetBytes).ToList();
        Report("txt, the samples", sampleBytes.Sum(b => b.Length), () => sampleBytes.ForEach(b => DocumentText.Read(b, "mau.txt")));
        var utf8 = Encoding.UTF8.GetBytes(big.ToString());
        Report("txt, 5 MB UTF-8", utf8.Length, () => DocumentText.Read(utf8, "lon.txt"));
        var eightBit = CodePages.Windows1258.GetBytes(big.ToString());
        Report("txt, 5 MB 8-bit", eightBit.Length, () => DocumentText.Read(eightBit, "lon.txt"));
        var pdf = Pdf(all, pages: 20);
        Report("pdf, 20 pages", pdf.Length, () => DocumentText.Read(pdf, "mau.pdf"));
        var docx = Docx(all);
        Report("docx, 300 paragraphs + table", docx.Length, () => DocumentText.Read(docx, "mau.docx"));
        return Task.FromResult(0);
    }

    /// <summary>Runs once to warm up, then for about two seconds; prints the time per run and the throughput.</summary>
    private static void Report(string what, long bytes, Action run)
    {
        run();
        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2) || runs < 3)
        {
            run();
            runs++;
        }
        var perRun = clock.Elapsed.TotalMilliseconds / runs;
        var megabytesPerSecond = bytes / 1e6 / (perRun / 1000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-32} {perRun,9:F2} ms/run {megabytesPerSecond,8:F1} MB/s  ({runs} runs, {bytes / 1024} KB)"));
    }

    /// <summary>A PDF of the sample text without diacritics (the built-in Helvetica has no Vietnamese
    /// letters), 45 lines a page, with a running header and page numbers to strip.</summary>
    private static byte[] Pdf(string text, int pages)
    {
        var lines = text.Split('\n')
            .Select(l => new string(VietnameseText.Fold(l).Where(c => c is >= ' ' and <= '~').ToArray()).Trim())
            .Where(l => l.Length > 0)
            .Select(l => l.Length > 90 ? l[..90] : l)
            .ToList();
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(595, 842);
            page.AddText("UBND huyen - Ke hoach so 45/KH-UBND", 9, new PdfPoint(70, 805), font);
            page.AddText($"Trang {p + 1}/{pages}", 9, new PdfPoint(270, 30), font);
            for (var i = 0; i < 45; i++)
                page.AddText(lines[(p * 45 + i) % lines.Count], 11, new PdfPoint(60, 770 - i * 16), font);
        }
        return builder.Build();
    }

    private static byte[] Docx(string text)
    {
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in lines.Take(300)) body.Append(Paragraph(line));
            var table = new Table();
            for (var r = 0; r < 100; r++)
            {
                table.Append(new TableRow(Enumerable.Range(0, 5).Select(c =>
                    new TableCell(Paragraph(lines[(r * 5 + c) % lines.Count])))));
            }
            body.Append(table);
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) =>
        new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));
}

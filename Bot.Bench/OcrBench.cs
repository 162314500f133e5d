using System.Diagnostics;
using System.Globalization;
using Bot.Cli;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

using Bot.Documents;

namespace Bot.Bench;

/// <summary>
/// `Bot bench ocr [--pages N] [FILE.pdf]`: seconds per page to turn a PDF page into a 300 dpi image
/// (pdftoppm) and to read it (Tesseract, Vietnamese, one thread), one page at a time as the bot does.
/// Without a file, pages of the clean sample directives set in DejaVu Sans (fonts-dejavu-core).
/// </summary>
public static class OcrBench
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly string[] CleanSamples = ["002_8ed10c9df957bfe0.txt", "004_eadbdf670066ed02.txt"];

    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tools = OcrEngine.Tools;
        if (!tools.Complete) throw new CliException("Thiếu phần mềm nhận dạng chữ: " + string.Join(", ", tools.Missing) + " (scripts/setup.sh).");
        var pages = int.Parse(args.Option("pages") ?? "3", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("bot-bench-ocr-");
        try
        {
            var pdf = args.Positional.Count > 1 ? Path.GetFullPath(args.Positional[1]) : Path.Combine(folder.FullName, "pages.pdf");
            if (args.Positional.Count <= 1) await File.WriteAllBytesAsync(pdf, SamplePages(pages));
            var engine = new OcrEngine();
            double raster = 0, read = 0;
            var characters = 0;
            for (var page = 1; page <= pages; page++)
            {
                var clock = Stopwatch.StartNew();
                var image = await engine.RasterizeAsync(pdf, page, Path.Combine(folder.FullName, $"p{page}"));
                raster += clock.Elapsed.TotalSeconds;
                clock.Restart();
                characters += (await engine.ReadImageAsync(image)).Length;
                read += clock.Elapsed.TotalSeconds;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ocr ({tools.Language}, {OcrEngine.Dpi} dpi): {raster / pages:F2} s/page to rasterise, {read / pages:F2} s/page to read, {characters / pages} characters a page, {pages} pages; load average {LoadAverage()}"));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The machine's one-minute load average (Linux), since other work on a shared machine slows the figures.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>A4 pages of the clean samples' lines, 12 pt on 1.5 lines, 34 lines a page.</summary>
    private static byte[] SamplePages(int pages)
    {
        if (!File.Exists(Font)) throw new CliException($"Không thấy phông {Font} (fonts-dejavu-core).");
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var lines = CleanSamples
            .Select(f => Path.Combine(samples, f)).Where(File.Exists)
            .SelectMany(File.ReadAllLines).Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.Length > 80 ? l[..80] : l).ToList();
        if (lines.Count == 0) throw new CliException($"Không thấy văn bản mẫu trong {samples}.");
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(Font));
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(595, 842);
            for (var i = 0; i < 34; i++) page.AddText(lines[(p * 34 + i) % lines.Count], 12, new PdfPoint(60, 790 - i * 22), font);
        }
        return builder.Build();
    }
}

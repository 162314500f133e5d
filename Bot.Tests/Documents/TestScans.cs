using System.Diagnostics;
using System.Text;
using Bot.Documents;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Bot.Tests.Documents;

/// <summary>
/// Scans made by the tests: known text set in DejaVu Sans on an A4 page (<see cref="TestPdfs"/>), rendered
/// to grey pixels by pdftoppm at a given resolution, then, like a scanner or a phone, turned by a few
/// degrees and sprinkled with noise; written as a PNG, or as a PDF whose page is only that picture.
/// </summary>
internal static class TestScans
{
    /// <summary>Grey pixels, row by row.</summary>
    public sealed record Image(byte[] Pixels, int Width, int Height);

    /// <summary>Fails the test with the product's own message when OCR's tools are missing: never a silent pass.</summary>
    public static void RequireOcr()
    {
        var tools = OcrEngine.Tools;
        Assert.True(tools.Complete, "OCR tests need " + string.Join(", ", tools.Missing)
            + " (scripts/setup.sh installs them). The product says: " + DocumentException.OcrUnavailable(tools.Missing).Message);
    }

    /// <summary>The lines as a page image at <paramref name="dpi"/>.</summary>
    public static Image Render(IReadOnlyList<string> lines, int dpi)
    {
        // 12 pt type on 1.5 lines, as directives are set (Nghị định 30/2020: 13-14 pt, spacing 6 pt or more)
        var pdf = TestPdfs.Build(lines.Select((line, i) => new TestPdfs.TextLine(line, 70, 780 - 22 * i)).ToList());
        var folder = Directory.CreateTempSubdirectory("bot-test-scan-");
        try
        {
            var input = Path.Combine(folder.FullName, "page.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-singlefile", input, Path.Combine(folder.FullName, "page") })
                start.ArgumentList.Add(a);
            using (var process = Process.Start(start)!)
            {
                Assert.True(process.WaitForExit(60_000), "pdftoppm did not finish");
                Assert.Equal(0, process.ExitCode);
            }
            return ReadPgm(File.ReadAllBytes(Path.Combine(folder.FullName, "page.pgm")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The image turned by <paramref name="degrees"/> about its centre (white comes in at the corners),
    /// with a share of pixels flipped to black or white and a slight grey haze, as from a cheap scanner.</summary>
    public static Image Degrade(Image image, double degrees, double speckle, int seed = 18)
    {
        var (w, h) = (image.Width, image.Height);
        var turned = new byte[w * h];
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var (cx, cy) = (w / 2.0, h / 2.0);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // where this pixel comes from in the upright page (bilinear)
                var sx = cos * (x - cx) + sin * (y - cy) + cx;
                var sy = -sin * (x - cx) + cos * (y - cy) + cy;
                turned[y * w + x] = Sample(image, sx, sy);
            }
        }
        var random = new Random(seed);
        for (var i = 0; i < turned.Length; i++)
        {
            var haze = turned[i] - random.Next(0, 25);
            if (random.NextDouble() < speckle) haze = random.Next(2) == 0 ? 0 : 255;
            turned[i] = (byte)Math.Clamp(haze, 0, 255);
        }
        return new Image(turned, w, h);
    }

    public static byte[] Png(Image image) => TestPdfs.Png(image.Pixels, image.Width, image.Height);

    /// <summary>A PDF of one A4 page that is only the picture: a scan without a text layer.</summary>
    public static byte[] ImagePdf(Image image)
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(TestPdfs.Width, TestPdfs.Height);
        page.AddPng(Png(image), new PdfRectangle(0, 0, TestPdfs.Width, TestPdfs.Height));
        return builder.Build();
    }

    /// <summary>What a scanner that OCRs with the English model makes: a PDF of the picture with an invisible text
    /// layer from `tesseract -l eng` (Vietnamese without most of its marks: "huyén", "x4", "thugc").</summary>
    public static byte[] EnglishOcrPdf(Image image)
    {
        var folder = Directory.CreateTempSubdirectory("bot-test-scan-");
        try
        {
            var png = Path.Combine(folder.FullName, "page.png");
            File.WriteAllBytes(png, Png(image));
            var start = new ProcessStartInfo(OcrEngine.Tools.Tesseract!) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { png, Path.Combine(folder.FullName, "page"), "-l", "eng", "pdf" }) start.ArgumentList.Add(a);
            start.Environment["OMP_THREAD_LIMIT"] = "1";
            using (var process = Process.Start(start)!)
            {
                var error = process.StandardError.ReadToEndAsync();
                Assert.True(process.WaitForExit(120_000), "tesseract did not finish");
                Assert.True(process.ExitCode == 0, "tesseract -l eng failed (is tesseract-ocr-eng installed?): " + error.Result);
            }
            return File.ReadAllBytes(Path.Combine(folder.FullName, "page.pdf"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Share of the expected characters the OCR got right: 1 − edit distance / length, spaces collapsed.</summary>
    public static double CharacterAccuracy(string expected, string read)
    {
        var a = Collapse(expected);
        var b = Collapse(read);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / a.Length;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static byte Sample(Image image, double x, double y)
    {
        var (x0, y0) = ((int)Math.Floor(x), (int)Math.Floor(y));
        if (x0 < 0 || y0 < 0 || x0 + 1 >= image.Width || y0 + 1 >= image.Height) return 255;
        var (fx, fy) = (x - x0, y - y0);
        double P(int xx, int yy) => image.Pixels[yy * image.Width + xx];
        var top = P(x0, y0) * (1 - fx) + P(x0 + 1, y0) * fx;
        var bottom = P(x0, y0 + 1) * (1 - fx) + P(x0 + 1, y0 + 1) * fx;
        return (byte)Math.Round(top * (1 - fy) + bottom * fy);
    }

    /// <summary>A binary PGM (P5, 8 bits), as pdftoppm -gray writes it.</summary>
    private static Image ReadPgm(byte[] pgm)
    {
        var at = 0;
        string Next()
        {
            while (char.IsWhiteSpace((char)pgm[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)pgm[at])) at++;
            return Encoding.ASCII.GetString(pgm, start, at - start);
        }
        Assert.Equal("P5", Next());
        var width = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Next());
        at++; // the single white space before the pixels
        return new Image(pgm.AsSpan(at, width * height).ToArray(), width, height);
    }
}

using System.Diagnostics;
using System.Text;

namespace Bot.Documents;

/// <summary>
/// OCR of page images with Tesseract's Vietnamese model, and PDF pages to images with poppler's
/// pdftoppm, both as processes (NuGet has no Tesseract wrapper here). One page at a time in the
/// whole process, each Tesseract on one thread (OMP_THREAD_LIMIT=1: with more it is three times
/// slower on two cores), each run with a time limit after which it is killed.
/// </summary>
public sealed class OcrEngine
{
    public static readonly TimeSpan DefaultPageTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Scans are read at this resolution: Tesseract's Vietnamese model reads 99.6% of characters at 300 dpi.</summary>
    public const int Dpi = 300;

    private static readonly SemaphoreSlim OnePageAtATime = new(1, 1);
    private static readonly Lazy<OcrTools> Found = new(() => OcrTools.Find());

    private readonly TimeSpan _pageTimeout;
    private readonly OcrTools _tools;

    /// <param name="pageTimeout">How long one page may take.</param>
    /// <param name="tools">The tools to use; by default those on PATH.</param>
    public OcrEngine(TimeSpan? pageTimeout = null, OcrTools? tools = null)
    {
        _pageTimeout = pageTimeout ?? DefaultPageTimeout;
        _tools = tools ?? Tools;
    }

    /// <summary>What this machine has for OCR on PATH (looked up once).</summary>
    public static OcrTools Tools => Found.Value;

    /// <summary>The text of one page image (PNG, JPEG, TIFF). Throws <see cref="DocumentException"/> when OCR is missing or fails.</summary>
    public async Task<string> ReadImageAsync(string imagePath, CancellationToken cancel = default)
    {
        var tools = _tools;
        if (tools.Language is null || tools.Tesseract is null) throw DocumentException.OcrUnavailable(tools.Missing);
        var (exit, output, error) = await RunAsync(tools.Tesseract, [imagePath, "stdout", "-l", tools.Language, "--psm", "3"], cancel);
        if (exit != 0) throw DocumentException.OcrFailed(error);
        return output.Replace("\f", "", StringComparison.Ordinal);
    }

    /// <summary>One page of a PDF (1-based) as a grey image at <see cref="Dpi"/>, written beside <paramref name="root"/>
    /// (as ROOT.pgm: uncompressed, five times cheaper to write than a PNG). Returns the image's path.</summary>
    public async Task<string> RasterizeAsync(string pdfPath, int page, string root, CancellationToken cancel = default)
    {
        var tools = _tools;
        if (tools.Pdftoppm is null) throw DocumentException.OcrUnavailable(tools.Missing);
        var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, _, error) = await RunAsync(tools.Pdftoppm,
            ["-r", Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-singlefile", "-f", p, "-l", p, pdfPath, root], cancel);
        var image = root + ".pgm";
        if (exit != 0 || !File.Exists(image)) throw DocumentException.OcrFailed(error);
        return image;
    }

    /// <summary>Runs a tool to its end or the page time limit, one at a time; the process tree is killed on time-out or cancellation.</summary>
    private async Task<(int Exit, string Output, string Error)> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["OMP_THREAD_LIMIT"] = "1";

        await OnePageAtATime.WaitAsync(cancel);
        try
        {
            using var process = Process.Start(start) ?? throw DocumentException.OcrFailed(tool);
            var output = process.StandardOutput.ReadToEndAsync(cancel);
            var error = process.StandardError.ReadToEndAsync(cancel);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(_pageTimeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancel.IsCancellationRequested) throw;
                throw DocumentException.OcrTimedOut(_pageTimeout);
            }
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            OnePageAtATime.Release();
        }
    }
}

/// <summary>The OCR tools found on this machine: Tesseract (its path and a Vietnamese model, "vie" or "Vietnamese") and pdftoppm.</summary>
public sealed record OcrTools(string? Tesseract, string? Language, string? Pdftoppm, IReadOnlyList<string> Missing)
{
    /// <summary>Everything OCR needs is there.</summary>
    public bool Complete => Tesseract is not null && Language is not null && Pdftoppm is not null;

    /// <summary>Looks for the tools in the folders of <paramref name="searchPath"/> (PATH by default) and asks Tesseract which models it has.</summary>
    public static OcrTools Find(string? searchPath = null)
    {
        var folders = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string? Locate(string tool) => folders.Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists);

        var missing = new List<string>();
        var tesseract = Locate("tesseract");
        string? language = null;
        if (tesseract is null || Output(tesseract, "--list-langs") is not { } languages) missing.Add("tesseract-ocr");
        else
        {
            var names = languages.Split('\n', StringSplitOptions.TrimEntries);
            language = names.Contains("vie") ? "vie" : names.Contains("Vietnamese") ? "Vietnamese" : null;
            if (language is null) missing.Add("tesseract-ocr-vie");
        }
        var pdftoppm = Locate("pdftoppm");
        if (pdftoppm is null) missing.Add("poppler-utils");
        return new OcrTools(tesseract, language, pdftoppm, missing);
    }

    /// <summary>What a tool prints (stdout and stderr), or null when it cannot be run.</summary>
    private static string? Output(string tool, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, argument)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return output.Result + error;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

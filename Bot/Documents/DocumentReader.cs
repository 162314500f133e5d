using Bot.Domain.Text;

namespace Bot.Documents;

/// <summary>Where a long read is: page <see cref="Page"/> of <see cref="Pages"/> is being OCR'd.</summary>
public readonly record struct ReadingProgress(int Page, int Pages)
{
    /// <summary>What the chat shows: "Đang đọc trang 3/12…".</summary>
    public override string ToString() => $"Đang đọc trang {Page}/{Pages}…";
}

/// <summary>
/// A document's text as the bot reads it and as people are shown it: <see cref="Text"/> is restored
/// Vietnamese; <see cref="Source"/> is what the file said (its text layer or the OCR reading), kept
/// so a dispute can point at the document.
/// </summary>
public sealed record DocumentContent(RestoredText Restoration, FileFormat Format, int? PageCount, IReadOnlyList<int> OcrPages)
{
    public string Text => Restoration.Text;

    public string Source => Restoration.Source;
}

/// <summary>
/// Reads any directive file: text, Word and PDF text layers (<see cref="DocumentText"/>); scans —
/// PDF pages without a usable text layer, and photos or scans as .jpg, .png, .tif — by OCR with
/// Tesseract's Vietnamese model, a page at a time with progress; a PDF page whose text layer is an
/// English-model OCR of Vietnamese (few marked syllables, many that are no syllable) is OCR'd again
/// from its picture. Text that is still damaged — a .txt, a bad layer with no picture — is restored
/// (<see cref="TextRestorer"/>).
/// </summary>
public sealed class DocumentReader(Func<TextRestorer> restorer, OcrEngine ocr)
{
    private static readonly Lazy<DocumentReader> Shared = new(() => new DocumentReader(() => RestorerTables.Shared, new OcrEngine()));

    /// <summary>The reader with the shipped tables and the default time limits.</summary>
    public static DocumentReader Default => Shared.Value;

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    /// <summary>Reads a file from disk (the command line and imports).</summary>
    public DocumentContent Read(string path, IProgress<ReadingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists) throw DocumentException.NotFound(file.Name);
        if (file.Length > DocumentText.MaxBytes) throw DocumentException.TooLarge(DocumentText.MaxBytes);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DocumentException.Unreadable(file.Name, e);
        }
        return ReadAsync(bytes, file.Name, progress).GetAwaiter().GetResult();
    }

    /// <summary>Reads an uploaded file by its name and content.</summary>
    public async Task<DocumentContent> ReadAsync(byte[] content, string fileName, IProgress<ReadingProgress>? progress = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (content.Length == 0) throw DocumentException.Empty();
        if (content.Length > DocumentText.MaxBytes) throw DocumentException.TooLarge(DocumentText.MaxBytes);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (ImageExtensions.Contains(extension))
        {
            progress?.Report(new ReadingProgress(1, 1));
            var text = await OcrAsync(content, extension, cancel);
            return new DocumentContent(Restore(Checked(text)), FileFormat.Image, 1, [1]);
        }
        if (extension == ".doc")
        {
            content = await LegacyWord.ToDocxAsync(content, cancel);
            fileName = Path.ChangeExtension(fileName, ".docx");
        }
        if (extension != ".pdf")
        {
            var document = DocumentText.Read(content, fileName);
            return new DocumentContent(Restore(document.Text), document.Format, document.PageCount, []);
        }
        return await ReadPdfAsync(content, fileName, progress, cancel);
    }

    private async Task<DocumentContent> ReadPdfAsync(byte[] content, string fileName, IProgress<ReadingProgress>? progress, CancellationToken cancel)
    {
        DocumentText? layer = null;
        try
        {
            layer = DocumentText.Read(content, fileName);
        }
        catch (DocumentException e) when (e.Problem is DocumentProblem.Scanned or DocumentProblem.NotVietnamese)
        {
            // no text layer worth the name: every page with a picture is OCR'd below
        }
        var pages = PdfText.Pages(content);
        var redo = Enumerable.Range(0, pages.Count)
            .Where(i => pages[i].Images > 0 && (layer is null || TextLayer.Damaged(pages[i].Text)))
            .ToList();
        if (redo.Count == 0)
        {
            if (layer is null) throw DocumentException.Scanned();
            return new DocumentContent(Restore(layer.Text), FileFormat.Pdf, layer.PageCount, []);
        }

        var folder = Directory.CreateTempSubdirectory("bot-ocr-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "in.pdf");
            await File.WriteAllBytesAsync(pdf, content, cancel);
            var texts = new List<RestoredText>();
            for (var i = 0; i < pages.Count; i++)
            {
                if (!redo.Contains(i))
                {
                    texts.Add(Restore(VietnameseText.Normalize(pages[i].Text)));
                    continue;
                }
                progress?.Report(new ReadingProgress(redo.IndexOf(i) + 1, redo.Count));
                var image = await ocr.RasterizeAsync(pdf, i + 1, Path.Combine(folder.FullName, $"page-{i + 1}"), cancel);
                texts.Add(Restore(VietnameseText.Normalize(await ocr.ReadImageAsync(image, cancel)).Trim('\n')));
                File.Delete(image);
            }
            var joined = RestoredText.Join(texts.Where(t => t.Source.Length > 0), "\n");
            Checked(joined.Source);
            return new DocumentContent(joined, FileFormat.Pdf, pages.Count, redo.Select(i => i + 1).ToList());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<string> OcrAsync(byte[] image, string extension, CancellationToken cancel)
    {
        var folder = Directory.CreateTempSubdirectory("bot-ocr-");
        try
        {
            var path = Path.Combine(folder.FullName, "page" + extension);
            await File.WriteAllBytesAsync(path, image, cancel);
            return VietnameseText.Normalize(await ocr.ReadImageAsync(path, cancel)).Trim('\n');
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The text restored when it reads as damaged; otherwise as it is.</summary>
    private RestoredText Restore(string text) => TextLayer.Damaged(text) ? restorer().Restore(text) : RestoredText.Unchanged(text);

    private static string Checked(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw DocumentException.Empty();
        if (!VietnameseSyllables.LooksVietnamese(text)) throw DocumentException.NotVietnamese();
        return text;
    }
}

/// <summary>How good a text (layer) is: Vietnamese with its marks, or Vietnamese an English-model OCR or a lost encoding damaged.</summary>
public static class TextLayer
{
    /// <summary>
    /// True when under half of the words are marked Vietnamese syllables (clean administrative text
    /// has 80%; the samples' English-model OCR 16%) and there are enough words to tell.
    /// </summary>
    public static bool Damaged(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (words, marked, _) = VietnameseSyllables.Counts(text);
        return words >= 8 && marked < 0.5 * words;
    }
}

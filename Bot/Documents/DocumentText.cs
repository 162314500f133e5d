using Bot.Domain.Text;

namespace Bot.Documents;

/// <summary>The kinds of file a directive can come in.</summary>
public enum FileFormat
{
    Txt,
    Pdf,
    Docx,

    /// <summary>A photo or scan of a page (.jpg, .png, .tif): read by OCR (<see cref="DocumentReader"/>).</summary>
    Image,
}

/// <summary>
/// The text of a directive file, ready for the directive reader: normalised Vietnamese
/// (<see cref="VietnameseText.Normalize"/>: NFC, "\n" line ends), one printed line per text line,
/// a blank line between paragraphs.
/// <list type="bullet">
/// <item>.txt — UTF-8 or UTF-16 (with or without a byte-order mark), or the old 8-bit encodings
/// TCVN3 (.VnTime), VNI (VNI-Times) and Windows-1258, told apart by which reads as Vietnamese.</item>
/// <item>.pdf — the text layer in reading order; running headers, footers and page numbers removed;
/// a ruled table becomes one line per row like a Word table below (its header row repeated on a
/// following page is dropped). A scan without a text layer is refused with a message asking for OCR.</item>
/// <item>.docx — paragraphs in order, with Word's list labels ("1.", "a)", "-"). A table becomes one
/// line per row, cells joined by " | " and line breaks inside a cell turned into spaces, header row
/// included: "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành". A cell merged
/// across columns is one cell (a section row "I. Nhiệm vụ chung" has no " | "); a cell merged down
/// repeats its text on each row it covers.</item>
/// <item>.pdf and .docx typed with the old ".VnTime" (TCVN3) or "VNI-Times" fonts: words whose glyphs
/// spell legacy bytes ("ViÖt Nam") are read back as Vietnamese (<see cref="LegacyFonts"/>).</item>
/// </list>
/// Anything else — a missing, empty, binary, oversized (over 20 MB), unsupported or non-Vietnamese
/// file — throws <see cref="DocumentException"/> with a message for the user; nothing half-read is returned.
/// </summary>
public sealed record DocumentText(string Text, FileFormat Format, int? PageCount)
{
    /// <summary>The largest file we read: directives are a few pages; anything bigger is a mistake.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Reads a file from disk; its extension says which format it is.</summary>
    public static DocumentText Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists) throw DocumentException.NotFound(file.Name);
        if (file.Length > MaxBytes) throw DocumentException.TooLarge(MaxBytes);
        FileStream stream;
        try
        {
            stream = file.OpenRead();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DocumentException.Unreadable(file.Name, e);
        }
        using (stream) return Read(stream, file.Name);
    }

    /// <summary>Reads an uploaded file (e.g. a Telegram document) by its name and content.</summary>
    public static DocumentText Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var format = FormatOf(fileName);
        var bytes = ReadAtMost(content, MaxBytes);
        if (bytes.Length == 0) throw DocumentException.Empty();
        var (text, pages) = format switch
        {
            FileFormat.Txt => (PlainText.Decode(bytes).Text, (int?)null),
            FileFormat.Pdf => PdfText.Extract(bytes),
            FileFormat.Docx => (DocxText.Extract(bytes), null),
            _ => throw new InvalidOperationException(),
        };
        if (format != FileFormat.Txt) text = LegacyFonts.Repair(text); // a .txt file's bytes were decoded already
        text = VietnameseText.Normalize(text);
        if (string.IsNullOrWhiteSpace(text)) throw DocumentException.Empty();
        if (!VietnameseSyllables.LooksVietnamese(text)) throw DocumentException.NotVietnamese();
        return new DocumentText(text, format, pages);
    }

    /// <summary>Reads a file already in memory.</summary>
    public static DocumentText Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return Read(stream, fileName);
    }

    private static FileFormat FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".txt" => FileFormat.Txt,
            ".pdf" => FileFormat.Pdf,
            ".docx" => FileFormat.Docx,
            _ => throw DocumentException.Unsupported(extension),
        };
    }

    /// <summary>The whole stream, refusing it as soon as it passes the limit (a stream may not know its length).</summary>
    private static byte[] ReadAtMost(Stream content, long limit)
    {
        if (content.CanSeek && content.Length - content.Position > limit) throw DocumentException.TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit) throw DocumentException.TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

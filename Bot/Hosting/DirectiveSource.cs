using Bot.Documents;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Time;

namespace Bot.Hosting;

/// <summary>A file → its text (txt, PDF, DOCX, .doc converted; scans and photos OCR'd; damaged text restored) → the directive
/// reader: how imports and the office's desk read directives. What people read later (lists, reminders) is the restored text.</summary>
public sealed class DirectiveSource(DirectiveReader reader, TimeProvider clock) : IDirectiveSource
{
    public ReadDirective Read(string path)
    {
        DocumentContent document;
        try
        {
            document = DocumentReader.Default.Read(path);
        }
        catch (DocumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
        return Directive(document, Path.GetFileName(path));
    }

    /// <summary>A file sent in chat, by its name and content; scans report their pages as they are read.</summary>
    /// <exception cref="DocumentException">The file cannot be read; its message says why, in Vietnamese.</exception>
    public async Task<ReadDirective> ReadAsync(byte[] content, string fileName, IProgress<ReadingProgress>? progress, CancellationToken cancel)
    {
        var document = await DocumentReader.Default.ReadAsync(content, fileName, progress, cancel);
        return Directive(document, fileName);
    }

    private ReadDirective Directive(DocumentContent document, string source) =>
        new(reader.Read(document.Restoration, VietnamTime.Today(clock)), document.Text, source);
}

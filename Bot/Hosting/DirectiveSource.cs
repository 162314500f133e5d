using Bot.Documents;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Time;

namespace Bot.Hosting;

/// <summary>A file → its text (txt, PDF, DOCX; scans and photos OCR'd; damaged text restored) → the directive reader:
/// how imports read directives. What people read later (lists, reminders) is the restored text.</summary>
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
        var directive = reader.Read(document.Restoration, VietnamTime.Today(clock));
        return new ReadDirective(directive, document.Text, Path.GetFileName(path));
    }
}

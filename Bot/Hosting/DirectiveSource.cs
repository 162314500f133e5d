using Bot.Documents;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Time;

namespace Bot.Hosting;

/// <summary>A file → its text (txt, PDF, DOCX) → the directive reader: how imports read directives.</summary>
public sealed class DirectiveSource(DirectiveReader reader, TimeProvider clock) : IDirectiveSource
{
    public ReadDirective Read(string path)
    {
        DocumentText document;
        try
        {
            document = DocumentText.Read(path);
        }
        catch (DocumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
        var directive = reader.Read(document.Text, VietnamTime.Today(clock));
        return new ReadDirective(directive, document.Text, Path.GetFileName(path));
    }
}

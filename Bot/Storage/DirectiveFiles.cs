using Bot.Domain.Assignments;

namespace Bot.Storage;

/// <summary>
/// The import seam: .json files in the reader's contract are read here; every other file goes to
/// <paramref name="readDocument"/>, the document reader (text, PDF, DOCX → DirectiveReader) that
/// the host wires in. Without it, other files are refused with a clear message.
/// </summary>
public sealed class DirectiveFiles(Func<string, ReadDirective>? readDocument = null) : IDirectiveSource
{
    private readonly DirectiveJsonFile _json = new();

    public ReadDirective Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || readDocument is null) return _json.Read(path);
        if (!File.Exists(path)) throw new FileNotFoundException(null, path);
        return readDocument(path);
    }
}

using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Directives;
using Bot.Domain.Text;

namespace Bot.Domain.Assignments;

/// <summary>A directive as read from a file: what the reader made of it and the text it read it from.</summary>
public sealed record ReadDirective(Directive Directive, string Text, string Source)
{
    /// <summary>The original file kept in the store (<c>IOriginalFiles</c>) when it came as a file in chat; null for text from the command line.</summary>
    public string? OriginalId { get; init; }
}

/// <summary>
/// Turns a file into a <see cref="ReadDirective"/>. The host wires the real reader (document text →
/// directive reader); tests give directives built by hand.
/// </summary>
public interface IDirectiveSource
{
    /// <summary>Reads one file. Throws <see cref="InvalidDataException"/> or an I/O exception when it cannot.</summary>
    ReadDirective Read(string path);
}

/// <summary>A task of a stored directive, with an id that survives corrected versions of the directive.</summary>
public sealed record TrackedTask(string Id, DirectiveTask Task);

/// <summary>
/// A directive kept in the store: its identity, the hash of its text, its tasks, whether it is
/// published and which units were chosen for "Các cơ quan, đơn vị liên quan" when it was.
/// </summary>
public sealed record TrackedDirective(
    string Id,
    Directive Directive,
    string ContentHash,
    string Source,
    DateTimeOffset ImportedAt,
    bool Published,
    IReadOnlyList<TrackedTask> Tasks,
    int NextTaskNumber,
    IReadOnlyList<string> RelatedUnitCodes)
{
    /// <summary>The latest original file kept for it (sent back on request), or null when it was imported as text.</summary>
    public string? OriginalId { get; init; }

    /// <summary>The corrected versions published over the first, oldest first (what changed each time, for the notices).</summary>
    public IReadOnlyList<DirectiveCorrection> Corrections { get; init; } = [];

    /// <summary>
    /// A directive is the same directive when its number and issuer are the same (a corrected
    /// version keeps them); one without a number is known only by its text.
    /// </summary>
    public static string IdOf(Directive directive, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(directive);
        var key = string.IsNullOrWhiteSpace(directive.Number)
            ? "hash:" + contentHash
            : VietnameseText.Key(directive.Number) + "|" + VietnameseText.Key(directive.Issuer ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
    }

    /// <summary>The hash of the normalised text: white space and line breaks do not count.</summary>
    public static string HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = VietnameseText.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))));
    }

    /// <summary>
    /// The hash of a version as it is published: the text's (<see cref="HashOf(string)"/>) and its tasks as they will be
    /// assigned, so the same file published again with other edits (units, deadlines, a task dropped or added) is a new
    /// version rather than "nothing changed".
    /// </summary>
    public static string HashOf(string text, IReadOnlyList<DirectiveTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var version = new StringBuilder(HashOf(text));
        foreach (var t in tasks)
        {
            version.Append('\n').Append(t.Ref).Append('\u001f').Append(t.Kind).Append('\u001f').Append(VietnameseText.Normalize(t.Text))
                .Append('\u001f').AppendJoin('|', t.Lead).Append('\u001f').AppendJoin('|', t.Support)
                .Append('\u001f').Append(t.DueBefore?.UtcTicks).Append('\u001f').Append(t.Recurrence);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version.ToString())));
    }
}

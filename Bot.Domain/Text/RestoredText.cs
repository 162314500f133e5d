namespace Bot.Domain.Text;

/// <summary>
/// Text after restoration, with the text it came from. Only words change: spaces, punctuation,
/// numbers and line breaks are the source's, so the restored text has the source's lines.
/// </summary>
/// <param name="Text">What people read: the restored Vietnamese.</param>
/// <param name="Source">The text as it came (the OCR reading or the damaged text layer).</param>
/// <param name="Words">Each word of the text: where it is in both, how sure the restorer is.</param>
public sealed record RestoredText(string Text, string Source, IReadOnlyList<RestoredWord> Words)
{
    /// <summary>Below this confidence a word is shown as unsure.</summary>
    public const double SureAbove = 0.8;

    /// <summary>Text that needed no restoring: every word kept, every word sure.</summary>
    public static RestoredText Unchanged(string text) => new(text, text, []);

    /// <summary>Several texts (a document's pages) as one, joined by the separator.</summary>
    public static RestoredText Join(IEnumerable<RestoredText> parts, string separator)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(separator);
        var text = new System.Text.StringBuilder();
        var source = new System.Text.StringBuilder();
        var words = new List<RestoredWord>();
        var first = true;
        foreach (var part in parts)
        {
            if (!first)
            {
                text.Append(separator);
                source.Append(separator);
            }
            first = false;
            var (at, sourceAt) = (text.Length, source.Length);
            words.AddRange(part.Words.Select(w => w with { Start = w.Start + at, SourceStart = w.SourceStart + sourceAt }));
            text.Append(part.Text);
            source.Append(part.Source);
        }
        return new RestoredText(text.ToString(), source.ToString(), words);
    }

    /// <summary>Words the restorer is unsure of, in order.</summary>
    public IEnumerable<RestoredWord> Unsure => Words.Where(w => w.Unsure);

    /// <summary>Words that differ from the source.</summary>
    public int Changed => Words.Count(w => w.Changed);

    /// <summary>The text with each unsure word wrapped in the given marks ("⟨" and "⟩").</summary>
    public string Marked(string open, string close)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(close);
        var sb = new System.Text.StringBuilder(Text.Length + 16);
        var at = 0;
        foreach (var word in Unsure)
        {
            sb.Append(Text, at, word.Start - at).Append(open).Append(Text, word.Start, word.Length).Append(close);
            at = word.Start + word.Length;
        }
        return sb.Append(Text, at, Text.Length - at).ToString();
    }
}

/// <summary>One word: its place in the restored text and in the source, and the restorer's confidence (0–1).</summary>
public readonly record struct RestoredWord(int Start, int Length, int SourceStart, int SourceLength, double Confidence, bool Changed)
{
    public bool Unsure => Confidence < RestoredText.SureAbove;
}

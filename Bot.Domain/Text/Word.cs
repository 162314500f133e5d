namespace Bot.Domain.Text;

/// <summary>A run of letters and digits in folded text: its place and its folded form.</summary>
public readonly record struct Word(int Start, int Length, string Text)
{
    public int End => Start + Length;

    public bool IsNumber => Text.Length > 0 && Text.All(char.IsAsciiDigit);

    /// <summary>The words of a folded text. Letters and digits together make a word ("x4", "s6" are OCR words).</summary>
    public static List<Word> Split(string folded) => Split(folded, int.MaxValue);

    /// <summary>How many words a text has, counted as <see cref="Split(string)"/> splits them, without making them.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            count++;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        }
        return count;
    }

    /// <summary>The first <paramref name="limit"/> words of a folded text.</summary>
    public static List<Word> Split(string folded, int limit)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var words = new List<Word>(Math.Min(limit, folded.Length / 5 + 1));
        var i = 0;
        while (i < folded.Length && words.Count < limit)
        {
            if (!char.IsLetterOrDigit(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i])) i++;
            words.Add(new Word(start, i - start, folded[start..i]));
        }
        return words;
    }
}

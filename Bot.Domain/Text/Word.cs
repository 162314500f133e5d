namespace Bot.Domain.Text;

/// <summary>A run of letters and digits in folded text: its place and its folded form.</summary>
public readonly record struct Word(int Start, int Length, string Text)
{
    public int End => Start + Length;

    public bool IsNumber => Text.Length > 0 && Text.All(char.IsAsciiDigit);

    /// <summary>The words of a folded text. Letters and digits together make a word ("x4", "s6" are OCR words).</summary>
    public static List<Word> Split(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var words = new List<Word>(folded.Length / 5);
        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i])) i++;
            words.Add(new Word(start, i - start, folded[start..i]));
        }
        return words;
    }
}

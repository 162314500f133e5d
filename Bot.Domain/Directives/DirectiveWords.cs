using System.Buffers;
using System.Collections.Concurrent;
using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// The words the reader looks for (unit names, titles, the verbs that assign work), and the
/// text of a paragraph as those words: each folded OCR word is read as the expected word it
/// stands for, so "phdi hop cting" reads "phoi hop cung" and "x4" reads "xa".
/// </summary>
public static class DirectiveWords
{
    /// <summary>Words that say who does what: "giao", "yêu cầu", "phối hợp với", "chủ trì".</summary>
    private static readonly string[] Cues =
    [
        "giao", "cho", "yeu", "cau", "de", "nghi", "kinh", "phoi", "hop", "voi", "cung", "chu", "tri", "nao",
        "doi", "co", "trach", "nhiem", "dong", "chi", "su", "cua", "qua", "tu", "ve", "tai", "nhan", "duoc",
        "tren", "day", "la", "nghiem", "tuc", "noi", "thuc", "hien",
    ];

    private static readonly Vocabulary Expected = new(
        UnitCatalog.Entries.SelectMany(e => e.Forms).Concat(UnitCatalog.Titles).Concat(Cues)
            .SelectMany(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.All(char.IsLetterOrDigit)));

    private static readonly ConcurrentDictionary<string, string> Read = new(StringComparer.Ordinal);

    /// <summary>The expected word a folded word stands for, or the word itself.</summary>
    public static string Normal(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (Expected.Contains(folded)) return folded;
        if (Read.Count > 100_000) Read.Clear();
        return Read.GetOrAdd(folded, Closest);
    }

    private static string Closest(string word)
    {
        if (word.All(char.IsAsciiDigit)) return word;
        var match = Expected.Match(word);
        if (match is not null) return match;
        // A longer OCR word may carry one stray glyph besides ("hoéa" for "hóa").
        if (word.Length < 3) return word;
        string? best = null;
        var bestCost = 1.0 + 1e-9;
        foreach (var candidate in Expected.Words)
        {
            if (candidate.Length < 3 || Math.Abs(candidate.Length - word.Length) > 1 || candidate[0] != word[0]) continue;
            var cost = OcrDistance.Between(word, candidate);
            if (cost < bestCost) (best, bestCost) = (candidate, cost);
        }
        return best ?? word;
    }
}

/// <summary>
/// A paragraph read as words: each word's place in the paragraph, its normal form, and
/// whether a sentence or clause break (". ; : ! ?" or a paragraph's end) comes right before it.
/// </summary>
public sealed class WordText
{
    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(".;:!?\n");

    /// <summary>What ends a sentence (not a clause): lists of units do not run across it.</summary>
    public static readonly SearchValues<char> SentenceBreaks = SearchValues.Create(".:!?\n");

    public WordText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Folded = VietnameseText.Fold(text);
        var split = Word.Split(Folded);
        Words = split;
        Normal = new string[split.Count];
        BreakBefore = new bool[split.Count];
        var previousEnd = 0;
        for (var i = 0; i < split.Count; i++)
        {
            Normal[i] = DirectiveWords.Normal(split[i].Text);
            BreakBefore[i] = i == 0 || Folded.AsSpan(previousEnd, split[i].Start - previousEnd).IndexOfAny(ClauseBreaks) >= 0;
            previousEnd = split[i].End;
        }
    }

    public string Text { get; }

    public string Folded { get; }

    public IReadOnlyList<Word> Words { get; }

    public string[] Normal { get; }

    public bool[] BreakBefore { get; }

    public int Count => Normal.Length;

    /// <summary>True when the words from <paramref name="at"/> read <paramref name="phrase"/> (space-separated normal words).</summary>
    public bool Reads(int at, params string[] phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (at < 0 || at + phrase.Length > Normal.Length) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (Normal[at + k] != phrase[k]) return false;
        return true;
    }

    /// <summary>True when the words ending right before <paramref name="end"/> read <paramref name="phrase"/>.</summary>
    public bool ReadsBefore(int end, params string[] phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return Reads(end - phrase.Length, phrase) && NoBreakWithin(end - phrase.Length + 1, end);
    }

    private bool NoBreakWithin(int from, int to)
    {
        for (var k = Math.Max(0, from); k < to && k < BreakBefore.Length; k++)
            if (BreakBefore[k]) return false;
        return true;
    }
}

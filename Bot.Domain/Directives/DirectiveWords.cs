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
        "tren", "day", "la", "nghiem", "tuc", "noi", "thuc", "hien", "da", "chua", "giua", "vua",
        // function words that OCR-tolerant reading must not take for others ("trừ" is not "ưu")
        "tru", "rieng", "con", "nhung", "mot", "neu", "thi", "khi", "den", "bang", "nhu", "hoac", "moi", "tat", "ca", "va", "duoi",
        "se", "phai", "can", "lai", "nua", "dong", "thoi", "ngay", "thang", "nam", "tuan", "gio", "gom", "sau", "truoc",
        // clause openers: "Trên cơ sở ...,", "Căn cứ ...,", "Đồng thời,", "Ngoài ra,"
        "so", "can", "cu", "theo", "sau", "khi", "truong", "ngoai", "ra", "thoi", "trong", "nham", "kem", "ban", "hanh",
    ];

    private static readonly Vocabulary Expected = new(
        UnitCatalog.Entries.SelectMany(e => e.Forms).Concat(UnitCatalog.Titles).Concat(Cues).Concat(Clause.Vocabulary).Concat(UnitNames.Vocabulary)
            .SelectMany(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.All(char.IsLetterOrDigit))
            // Abbreviations with letters Vietnamese does not write ("tw") would take OCR's "tw" for "tư".
            .Where(w => !w.Any(c => c is 'w' or 'f' or 'j' or 'z')));

    private static readonly HashSet<string> ExpectedSet = new(Expected.Words, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExpectedBySpan =
        ExpectedSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ConcurrentDictionary<string, string> Read = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ReadBySpan =
        Read.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The expected word a folded word stands for, or the word itself.</summary>
    public static string Normal(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return Normal(folded.AsSpan());
    }

    /// <summary>The same, without making a string of words already seen.</summary>
    public static string Normal(ReadOnlySpan<char> folded)
    {
        if (ExpectedBySpan.TryGetValue(folded, out var known)) return known;
        if (ReadBySpan.TryGetValue(folded, out var read)) return read;
        if (Read.Count > 100_000) Read.Clear(); // a bounded memo: the same OCR words recur
        var word = folded.ToString();
        return Read.GetOrAdd(word, Closest);
    }

    /// <summary>Where <paramref name="phrase"/> (folded words) first occurs among folded words, OCR-tolerantly, or -1.</summary>
    public static int IndexOf(IReadOnlyList<string> words, string phrase)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(phrase);
        var parts = phrase.Split(' ');
        for (var i = 0; i + parts.Length <= words.Count; i++)
        {
            var k = 0;
            while (k < parts.Length && OcrDistance.Like(words[i + k], parts[k])) k++;
            if (k == parts.Length) return i;
        }
        return -1;
    }

    private static readonly string[] Onsets =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly HashSet<string> Rimes = new(
        ["a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue", "ui", "uo",
         "uu", "uy", "ye", "ieu", "oai", "oao", "oay", "oeo", "uay", "uoi", "uou", "uya", "uye", "uyu", "yeu", "uai"],
        StringComparer.Ordinal);

    private static readonly string[] Codas = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

    /// <summary>
    /// A folded word that is a well-formed Vietnamese syllable (onset, vowels, final consonant): a word a clean text
    /// writes, which OCR-tolerant reading leaves as it is. "hoea" (OCR's "hoéa") is none.
    /// </summary>
    internal static bool IsSyllable(string folded)
    {
        foreach (var onset in Onsets)
        {
            if (!folded.StartsWith(onset, StringComparison.Ordinal)) continue;
            var rest = folded[onset.Length..];
            foreach (var coda in Codas)
            {
                if (!rest.EndsWith(coda, StringComparison.Ordinal) || rest.Length == coda.Length) continue;
                if (Rimes.Contains(rest[..^coda.Length])) return true;
            }
        }
        return false;
    }

    private static string Closest(string word)
    {
        if (word.All(char.IsAsciiDigit)) return word;
        var match = Expected.Match(word);
        if (match is not null) return match;
        // OCR may add one stray glyph to a word ("hoéa" for "hóa"); it does not make one word another ("gian" is not "gia").
        if (word.Length < 4 || IsSyllable(word)) return word;
        string? best = null;
        var bestCost = 1.0 + 1e-9;
        foreach (var candidate in Expected.Words)
        {
            if (candidate.Length < 3 || candidate.Length != word.Length - 1 || candidate[0] != word[0]) continue;
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
    // "|" joins the cells of a table row flattened into a line: each cell is a clause of its own.
    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(".;:!?\n|");

    /// <summary>What ends a sentence (not a clause): lists of units do not run across it.</summary>
    public static readonly SearchValues<char> SentenceBreaks = SearchValues.Create(".:!?\n");

    public WordText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Folded = VietnameseText.Fold(text);
        // Two passes, counting the words first: a text is read as words many times per directive, and arrays of the
        // right size are most of what reading it costs.
        var count = Word.Count(Folded);
        var words = new WordSpan[count];
        var normal = new string[count];
        var breaks = new bool[count];
        var k = 0;
        var previousEnd = 0;
        // Letters and digits together make a word, as in Word.Split ("x4", "s6" are OCR words).
        for (var i = 0; i < Folded.Length;)
        {
            if (!char.IsLetterOrDigit(Folded[i])) { i++; continue; }
            var start = i;
            while (i < Folded.Length && char.IsLetterOrDigit(Folded[i])) i++;
            breaks[k] = k == 0 || Folded.AsSpan(previousEnd, start - previousEnd).IndexOfAny(ClauseBreaks) >= 0;
            words[k] = new WordSpan(start, i);
            // A short word in capitals is an abbreviation ("TW", "UBND"), not an OCR misreading ("Tw" for "Tư").
            normal[k] = IsAbbreviation(text, start, i) ? Folded[start..i] : DirectiveWords.Normal(Folded.AsSpan(start, i - start));
            previousEnd = i;
            k++;
        }
        Words = words;
        Normal = normal;
        BreakBefore = breaks;
    }

    private WordText(string text, string folded, WordSpan[] words, string[] normal, bool[] breaks)
    {
        Text = text;
        Folded = folded;
        Words = words;
        Normal = normal;
        BreakBefore = breaks;
    }

    /// <summary>
    /// Words <paramref name="from"/> to <paramref name="to"/> (exclusive) as a text of their own, the characters from
    /// <paramref name="start"/> to <paramref name="end"/>: the same as reading that span anew, without folding and normalising
    /// its words again (a clause cut at a later lead is read from the piece it was cut from). Its first word starts a clause.
    /// </summary>
    internal WordText Slice(int from, int to, int start, int end)
    {
        var count = to - from;
        var words = new WordSpan[count];
        for (var k = 0; k < count; k++) words[k] = new WordSpan(Words[from + k].Start - start, Words[from + k].End - start);
        var breaks = BreakBefore[from..to];
        if (count > 0) breaks[0] = true;
        return new WordText(Text[start..end], Folded[start..end], words, Normal[from..to], breaks);
    }

    /// <summary>
    /// Only the first <paramref name="count"/> words of a text (fewer when it has fewer): enough to ask how it opens
    /// (<see cref="Reads"/> at its start) without reading the rest.
    /// </summary>
    internal static WordText Opening(string text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seen = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(VietnameseText.Fold(text[i]))) { i++; continue; }
            while (i < text.Length && char.IsLetterOrDigit(VietnameseText.Fold(text[i]))) i++;
            if (++seen == count) return new WordText(text[..i]);
        }
        return new WordText(text);
    }

    /// <summary>Capitals with a letter Vietnamese does not write (w, f, j, z): an abbreviation such as "TW", not OCR's "w" for "ư".</summary>
    private static bool IsAbbreviation(string text, int start, int end)
    {
        if (end - start is < 2 or > 6) return false;
        var foreign = false;
        for (var k = start; k < end; k++)
        {
            if (!char.IsUpper(text[k])) return false;
            foreign |= text[k] is 'W' or 'F' or 'J' or 'Z';
        }
        return foreign;
    }

    public string Text { get; }

    public string Folded { get; }

    public WordSpan[] Words { get; }

    public string[] Normal { get; }

    public bool[] BreakBefore { get; }

    public int Count => Normal.Length;

    /// <summary>The folded characters between word <paramref name="i"/> and the word before it.</summary>
    public ReadOnlySpan<char> GapBefore(int i) =>
        i <= 0 ? [] : Folded.AsSpan(Words[i - 1].End, Words[i].Start - Words[i - 1].End);

    /// <summary>True when the words from <paramref name="at"/> read <paramref name="phrase"/> (space-separated normal words).</summary>
    public bool Reads(int at, params ReadOnlySpan<string> phrase)
    {
        if (at < 0 || at + phrase.Length > Normal.Length) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (Normal[at + k] != phrase[k]) return false;
        return true;
    }

    /// <summary>True when the words ending right before <paramref name="end"/> read <paramref name="phrase"/>.</summary>
    public bool ReadsBefore(int end, params ReadOnlySpan<string> phrase)
    {
        return Reads(end - phrase.Length, phrase) && NoBreakWithin(end - phrase.Length + 1, end);
    }

    /// <summary>
    /// Like <see cref="ReadsBefore"/>, but each word may also be an OCR misreading of the phrase's word
    /// ("đc nghị" for "đề nghị"): for the few cue phrases that decide who is asked.
    /// </summary>
    public bool ReadsBeforeLoosely(int end, params ReadOnlySpan<string> phrase)
    {
        var at = end - phrase.Length;
        if (at < 0 || end > Normal.Length || !NoBreakWithin(at + 1, end)) return false;
        for (var k = 0; k < phrase.Length; k++)
        {
            if (Normal[at + k] == phrase[k]) continue;
            var word = Words[at + k];
            if (Math.Abs(word.Length - phrase[k].Length) > 1) return false;
            if (!OcrDistance.MayBeLike(Folded.AsSpan(word.Start, word.Length), phrase[k])) return false;
            if (!Loosely.GetOrAdd((FoldedWord(at + k), phrase[k]), static p => OcrDistance.Like(p.Seen, p.Meant))) return false;
        }
        return true;
    }

    private string[]? _foldedWords;

    /// <summary>Word <paramref name="k"/> as folded, before it was read as an expected word; made once, when asked.</summary>
    private string FoldedWord(int k)
    {
        _foldedWords ??= new string[Normal.Length];
        return _foldedWords[k] ??= Folded.Substring(Words[k].Start, Words[k].Length);
    }

    // The same few cue words are checked against the same OCR words over and over.
    private static readonly ConcurrentDictionary<(string Seen, string Meant), bool> Loosely = new();

    private bool NoBreakWithin(int from, int to)
    {
        for (var k = Math.Max(0, from); k < to && k < BreakBefore.Length; k++)
            if (BreakBefore[k]) return false;
        return true;
    }
}

/// <summary>Where a word is in the folded text.</summary>
public readonly record struct WordSpan(int Start, int End)
{
    public int Length => End - Start;
}

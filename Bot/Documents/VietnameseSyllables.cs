using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Bot.Domain.Text;

namespace Bot.Documents;

/// <summary>
/// How Vietnamese a piece of decoded text looks. Two uses: picking the right decoding of an
/// old 8-bit file (the right one yields valid syllables, the wrong ones yield stray symbols and
/// impossible letter clusters), and refusing a file that holds no Vietnamese at all.
/// A syllable is valid when it is onset + vowel cluster + final consonant from the lists below,
/// with at most one tone mark, on a vowel.
/// </summary>
internal static class VietnameseSyllables
{
    // Initial consonants, longest first so "ngh" wins over "ng" and "n".
    private static readonly string[] Onsets =
    [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];

    private static readonly FrozenSet<string> Codas =
        FrozenSet.ToFrozenSet(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"], StringComparer.Ordinal);

    // Vowel clusters (medial + nucleus + glide) without tone marks.
    private static readonly FrozenSet<string> Nuclei = FrozenSet.ToFrozenSet(
    [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
        "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "yêu",
    ], StringComparer.Ordinal);

    // Clusters that end in a glide (or are open diphthongs) take no final consonant: "ai", never "ain".
    private static readonly FrozenSet<string> OpenOnly = FrozenSet.ToFrozenSet(
    [
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
        "ưa", "ưi", "ưu", "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "yêu",
    ], StringComparer.Ordinal);

    // Frequent words of administrative Vietnamese, folded, chosen not to be English or Latin words,
    // so that a text typed (or OCR-read) without diacritics is still recognised.
    private static readonly FrozenSet<string> CommonFolded = FrozenSet.ToFrozenSet(
    [
        "cac", "cua", "va", "duoc", "trong", "nhung", "nay", "voi", "theo", "ngay", "thang", "nam",
        "viec", "thuc", "hien", "tren", "tai", "cong", "nguoi", "khong", "mot", "nhu", "cho", "nhan",
        "dan", "huyen", "tinh", "xa", "vi", "bao", "cao", "quan", "ly", "chi", "dao", "ke",
        "hoach", "trien", "khai", "thoi", "gian", "hoan", "thanh", "truoc", "nhiem", "vu", "phoi",
        "chu", "tri", "phong", "uy", "ubnd", "thi", "tran", "kinh", "gui", "nghia", "viet",
        "hanh", "phuc", "doc", "lap", "tu", "nhat", "cham", "bien", "phap", "dong", "tac",
    ], StringComparer.Ordinal);

    private const string Vowels = "aăâeêioôơuưy";

    private static readonly FrozenSet<char> SpecificLetters = BuildSpecificLetters();

    /// <summary>
    /// A score for choosing between decodings: +1 for each word with non-ASCII characters that is a
    /// valid syllable, −1 for each that is not. Words of plain ASCII read the same in every decoding
    /// and are skipped.
    /// </summary>
    public static int DecodingScore(string text)
    {
        var score = 0;
        foreach (var token in Tokens(text))
        {
            if (!HasNonAscii(token)) continue;
            score += IsSyllable(token) ? 1 : -1;
        }
        return score;
    }

    /// <summary>
    /// True when the text reads as Vietnamese: enough words carry Vietnamese-only letters
    /// (ă, ơ, đ, tone marks...) and are valid syllables, or, for text without diacritics, enough
    /// words are frequent Vietnamese words. English or Lorem ipsum scores near zero on both.
    /// </summary>
    public static bool LooksVietnamese(string text)
    {
        var (words, marked, common) = Counts(text);
        return words > 0 && (marked >= words * 0.15 || common >= words * 0.10);
    }

    /// <summary>Words, words with Vietnamese-only letters that are valid syllables, frequent Vietnamese words.</summary>
    internal static (int Words, int Marked, int Common) Counts(string text)
    {
        int words = 0, marked = 0, common = 0;
        foreach (var token in Tokens(text))
        {
            if (!token.Any(char.IsLetter)) continue;
            words++;
            if (token.Any(SpecificLetters.Contains) && IsSyllable(token)) marked++;
            if (CommonFolded.Contains(VietnameseText.Fold(token))) common++;
            if (words >= 20_000) break; // the start of a long file decides
        }
        return (words, marked, common);
    }

    /// <summary>Whether one word (any case, NFC) is a well-formed Vietnamese syllable.</summary>
    public static bool IsSyllable(string word)
    {
        var toneless = StripTone(word.ToLowerInvariant());
        if (toneless is null) return false;
        foreach (var onset in Onsets)
        {
            if (!toneless.StartsWith(onset, StringComparison.Ordinal)) continue;
            if (RhymeIsValid(toneless.AsSpan(onset.Length), onset)) return true;
        }
        return false;
    }

    private static bool RhymeIsValid(ReadOnlySpan<char> rhyme, string onset)
    {
        var vowels = 0;
        while (vowels < rhyme.Length && Vowels.Contains(rhyme[vowels], StringComparison.Ordinal)) vowels++;
        // "gi" and "qu" already hold a vowel letter: "gì", "quá"... may have an empty cluster only after "gi".
        if (vowels == 0) return onset == "gi" && rhyme.Length > 0 && Codas.Contains(rhyme.ToString());
        var nucleus = rhyme[..vowels].ToString();
        var coda = rhyme[vowels..].ToString();
        if (!Nuclei.Contains(nucleus) || !Codas.Contains(coda)) return false;
        return coda.Length == 0 || !OpenOnly.Contains(nucleus);
    }

    /// <summary>The word without its tone mark, or null when it has two tone marks, a mark on a
    /// consonant, or a letter outside the Vietnamese alphabet.</summary>
    private static string? StripTone(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var tones = 0;
        var lastLetter = '\0';
        foreach (var c in decomposed)
        {
            if (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                if (++tones > 1 || !Vowels.Contains(lastLetter, StringComparison.Ordinal)) return null;
                continue;
            }
            if (char.IsLetter(c)) lastLetter = c;
            sb.Append(c);
        }
        var toneless = sb.ToString().Normalize(NormalizationForm.FormC);
        foreach (var c in toneless)
        {
            if (c is >= 'a' and <= 'z' or 'ă' or 'â' or 'đ' or 'ê' or 'ô' or 'ơ' or 'ư') continue;
            return null;
        }
        return toneless;
    }

    /// <summary>Runs of characters that are letters, combining marks or any non-ASCII symbol, so a
    /// wrongly decoded byte ("Vi©t") stays inside its word and spoils it.</summary>
    private static IEnumerable<string> Tokens(string text) => TokenRanges(text).Select(r => text[r]);

    /// <summary>Where the <see cref="Tokens"/> are.</summary>
    public static IEnumerable<Range> TokenRanges(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || text[i] > '\u007F' && !char.IsWhiteSpace(text[i])
                && !IsPunctuation(text[i]));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return start..i;
                start = -1;
            }
        }
    }

    // Typographic punctuation common in real documents: not a sign of a wrong decoding.
    private static bool IsPunctuation(char c) =>
        c is '\u2013' or '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or '\u00A0' or '\u2022';

    private static bool HasNonAscii(string token) => token.Any(c => c > '\u007F');

    private static FrozenSet<char> BuildSpecificLetters()
    {
        // Every vowel of "aăâeêioôơuưy" with every tone, plus ă â ê ô ơ ư đ, in both cases:
        // letters that plain English or Latin text does not use together with valid syllables.
        var letters = new HashSet<char> { 'đ', 'Đ' };
        string[] tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
        foreach (var vowel in Vowels)
        {
            foreach (var tone in tones)
            {
                var composed = (vowel + tone).Normalize(NormalizationForm.FormC);
                if (composed.Length != 1 || composed[0] < '\u0080') continue;
                letters.Add(composed[0]);
                letters.Add(char.ToUpper(composed[0], CultureInfo.InvariantCulture));
            }
        }
        return letters.ToFrozenSet();
    }
}

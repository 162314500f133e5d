using System.Globalization;
using System.Text;
using Bot.Domain.Text;

namespace Bot.Domain.Time;

internal enum TokenKind
{
    Word,
    Number,
    Symbol,
}

/// <summary>
/// One token of folded text. <see cref="Glued"/>: no space before it ("16h00" is 16 · h · 00, all
/// glued); <see cref="LineStart"/>: a line break before it; <see cref="Capital"/>: the original
/// starts with a capital letter (place names, "Mai" the name rather than "mai" tomorrow);
/// <see cref="Spelled"/>: the word in lower case as written, diacritics kept ("tới" and "tối" both fold to "toi");
/// <see cref="Keyword"/>: the one of <see cref="TimeWords.Keywords"/> the word reads as, OCR-tolerantly ("nidm" → "nam"), or "".
/// </summary>
internal readonly record struct TimeToken(int Start, int Length, string Text, TokenKind Kind, bool Glued, bool LineStart, bool Capital, string Spelled, string Keyword = "")
{
    public int End => Start + Length;

    public bool IsNumber => Kind == TokenKind.Number;

    public bool IsWord => Kind == TokenKind.Word;
}

/// <summary>
/// Splits text into words, numbers and single symbols in one pass. A run of digits and a run
/// of letters are separate tokens even when glued, so OCR output such as "30théng" and chat
/// such as "9h30" read as 30 · theng and 9 · h · 30. Combining marks of decomposed input stay
/// inside their word, so spans index the input as given.
/// </summary>
internal static class TimeTokenizer
{
    public static List<TimeToken> Split(string text) => Split(text, new List<TimeToken>(text.Length / 4));

    /// <summary>The tokens of the text, in <paramref name="tokens"/> (cleared first), for a caller that reuses its list.</summary>
    public static List<TimeToken> Split(string text, List<TimeToken> tokens)
    {
        tokens.Clear();
        var i = 0;
        var glued = false;
        var lineStart = true;
        while (i < text.Length)
        {
            var c = VietnameseText.Fold(text[i]);
            if (IsMark(text[i]) && tokens.Count > 0 && glued) { i++; continue; }
            if (char.IsWhiteSpace(c) || IsMark(text[i]))
            {
                if (c == '\n') lineStart = true;
                glued = false;
                i++;
                continue;
            }
            var start = i;
            TokenKind kind;
            if (OcrNumberEnd(text, i) is int numberEnd)
            {
                // A number OCR wrote with letters for digits: "l1/2023", "2O23".
                kind = TokenKind.Number;
                i = numberEnd;
                tokens.Add(new TimeToken(start, i - start, DigitsOf(text, start, i), kind, glued && tokens.Count > 0, lineStart, false, DigitsOf(text, start, i)));
                (glued, lineStart) = (true, false);
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                kind = TokenKind.Number;
                while (i < text.Length && char.IsAsciiDigit(VietnameseText.Fold(text[i]))) i++;
            }
            else if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                while (i < text.Length && (char.IsLetter(VietnameseText.Fold(text[i])) || IsMark(text[i]))) i++;
            }
            else
            {
                kind = TokenKind.Symbol;
                i++;
            }
            var (word, spelled, keyword) = Pieces.Get(text.AsSpan(start, i - start));
            tokens.Add(new TimeToken(start, i - start, word, kind, glued && tokens.Count > 0, lineStart, char.IsUpper(text[start]), spelled, keyword));
            glued = true;
            lineStart = false;
        }
        return tokens;
    }

    // Each distinct piece of text is read once for every call, so tokens allocate nothing for pieces seen before.
    private static readonly WordMemo<(string Text, string Spelled, string Keyword)> Pieces = new(Read);

    /// <summary>A piece's folded text and, for a word, how it is spelled and the keyword it reads as (see <see cref="TimeToken"/>).</summary>
    private static (string Text, string Spelled, string Keyword) Read(string piece)
    {
        var folded = VietnameseText.Fold(piece);
        if (!char.IsLetter(folded[0])) return (folded, folded, "");
        // A word of decomposed input carries combining marks, folded to spaces: leave them out.
        var word = folded.Contains(' ', StringComparison.Ordinal) ? string.Concat(folded.Where(char.IsLetter)) : folded;
        var keyword = TimeWords.KeywordOf(word);
        var spelled = SpelledOf(piece);
        // A word spelled as another word is that word: "hơn" (more) is not an OCR "hạn".
        if (keyword.Length > 0 && keyword != word && TimeWords.NotKeywords.Contains(spelled)) keyword = "";
        return (word, spelled, keyword);
    }

    /// <summary>
    /// Where a number that OCR wrote partly with look-alike letters ends (l and I for 1, O for 0),
    /// or null: the run must hold a digit and a look-alike, and stand alone (no letter before or after).
    /// </summary>
    private static int? OcrNumberEnd(string text, int start)
    {
        if (start > 0 && char.IsLetter(text[start - 1])) return null;
        int i = start, digits = 0, lookAlikes = 0;
        for (; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i])) digits++;
            else if (text[i] is 'l' or 'I' or 'O') lookAlikes++;
            else break;
        }
        if (digits == 0 || lookAlikes == 0 || (i < text.Length && char.IsLetter(text[i]))) return null;
        return i;
    }

    private static string DigitsOf(string text, int start, int end) =>
        string.Create(end - start, (text, start), static (span, s) =>
        {
            for (var k = 0; k < span.Length; k++)
                span[k] = s.text[s.start + k] switch { 'l' or 'I' => '1', 'O' => '0', var c => c };
        });

    private static string SpelledOf(string original)
    {
        foreach (var c in original)
            if (c >= 128 || char.IsUpper(c)) return original.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        return original;
    }

    // Below the soft hyphen (U+00AD) no character is a mark or a format character: most text is answered at once.
    private static bool IsMark(char c) =>
        c >= '\u00AD' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format;
}

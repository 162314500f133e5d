using System.Globalization;
using System.Text;

namespace Bot.Domain.Text;

/// <summary>
/// Vietnamese text as people write it (NFC, with diacritics) and as we match it (folded:
/// lower case, no diacritics, đ → d). Folding keeps the length, so a span found in the
/// folded text is the same span in the normalised original.
/// </summary>
public static class VietnameseText
{
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>NFC, LF line ends, no zero-width or non-breaking spaces.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = WithoutInvalidCodePoints(text);
        string nfc;
        try
        {
            nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Something else the normaliser refuses: keep the text as it came rather than fail.
            nfc = text;
        }
        var sb = new StringBuilder(nfc.Length);
        for (var i = 0; i < nfc.Length; i++)
        {
            var c = nfc[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < nfc.Length && nfc[i + 1] == '\n') continue;
                    sb.Append('\n');
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\t': sb.Append(' '); break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF': break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Code points Unicode normalisation refuses — half a surrogate pair, noncharacters — get U+FFFD,
    /// so garbled input is read rather than thrown back.
    /// </summary>
    private static string WithoutInvalidCodePoints(string text)
    {
        char[]? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF') && c is not (>= '\uFDD0' and <= '\uFDEF')) continue;
            fixedText ??= text.ToCharArray();
            fixedText[i] = '\uFFFD';
        }
        return fixedText is null ? text : new string(fixedText);
    }

    /// <summary>Lower case without diacritics, one character for one: "Việc của tôi" → "viec cua toi".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = FoldTable[source[i]];
        });
    }

    public static char Fold(char c) => FoldTable[c];

    /// <summary>
    /// The characters, in small letters, are <paramref name="lower"/>: as <c>text.ToLowerInvariant() == lower</c>, without
    /// making the string (asked of single words while reading).
    /// </summary>
    public static bool IsLowered(ReadOnlySpan<char> text, string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (text.Length != lower.Length) return false;
        for (var i = 0; i < text.Length; i++)
            if (char.ToLowerInvariant(text[i]) != lower[i]) return false;
        return true;
    }

    /// <summary>Folded, with runs of white space collapsed and trimmed: the key for comparing names.</summary>
    public static string Key(string text)
    {
        var folded = Fold(Normalize(text));
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else sb.Append(c);
        }
        return sb.ToString().TrimEnd();
    }

    public static bool SameFolded(string a, string b) => Key(a) == Key(b);

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = FoldOne(c);
        }
        return table;
    }

    private static char FoldOne(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c);
        if (char.IsSurrogate(c)) return c;
        switch (c)
        {
            case 'đ' or 'Đ' or 'Ð' or 'ð': return 'd';
            // Glyphs that OCR puts in place of Vietnamese letters: keep them inside the word.
            case '¢': return 'c';
            case '€': return 'e';
            case '§': return 's';
            case '¥': return 'y';
            case 'ﬁ' or 'ﬂ': return 'f';
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.NonSpacingMark) return ' ';
        if (category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse) return c;
        string decomposed;
        try
        {
            decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return c; // a code point that has no normal form stays as it is
        }
        var baseChar = decomposed[0];
        return char.IsLetter(baseChar) ? char.ToLowerInvariant(baseChar) : baseChar switch
        {
            '\u2013' or '\u2014' or '\u2212' => '-',
            '\u201C' or '\u201D' or '\u201E' => '"',
            '\u2018' or '\u2019' => '\'',
            _ => c,
        };
    }
}

using System.Globalization;

namespace Bot.Domain.Text;

internal enum TokenKind
{
    Word,
    Comma,
    Boundary,
}

/// <summary>A word, a comma or a sentence boundary in the text; <see cref="Fixed"/> words are codes, addresses and outline
/// labels, kept as written ("UBND-VP", "tuky.haiduong.gov.vn", "b)").</summary>
internal readonly record struct RestorerToken(int Start, int Length, TokenKind Kind, bool Fixed = false);

/// <summary>
/// How the restorer cuts text: words are runs of letters, digits, combining marks and the stray
/// symbols OCR writes inside words ("st¢", "tu’6ng"); a number keeps its separators ("94,9").
/// Sentences end at . ; : ! ? ( ), at a bullet that starts a line and at a blank line; a line break
/// alone does not end one, since OCR breaks lines where the page did.
/// </summary>
internal static class RestorerTokens
{
    public static List<RestorerToken> Split(string text)
    {
        var tokens = new List<RestorerToken>(text.Length / 4);
        var lineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || Joins(text, i))) i++;
                var glued = start > 0 && text[start - 1] is '/' or '-' || i < text.Length && text[i] is '/' or '-';
                var address = start > 1 && text[start - 1] is '.' or '@' && char.IsLetterOrDigit(text[start - 2])
                    || i + 1 < text.Length && text[i] is '.' or '@' && char.IsLetter(text[i + 1]);
                var label = lineStart && i < text.Length && text[i] is ')' or '.' && IsLabel(text.AsSpan(start, i - start));
                tokens.Add(new RestorerToken(start, i - start, TokenKind.Word,
                    address || label || glued && IsCode(text.AsSpan(start, i - start))));
                lineStart = false;
                continue;
            }
            if (c == '\n')
            {
                // a blank line ends a paragraph
                var j = i + 1;
                while (j < text.Length && text[j] is ' ' or '\t' or '\r') j++;
                if (j < text.Length && text[j] == '\n') tokens.Add(new RestorerToken(i, 1, TokenKind.Boundary));
                lineStart = true;
            }
            else if (c == ',') tokens.Add(new RestorerToken(i, 1, TokenKind.Comma));
            else if (c is '.' or ';' or ':' or '!' or '?' or '(' or ')' or '"' or '“' or '”' or '…'
                     || lineStart && c is '-' or '+' or '•' or '–' or '—' or '*')
                tokens.Add(new RestorerToken(i, 1, TokenKind.Boundary));
            if (!char.IsWhiteSpace(c)) lineStart = false;
            i++;
        }
        return tokens;
    }

    /// <summary>The sentences: runs of words and commas between boundaries (indices into the tokens).</summary>
    public static IEnumerable<List<int>> Segments(string text, List<RestorerToken> tokens)
    {
        var segment = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Boundary)
            {
                if (segment.Count > 0) yield return segment;
                segment = [];
                continue;
            }
            if (token.Kind == TokenKind.Comma && (segment.Count == 0 || tokens[segment[^1]].Kind == TokenKind.Comma)) continue;
            segment.Add(i);
        }
        if (segment.Count > 0) yield return segment;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark
        || c is '¢' or '§' or '¥' or '€' or '£' or '@' or '©' or '®';

    /// <summary>An apostrophe between letters ("tu’6ng"), a comma or dot between digits ("94,9").</summary>
    private static bool Joins(string text, int i)
    {
        if (i == 0 || i + 1 >= text.Length) return false;
        var c = text[i];
        if (c is '\'' or '’') return IsWordChar(text[i - 1]) && IsWordChar(text[i + 1]);
        if (c is ',' or '.') return char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);
        return false;
    }

    /// <summary>An outline label at the start of a line: "a)", "đ)", "b.", "¢)", "c¢)", "II.", "IV)" — the reader's outline, never a word.</summary>
    private static bool IsLabel(ReadOnlySpan<char> word)
    {
        if (word.Length == 1) return true; // a letter, or the symbol OCR wrote for one ("¢)" for "c)")
        if (word.Length <= 4 && word.IndexOfAnyExcept("IVXL") < 0) return true;
        var letters = 0;
        foreach (var c in word) if (char.IsLetter(c)) letters++;
        return letters == 1 && word.Length <= 2; // "c¢)": OCR's stray symbol beside the letter
    }

    /// <summary>Part of a document code or number ("545/UBND-NV", "V/v", "TB-VPCP", "QĐ-TTg", "42/TTr-VPUB"): upper case,
    /// digits, one letter, or two capitals and more letters (the codes' "TTg" Thủ tướng, "TTr" tờ trình).</summary>
    private static bool IsCode(ReadOnlySpan<char> word)
    {
        var letters = 0;
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsDigit(c)) return true;
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters <= 1 || upper == letters || word.Length >= 3 && char.IsUpper(word[0]) && char.IsUpper(word[1]);
    }
}

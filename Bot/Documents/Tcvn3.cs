using System.Collections.Frozen;
using System.Text;

namespace Bot.Documents;

/// <summary>
/// TCVN3 (TCVN 5712:1993 "ABC", the ".VnTime" fonts): one byte per letter. ASCII stays ASCII;
/// Vietnamese letters sit in 0xA1–0xFE. Capital letters with a tone mark have no code: old files
/// set headings in the ".VnTimeH" font, which draws the lower-case codes as capitals, so such a
/// heading decodes as "HUYệN" — see <see cref="RestoreCapitals"/>. Bytes without a Vietnamese letter
/// read as Windows-1252.
/// </summary>
internal static class Tcvn3
{
    // byte → letter. For each vowel the tones come in TCVN3's order: grave, hook, tilde, acute, dot.
    // Seen through a Windows-1252 font the same bytes show as e.g. "ViÖt Nam", "§éc lËp".
    private static readonly (byte Code, char Letter)[] Table =
    [
        (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'), (0xA7, 'Đ'),
        (0xA8, 'ă'), (0xA9, 'â'), (0xAA, 'ê'), (0xAB, 'ô'), (0xAC, 'ơ'), (0xAD, 'ư'), (0xAE, 'đ'),
        (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB8, 'á'), (0xB9, 'ạ'), // a
        (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xBE, 'ắ'), (0xC6, 'ặ'), // ă (its dot form comes after the gap)
        (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCA, 'ấ'), (0xCB, 'ậ'), // â
        (0xCC, 'è'), (0xCE, 'ẻ'), (0xCF, 'ẽ'), (0xD0, 'é'), (0xD1, 'ẹ'), // e
        (0xD2, 'ề'), (0xD3, 'ể'), (0xD4, 'ễ'), (0xD5, 'ế'), (0xD6, 'ệ'), // ê
        (0xD7, 'ì'), (0xD8, 'ỉ'), (0xDC, 'ĩ'), (0xDD, 'í'), (0xDE, 'ị'), // i
        (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE3, 'ó'), (0xE4, 'ọ'), // o
        (0xE5, 'ồ'), (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE8, 'ố'), (0xE9, 'ộ'), // ô
        (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xED, 'ớ'), (0xEE, 'ợ'), // ơ
        (0xEF, 'ù'), (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF3, 'ú'), (0xF4, 'ụ'), // u
        (0xF5, 'ừ'), (0xF6, 'ử'), (0xF7, 'ữ'), (0xF8, 'ứ'), (0xF9, 'ự'), // ư
        (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'), (0xFD, 'ý'), (0xFE, 'ỵ'), // y
    ];

    private static readonly char[] Decoding = BuildDecoding();
    private static readonly FrozenDictionary<char, byte> Encoding = Table.ToFrozenDictionary(e => e.Letter, e => e.Code);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes) sb.Append(Decoding[b]);
        return sb.ToString();
    }

    /// <summary>
    /// Puts back the capitals of headings set in ".VnTimeH": a word whose plain letters are two or more
    /// capitals but whose Vietnamese letters are small ("HUYệN") is such a heading word, and so is every
    /// word of its line that starts with a capital ("Tø Kú" = "TỨ KỲ"). "Số: 15/KH" has no such word and stays.
    /// </summary>
    public static string RestoreCapitals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => c > '\u007F' && char.IsLower(c))) return text;
        return string.Join('\n', text.Split('\n').Select(RestoreLine));

        static string RestoreLine(string line)
        {
            var words = line.Split(' ');
            if (!words.Any(IsHeadingWord)) return line;
            return string.Join(' ', words.Select(w => w.Length > 0 && char.IsUpper(w[0]) && !w.Any(char.IsAsciiLetterLower)
                ? w.ToUpperInvariant()
                : w));
        }

        static bool IsHeadingWord(string word) =>
            word.Count(char.IsAsciiLetterUpper) >= 2 && !word.Any(char.IsAsciiLetterLower)
            && word.Any(c => c > '\u007F' && char.IsLower(c));
    }

    /// <summary>Writes text in TCVN3 (tests use it to make old-style files). Letters TCVN3 cannot
    /// hold (a capital with a tone mark, other scripts) are refused.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text.Normalize(NormalizationForm.FormC);
        var bytes = new byte[nfc.Length];
        for (var i = 0; i < nfc.Length; i++)
        {
            var c = nfc[i];
            if (c < 0x80) bytes[i] = (byte)c;
            else if (Encoding.TryGetValue(c, out var b)) bytes[i] = b;
            else throw new ArgumentException($"TCVN3 has no code for '{c}'.", nameof(text));
        }
        return bytes;
    }

    private static char[] BuildDecoding()
    {
        var windows1252 = CodePages.Windows1252;
        var table = new char[256];
        for (var b = 0; b < 256; b++) table[b] = windows1252.GetString([(byte)b])[0];
        foreach (var (code, letter) in Table) table[code] = letter;
        return table;
    }
}

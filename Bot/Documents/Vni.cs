using System.Collections.Frozen;
using System.Text;

namespace Bot.Documents;

/// <summary>
/// VNI (the "VNI-Times" fonts): a plain base letter followed by one mark byte, e.g. "e" + 0xE4 = "ệ".
/// A few letters are a single byte (đ, ơ, ư and some forms of i and y). Below, each byte is shown
/// as the Windows-1252 glyph a reader sees when the VNI font is missing ("Vieät Nam" = "Việt Nam").
/// Decoding swaps each mark for Unicode combining marks and composes (NFC), so "e" + "ä" → e + ̂ + ̣ → "ệ".
/// </summary>
internal static class Vni
{
    // One byte, one letter.
    private static readonly (char Glyph, char Letter)[] Letters =
    [
        ('ñ', 'đ'), ('Ñ', 'Đ'),
        ('ô', 'ơ'), ('Ô', 'Ơ'), // "o" + "â" is ô; the byte 0xF4 alone is ơ
        ('ö', 'ư'), ('Ö', 'Ư'),
        ('ì', 'ì'), ('Ì', 'Ì'), ('í', 'í'), ('Í', 'Í'),
        ('æ', 'ỉ'), ('Æ', 'Ỉ'), ('ó', 'ĩ'), ('Ó', 'Ĩ'), ('ò', 'ị'), ('Ò', 'Ị'),
        ('î', 'ỵ'), ('Î', 'Ỵ'),
    ];

    // Mark bytes that follow a base letter, lower- and upper-case glyphs, with the combining marks they stand for.
    private static readonly (char Lower, char Upper, string Marks)[] MarkTable =
    [
        ('ø', 'Ø', "\u0300"), // huyền (grave)
        ('ù', 'Ù', "\u0301"), // sắc (acute)
        ('û', 'Û', "\u0309"), // hỏi (hook above)
        ('õ', 'Õ', "\u0303"), // ngã (tilde)
        ('ï', 'Ï', "\u0323"), // nặng (dot below)
        ('â', 'Â', "\u0302"), // mũ (circumflex): â ê ô
        ('á', 'Á', "\u0302\u0301"), // mũ + sắc: ấ ế ố
        ('à', 'À', "\u0302\u0300"), // mũ + huyền: ầ ề ồ
        ('å', 'Å', "\u0302\u0309"), // mũ + hỏi: ẩ ể ổ
        ('ã', 'Ã', "\u0302\u0303"), // mũ + ngã: ẫ ễ ỗ
        ('ä', 'Ä', "\u0302\u0323"), // mũ + nặng: ậ ệ ộ
        ('ê', 'Ê', "\u0306"), // trăng (breve): ă
        ('é', 'É', "\u0306\u0301"), // trăng + sắc: ắ
        ('è', 'È', "\u0306\u0300"), // trăng + huyền: ằ
        ('ú', 'Ú', "\u0306\u0309"), // trăng + hỏi: ẳ
        ('ü', 'Ü', "\u0306\u0303"), // trăng + ngã: ẵ
        ('ë', 'Ë', "\u0306\u0323"), // trăng + nặng: ặ
    ];

    private static readonly string[] Decoding = BuildDecoding();
    private static readonly FrozenDictionary<char, char> LetterGlyphs = Letters.ToFrozenDictionary(e => e.Letter, e => e.Glyph);
    private static readonly FrozenDictionary<string, (char Lower, char Upper)> MarkGlyphs =
        MarkTable.ToFrozenDictionary(e => CanonicalMarks(e.Marks), e => (e.Lower, e.Upper), StringComparer.Ordinal);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes) sb.Append(Decoding[b]);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Writes text in VNI (tests use it to make old-style files); refuses letters VNI cannot hold.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length * 2);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c < 0x80) bytes.Add((byte)c);
            else if (LetterGlyphs.TryGetValue(c, out var glyph)) bytes.Add((byte)glyph);
            else EncodeDecomposed(c, bytes);
        }
        return [.. bytes];
    }

    private static void EncodeDecomposed(char c, List<byte> bytes)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var baseLetter = decomposed[0];
        var marks = decomposed[1..];
        if (marks.Contains('\u031B', StringComparison.Ordinal)) // horn: the base becomes the one-byte ơ or ư
        {
            var horned = (baseLetter + "\u031B").Normalize(NormalizationForm.FormC)[0];
            baseLetter = LetterGlyphs[horned];
            marks = marks.Replace("\u031B", "", StringComparison.Ordinal);
        }
        if (baseLetter >= 0x100 || !MarkGlyphs.TryGetValue(CanonicalMarks(marks), out var glyphs))
            throw new ArgumentException($"VNI has no code for '{c}'.", nameof(c));
        bytes.Add((byte)baseLetter);
        bytes.Add((byte)(char.IsUpper(c) ? glyphs.Upper : glyphs.Lower));
    }

    // Combining marks in Unicode's canonical order, so "dot + circumflex" and "circumflex + dot" match.
    private static string CanonicalMarks(string marks) => ("a" + marks).Normalize(NormalizationForm.FormD)[1..];

    private static string[] BuildDecoding()
    {
        var windows1252 = CodePages.Windows1252;
        var table = new string[256];
        for (var b = 0; b < 256; b++) table[b] = windows1252.GetString([(byte)b]);
        foreach (var (glyph, letter) in Letters) table[glyph] = letter.ToString();
        foreach (var (lower, upper, marks) in MarkTable)
        {
            table[lower] = marks;
            table[upper] = marks;
        }
        return table;
    }
}

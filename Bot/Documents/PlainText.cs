using System.Text;

namespace Bot.Documents;

/// <summary>
/// Decodes a .txt file. In order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without a
/// mark is recognised by its zero bytes; other zero or control bytes mean the file is not text;
/// strict UTF-8 is tried next; what is left is decoded as TCVN3, VNI, Windows-1258 and UTF-8 with
/// damaged bytes, and the decoding that yields the most valid Vietnamese syllables wins.
/// </summary>
internal static class PlainText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The candidates for text that is not valid UTF-8. The last is UTF-8 with a few damaged bytes
    // (shown as U+FFFD): it wins when most of the file is UTF-8 after all.
    private static readonly (string Name, Func<byte[], string> Decode)[] EightBit =
    [
        ("TCVN3", bytes => Tcvn3.RestoreCapitals(Tcvn3.Decode(bytes))),
        ("VNI", bytes => Vni.Decode(bytes)),
        ("Windows-1258", bytes => CodePages.Windows1258.GetString(bytes).Normalize(NormalizationForm.FormC)),
        ("UTF-8 (damaged)", bytes => Encoding.UTF8.GetString(bytes)),
    ];

    // Enough text to tell the encodings apart; the whole file is then decoded with the winner.
    private const int SampleBytes = 256 * 1024;

    /// <summary>The text and the name of the encoding it was read in.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        bytes = WithoutEndOfFileMark(bytes);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "UTF-8");
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Utf16(bytes.AsSpan(2), bigEndian: false), "UTF-16LE");
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Utf16(bytes.AsSpan(2), bigEndian: true), "UTF-16BE");
        if (Utf16WithoutMark(bytes) is { } utf16) return utf16;
        if (LooksBinary(bytes)) throw DocumentException.NotText();
        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            // not UTF-8: an older 8-bit encoding
        }
        var sample = bytes.Length <= SampleBytes ? bytes : bytes[..SampleBytes];
        var best = EightBit.MaxBy(candidate => VietnameseSyllables.DecodingScore(candidate.Decode(sample)));
        return (best.Decode(bytes), best.Name);
    }

    /// <summary>Old DOS editors ended text files with Ctrl+Z (0x1A); it is not part of the text.</summary>
    private static byte[] WithoutEndOfFileMark(byte[] bytes) => bytes is [.., 0x1A] ? bytes[..^1] : bytes;

    private static string Utf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        try
        {
            return new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw DocumentException.NotText();
        }
    }

    /// <summary>
    /// UTF-16 text without a byte-order mark: ASCII characters (spaces, digits, most Vietnamese
    /// letters) have a zero high byte, so zeros fill one of the two byte positions and almost never
    /// the other. A binary file has zeros scattered over both.
    /// </summary>
    private static (string, string)? Utf16WithoutMark(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return null;
        int zerosEven = 0, zerosOdd = 0;
        for (var i = 0; i < bytes.Length; i += 2)
        {
            if (bytes[i] == 0) zerosEven++;
            if (bytes[i + 1] == 0) zerosOdd++;
        }
        var pairs = bytes.Length / 2;
        if (zerosOdd >= pairs * 0.3 && zerosEven <= pairs * 0.02) return (TryUtf16(bytes, bigEndian: false), "UTF-16LE");
        if (zerosEven >= pairs * 0.3 && zerosOdd <= pairs * 0.02) return (TryUtf16(bytes, bigEndian: true), "UTF-16BE");
        return null;
    }

    private static string TryUtf16(byte[] bytes, bool bigEndian)
    {
        var text = Utf16(bytes, bigEndian);
        if (HasControlCharacters(text)) throw DocumentException.NotText();
        return text;
    }

    /// <summary>Zero bytes, or more than a few control bytes other than tab, line ends and form feed.</summary>
    private static bool LooksBinary(byte[] bytes)
    {
        var controls = 0;
        foreach (var b in bytes)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D)) controls++;
        }
        return controls > bytes.Length / 100;
    }

    private static bool HasControlCharacters(string text)
    {
        var controls = text.Count(c => c < ' ' && c is not ('\t' or '\n' or '\f' or '\r'));
        return controls > text.Length / 100;
    }
}

using System.Text;

namespace Bot.Documents;

/// <summary>
/// Old PDF and Word files often carry TCVN3 or VNI text in Unicode clothing: the document was typed
/// with a ".VnTime" or "VNI-Times" font, so its text layer holds the Western glyphs of the legacy
/// bytes ("ViÖt Nam", "Vieät Nam"). The encoding is the one whose reading turns the most words that
/// are not Vietnamese as they stand into valid syllables. It is applied line by line (a line is set in
/// one font): a line where at least half the words with Western letters are repaired that way is
/// read back in full; a line with letters beyond Latin-1 (ư, ơ, ệ...) is already Unicode and stays.
/// </summary>
internal static class LegacyFonts
{
    private static readonly Encoding Strict1252 = Encoding.GetEncoding(
        CodePages.Windows1252.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>A legacy encoding: how to read one word's bytes, and what to do to a line once read.</summary>
    private sealed record Legacy(Func<byte[], string> Decode, Func<string, string> FinishLine);

    private static readonly Legacy[] Encodings =
    [
        new(bytes => Tcvn3.Decode(bytes), Tcvn3.RestoreCapitals),
        new(bytes => Vni.Decode(bytes), line => line),
    ];

    // Fewer repaired words than this is chance (a name with "ö", a stray symbol), not a legacy font.
    private const int MinimumRepairs = 3;

    public static string Repair(string text)
    {
        if (!text.Any(c => c is >= '\u0080' and <= '\u00FF')) return text;
        var lines = text.Split('\n');
        var (legacy, repairs) = Encodings
            .Select(e => (Encoding: e, Repairs: lines.Sum(line => Suspects(line).Count(w => Repairs(w, e.Decode)))))
            .MaxBy(e => e.Repairs);
        return repairs < MinimumRepairs ? text : string.Join('\n', lines.Select(line => RepairLine(line, legacy)));
    }

    private static string RepairLine(string line, Legacy legacy)
    {
        var words = Suspects(line).ToList();
        if (words.Count == 0 || line.Any(c => c > '\u00FF' && char.IsLetter(c))) return line;
        if (words.Count(w => Repairs(w, legacy.Decode)) * 2 < words.Count) return line;
        var sb = new StringBuilder(line.Length);
        var at = 0;
        foreach (var range in VietnameseSyllables.TokenRanges(line))
        {
            var bytes = GlyphBytes(line[range]);
            if (bytes is null) continue;
            var read = legacy.Decode(bytes);
            if (!VietnameseSyllables.IsSyllable(read)) continue;
            var (start, length) = range.GetOffsetAndLength(line.Length);
            sb.Append(line, at, start - at).Append(read);
            at = start + length;
        }
        return legacy.FinishLine(sb.Append(line, at, line.Length - at).ToString());
    }

    /// <summary>The words of a line that have Western (non-ASCII) glyphs only.</summary>
    private static IEnumerable<string> Suspects(string line) =>
        VietnameseSyllables.TokenRanges(line)
            .Select(r => line[r])
            .Where(w => w.Any(c => c > '\u007F') && GlyphBytes(w) is not null);

    /// <summary>A word that is not Vietnamese as it stands and is once its glyphs are read as legacy bytes.</summary>
    private static bool Repairs(string word, Func<byte[], string> decode) =>
        !VietnameseSyllables.IsSyllable(word) && VietnameseSyllables.IsSyllable(decode(GlyphBytes(word)!));

    /// <summary>The bytes a word's glyphs stand for in a Western font, or null if it has other characters.</summary>
    private static byte[]? GlyphBytes(string word)
    {
        try
        {
            return Strict1252.GetBytes(word);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }
}

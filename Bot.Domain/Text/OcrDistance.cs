namespace Bot.Domain.Text;

/// <summary>
/// How far a folded word read by OCR is from a folded word we expect. An edit distance where
/// the confusions OCR makes on Vietnamese glyphs are cheap: a letter whose diacritic was read
/// as another letter or digit ("ă" → "d", "ơ" → "e", "ư" → "w", "ô" → "6"), "Đ" read as "P",
/// "l" read as "1". Any other edit costs 1.
/// </summary>
public static class OcrDistance
{
    /// <summary>The price of one glyph confusion.</summary>
    public const double Confusion = 0.4;

    // (what OCR wrote, what it stands for). Learnt from the shape of Vietnamese letters under
    // scanning noise, not from particular words.
    private static readonly (string Seen, string Meant)[] Confusions =
    [
        // a, ă, â, á, ả … read as a digit, "d" or another vowel
        ("4", "a"), ("3", "a"), ("d", "a"), ("e", "a"), ("i", "a"), ("id", "a"), ("o", "a"), ("@", "a"),
        // o, ô, ơ, ố … read as a digit, "b", "d", "c" or "e"
        ("6", "o"), ("0", "o"), ("b", "o"), ("d", "o"), ("e", "o"), ("c", "o"), ("oe", "o"), ("é", "o"),
        // ư and ươ read as "w", "tr", "ir", "tw", "uw", "we"
        ("w", "u"), ("uw", "u"), ("ir", "u"), ("tr", "u"), ("tt", "u"), ("tm", "u"), ("ii", "u"), ("we", "uo"), ("wo", "uo"), ("wd", "uo"),
        // ê, ế, ệ read as "c", "é", "¢" (folded to c), "i"
        ("c", "e"), ("i", "e"), ("a", "e"), ("o", "e"),
        // consonants: Đ → P/B, l → 1/I, c → e, rn → m
        ("p", "d"), ("b", "d"), ("1", "l"), ("i", "l"), ("l", "i"), ("1", "i"), ("e", "c"), ("rn", "m"), ("g", "q"), ("q", "g"),
        // y and i are written for each other ("tỷ lệ" / "tỉ lệ"), and "ỵ" is often read as "g"
        ("y", "i"), ("i", "y"), ("g", "y"), ("9", "g"),
    ];

    private static readonly HashSet<(string Seen, string Meant)> Known = [.. Confusions];

    /// <summary>Letters OCR may make of others (the confusions' meant side); every other letter of a word must be read as it is.</summary>
    private static readonly HashSet<char> Confusable = [.. Confusions.SelectMany(c => c.Meant)];

    /// <summary>
    /// False when <see cref="Like"/> must be false: a word of up to five letters allows no edit but two confusions, so
    /// each of its letters that OCR confuses with none must be seen ("phoi" needs a "p" and an "h"). A cheap test
    /// before the distance, for the cue words checked against every word before a unit.
    /// </summary>
    public static bool MayBeLike(ReadOnlySpan<char> seen, string meant)
    {
        ArgumentNullException.ThrowIfNull(meant);
        if (Allowance(meant.Length) >= 1) return true;
        for (var i = 0; i < meant.Length; i++)
        {
            var c = meant[i];
            if (Confusable.Contains(c) || meant.AsSpan(0, i).Contains(c)) continue;
            if (meant.AsSpan().Count(c) > seen.Count(c)) return false;
        }
        return true;
    }

    /// <summary>True when OCR is known to write <paramref name="seen"/> for <paramref name="meant"/> (both folded).</summary>
    public static bool Confuses(string seen, string meant) => Known.Contains((seen, meant));

    private static readonly ILookup<char, (string Seen, string Meant)> BySeenFirst =
        Confusions.ToLookup(c => c.Seen[0]);

    /// <summary>Weighted distance between an OCR word and an expected word, both folded.</summary>
    public static double Between(string seen, string meant)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(meant);
        if (seen == meant) return 0;
        int n = seen.Length, m = meant.Length;
        var d = new double[n + 1, m + 1];
        for (var i = 0; i <= n; i++) for (var j = 0; j <= m; j++) d[i, j] = double.MaxValue;
        d[0, 0] = 0;
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= m; j++)
            {
                var here = d[i, j];
                if (here == double.MaxValue) continue;
                if (i < n) Relax(d, i + 1, j, here + 1);                      // OCR added a glyph
                if (j < m) Relax(d, i, j + 1, here + 1);                      // OCR lost a glyph
                if (i < n && j < m) Relax(d, i + 1, j + 1, here + (seen[i] == meant[j] ? 0 : 1));
                if (i == n) continue;
                foreach (var (s, t) in BySeenFirst[seen[i]])
                {
                    if (i + s.Length <= n && j + t.Length <= m
                        && string.CompareOrdinal(seen, i, s, 0, s.Length) == 0
                        && string.CompareOrdinal(meant, j, t, 0, t.Length) == 0)
                    {
                        Relax(d, i + s.Length, j + t.Length, here + Confusion);
                    }
                }
            }
        }
        return d[n, m];
    }

    /// <summary>
    /// The most a word of this length may be off and still be read as it: short words only
    /// through glyph confusions, longer ones with one stray edit besides.
    /// </summary>
    public static double Allowance(int length) => length switch
    {
        <= 2 => Confusion,
        <= 5 => 2 * Confusion,
        <= 7 => 3 * Confusion,
        _ => 1 + Confusion,
    };

    /// <summary>True when the OCR word can be read as the expected word.</summary>
    public static bool Like(string seen, string meant)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(meant);
        if (seen == meant) return true;
        if (Math.Abs(seen.Length - meant.Length) > 2) return false;
        // A plain number never stands for a word, nor a word for a number.
        if (seen.All(char.IsAsciiDigit) != meant.All(char.IsAsciiDigit)) return false;
        // The first letter survives OCR, or is one of the known confusions (Đ → P).
        return Between(seen, meant) <= Allowance(meant.Length);
    }

    private static void Relax(double[,] d, int i, int j, double cost)
    {
        if (cost < d[i, j]) d[i, j] = cost;
    }
}

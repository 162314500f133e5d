namespace Bot.Domain.Text;

/// <summary>
/// How much of a corrected text another text reproduces: the share of the corrected text's
/// syllables (runs of letters) found exactly, case and marks included, when the two are aligned
/// word by word over the whole text (words compared folded, so a damaged word still pairs with
/// its correction). The measure of the restorer, as seeds/restored/README.md defines it.
/// </summary>
public static class SyllableScore
{
    public readonly record struct Result(int Right, int Total)
    {
        public double Share => Total == 0 ? 1 : (double)Right / Total;

        public static Result operator +(Result a, Result b) => new(a.Right + b.Right, a.Total + b.Total);
    }

    public static Result Of(string gold, string text)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(text);
        var g = Runs(VietnameseText.Normalize(gold));
        var t = Runs(VietnameseText.Normalize(text));
        var right = 0;
        foreach (var (i, j) in Align(g, t))
            if (string.Equals(g[i], t[j], StringComparison.Ordinal)) right++;
        return new Result(right, g.Count);
    }

    /// <summary>Runs of letters (with their marks).</summary>
    public static List<string> Runs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLetter(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsLetter(text[i])) i++;
            runs.Add(text[start..i]);
        }
        return runs;
    }

    private static bool IsLetter(char c) =>
        char.IsLetter(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    /// <summary>Pairs (i, j) of a global alignment; a band around the diagonal keeps long texts fast.</summary>
    private static List<(int, int)> Align(List<string> a, List<string> b)
    {
        const double Gap = 0.55;
        int n = a.Count, m = b.Count;
        var band = Math.Max(80, Math.Abs(n - m) + 80);
        var fa = a.Select(VietnameseText.Fold).ToArray();
        var fb = b.Select(VietnameseText.Fold).ToArray();
        var d = new double[n + 1, m + 1];
        var back = new byte[n + 1, m + 1];
        for (var i = 0; i <= n; i++) for (var j = 0; j <= m; j++) d[i, j] = double.PositiveInfinity;
        d[0, 0] = 0;
        for (var i = 0; i <= n; i++)
        {
            var centre = n == 0 ? 0 : (int)((long)i * m / n);
            for (var j = Math.Max(0, centre - band); j <= Math.Min(m, centre + band); j++)
            {
                if (i == 0 && j == 0) continue;
                var best = double.PositiveInfinity;
                byte how = 0;
                if (i > 0 && j > 0 && d[i - 1, j - 1] + Cost(fa[i - 1], fb[j - 1]) is var diagonal && diagonal < best) (best, how) = (diagonal, 1);
                if (i > 0 && d[i - 1, j] + Gap is var up && up < best) (best, how) = (up, 2);
                if (j > 0 && d[i, j - 1] + Gap is var left && left < best) (best, how) = (left, 3);
                d[i, j] = best;
                back[i, j] = how;
            }
        }
        var pairs = new List<(int, int)>();
        int x = n, y = m;
        while (x > 0 || y > 0)
        {
            switch (back[x, y])
            {
                case 1: pairs.Add((x - 1, y - 1)); x--; y--; break;
                case 2: x--; break;
                case 3: y--; break;
                default: return pairs; // outside the band: stop rather than loop
            }
        }
        pairs.Reverse();
        return pairs;
    }

    private static double Cost(string a, string b)
    {
        if (a == b) return 0;
        var n = a.Length;
        var m = b.Length;
        Span<int> previous = stackalloc int[m + 1];
        Span<int> current = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++) previous[j] = j;
        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            for (var j = 1; j <= m; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            current.CopyTo(previous);
        }
        return Math.Min(1.0, (double)previous[m] / Math.Max(Math.Max(n, m), 1));
    }
}

using System.Globalization;

namespace Bot.Domain.Text;

/// <summary>
/// How an English-model OCR reads Vietnamese: the cost (−ln P) of reading a syllable as a given
/// string. Letters are read one by one as zero to three characters ("ộ" → "o", "6", "é";
/// "ư" → "tr"; "đ" → "d"), learnt by aligning synthetic scans with their text; a whole-word
/// reading seen often ("của" → "cia") is known as such and blended in. Both sides lower case.
/// Read from the text form scripts/models/build.py writes ("\letters:", "\insertions:", "\words:").
/// </summary>
public sealed class OcrErrorModel
{
    private const int MaxChunk = 3;
    private const double WordWeight = 2.0; // how many sightings the letter model counts for against the word table

    private readonly Dictionary<(char Clean, string Read), float> _letters = [];
    private readonly Dictionary<char, float> _insertions = [];
    private readonly Dictionary<string, Dictionary<string, int>> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _wordTotals = new(StringComparer.Ordinal);
    private float _other = 7f;

    private OcrErrorModel() { }

    public static OcrErrorModel Read(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = new OcrErrorModel();
        var section = "";
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '\\')
            {
                var parts = line.Split('\t');
                if (parts[0] == "\\other") model._other = float.Parse(parts[1], CultureInfo.InvariantCulture);
                else section = parts[0];
                continue;
            }
            var f = line.Split('\t');
            switch (section)
            {
                case "\\letters:" when f.Length == 3 && f[0].Length == 1:
                    model._letters[(f[0][0], f[1])] = float.Parse(f[2], CultureInfo.InvariantCulture);
                    break;
                case "\\insertions:" when f.Length == 2 && f[0].Length == 1:
                    model._insertions[f[0][0]] = float.Parse(f[1], CultureInfo.InvariantCulture);
                    break;
                case "\\words:" when f.Length == 3:
                {
                    var count = int.Parse(f[2], CultureInfo.InvariantCulture);
                    if (!model._words.TryGetValue(f[1], out var byClean)) model._words[f[1]] = byClean = new(StringComparer.Ordinal);
                    byClean[f[0]] = count;
                    model._wordTotals[f[0]] = model._wordTotals.GetValueOrDefault(f[0]) + count;
                    break;
                }
            }
        }
        return model;
    }

    /// <summary>Whole-word readings known for this OCR string: the clean syllables it was seen for.</summary>
    public IEnumerable<string> KnownReadingsOf(string read) =>
        _words.TryGetValue(read, out var byClean) ? byClean.Keys : [];

    /// <summary>−ln P(read | clean): both lower case, NFC.</summary>
    public double Cost(string clean, string read)
    {
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(read);
        var letters = LetterCost(clean, read);
        var total = _wordTotals.GetValueOrDefault(clean);
        if (total == 0) return letters;
        var seen = _words.TryGetValue(read, out var byClean) ? byClean.GetValueOrDefault(clean) : 0;
        return -Math.Log((seen + WordWeight * Math.Exp(-letters)) / (total + WordWeight));
    }

    /// <summary>The cheapest way to read the clean letters as the OCR string, letter by letter.</summary>
    public double LetterCost(string clean, string read)
    {
        int n = clean.Length, m = read.Length;
        Span<double> d = stackalloc double[(n + 1) * (m + 1)];
        d.Fill(double.PositiveInfinity);
        d[0] = 0;
        var width = m + 1;
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= m; j++)
            {
                var here = d[i * width + j];
                if (double.IsPositiveInfinity(here)) continue;
                if (j < m) Relax(d, i * width + j + 1, here + InsertionCost(read[j]));
                if (i == n) continue;
                for (var k = 0; k <= MaxChunk && j + k <= m; k++)
                    Relax(d, (i + 1) * width + j + k, here + ChunkCost(clean[i], read.AsSpan(j, k)));
            }
        }
        return d[n * width + m];
    }

    private double ChunkCost(char clean, ReadOnlySpan<char> read)
    {
        // one-character chunks (most probes) use interned strings rather than a new one per probe
        if (read.Length == 1)
        {
            if (_letters.TryGetValue((clean, OneChar(read[0])), out var one)) return one;
        }
        else if (_letters.TryGetValue((clean, read.ToString()), out var cost)) return cost;
        return Unseen(clean, read);
    }

    private double Unseen(char clean, ReadOnlySpan<char> read)
    {
        if (read.Length == 1 && read[0] == clean) return 0.5;
        if (read.Length == 1 && VietnameseText.Fold(read[0]) == VietnameseText.Fold(clean)) return 3.0;
        if (read.Length == 0) return _other;
        return _other + read.Length;
    }

    private double InsertionCost(char read) => _insertions.TryGetValue(read, out var cost) ? cost : _other + 1;

    private static void Relax(Span<double> d, int at, double cost)
    {
        if (cost < d[at]) d[at] = cost;
    }

    private static readonly string[] OneCharStrings = Enumerable.Range(0, 0x2000).Select(c => ((char)c).ToString()).ToArray();

    private static string OneChar(char c) => c < OneCharStrings.Length ? OneCharStrings[c] : c.ToString();
}

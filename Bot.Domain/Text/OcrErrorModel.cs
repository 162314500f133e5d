using System.Globalization;
using System.Runtime.CompilerServices;

namespace Bot.Domain.Text;

/// <summary>
/// How an English-model OCR reads Vietnamese: the cost (−ln P) of reading a clean syllable as a
/// given string. Each clean letter is read as zero to three characters ("ộ" → "o", "6", "é";
/// "ư" → "tr"; "đ" → "d"), learnt by aligning synthetic scans with their text; a reading never
/// seen for a marked letter falls back to what its base letter was read as ("á" → "é" from
/// "a" → "e"), then to the shapes OCR is known to confuse (<see cref="OcrDistance"/>: Đ → P, l → 1).
/// A whole-word reading seen often ("của" → "cia") is known as such and blended in.
/// Both sides lower case, NFC. Read from the text form scripts/models/build.py writes.
/// </summary>
public sealed class OcrErrorModel
{
    public const int MaxChunk = 3;
    // How many sightings the letter model counts for against the word table: many, since the synthetic scans'
    // whole-word readings are peculiar to them ("hóa" read as "héa", seldom "hoa" as real scans read it).
    private const double WordWeight = 200;
    private const double BasePenalty = 1.5;    // a reading known only for the base letter
    private const double PriorCost = 4.0;      // a known shape confusion never seen in the synthetic scans

    // A mark lost ("ố" read as "o", "ư" as "u") costs at most this: real scans lose marks more often than the
    // synthetic ones (the samples' words keep their marks 16% of the time), which read them as stray letters instead.
    private const double MarkLossCost = 1.0;

    private readonly Dictionary<(char Clean, string Read), float> _letters = [];
    private readonly Dictionary<(char Base, string Read), float> _bases = [];
    private readonly Dictionary<char, float> _insertions = [];
    private readonly Dictionary<string, Dictionary<string, int>> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _wordTotals = new(StringComparer.Ordinal);
    private float _other = 7f;

    // Fast tables, built once: one-character readings by (clean letter, read character), and the
    // longer readings (and the deletion) of each clean letter as a short list.
    private readonly Dictionary<char, int> _cleanIndex = [];
    private readonly Dictionary<char, int> _readIndex = [];
    private float[] _single = [];
    private int _readCount;
    private float[] _deletion = [];
    private (string Read, float Cost)[]?[][] _multi = []; // by the reading's last character's column

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
                case "\\bases:" when f.Length == 3 && f[0].Length == 1:
                    model._bases[(f[0][0], f[1])] = float.Parse(f[2], CultureInfo.InvariantCulture);
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
        model.BuildTables();
        return model;
    }

    /// <summary>The settings a reading's cost depends on besides the table (for the precomputed readings' fingerprint).</summary>
    public static string Settings => string.Create(CultureInfo.InvariantCulture,
        $"word weight {WordWeight}, base {BasePenalty}, prior {PriorCost}, mark loss {MarkLossCost}");

    /// <summary>Every OCR string the word table knows a reading for.</summary>
    public IEnumerable<string> WordReadings => _words.Keys;

    /// <summary>Whole-word readings known for this OCR string: the clean syllables it was seen for.</summary>
    public IEnumerable<string> KnownReadingsOf(string read) =>
        _words.TryGetValue(read, out var byClean) ? byClean.Keys : [];

    /// <summary>−ln P(read | clean): both lower case, NFC.</summary>
    public double Cost(string clean, string read)
    {
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(read);
        Span<float> row = stackalloc float[read.Length + 1];
        Span<float> next = stackalloc float[read.Length + 1];
        Start(read, row);
        foreach (var c in clean)
        {
            Step(row, c, read, next);
            next.CopyTo(row);
        }
        return WithWord(clean, read, row[read.Length]);
    }

    /// <summary>The cost of a whole clean word given its letter-by-letter cost: blended with the word table.</summary>
    public double WithWord(string clean, string read, double letters)
    {
        var total = _wordTotals.GetValueOrDefault(clean);
        if (total == 0) return letters;
        var seen = _words.TryGetValue(read, out var byClean) ? byClean.GetValueOrDefault(clean) : 0;
        return -Math.Log((seen + WordWeight * Math.Exp(-letters)) / (total + WordWeight));
    }

    /// <summary>One OCR word made ready for many alignments: each character's column in the tables and its
    /// insertion cost, so the alignment's inner loop reads arrays only.</summary>
    public sealed class ReadPlan
    {
        internal ReadPlan(string read, int[] columns, float[] insertions)
        {
            Read = read;
            Columns = columns;
            Insertions = insertions;
        }

        public string Read { get; }
        internal int[] Columns { get; }
        internal float[] Insertions { get; }
    }

    /// <summary>Prepares an OCR word (lower case, NFC) for <see cref="Step(ReadOnlySpan{float}, int, char, ReadPlan, Span{float})"/>.</summary>
    public ReadPlan Plan(string read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var columns = new int[read.Length];
        var insertions = new float[read.Length];
        for (var j = 0; j < read.Length; j++)
        {
            columns[j] = _readIndex.TryGetValue(read[j], out var ri) ? ri : -1;
            insertions[j] = InsertionCost(read[j]);
        }
        return new ReadPlan(read, columns, insertions);
    }

    /// <summary>The table index of a clean letter, or −1 for a letter the tables do not have.</summary>
    public int CleanIndex(char clean) => _cleanIndex.TryGetValue(clean, out var i) ? i : -1;

    /// <summary>The first row of the alignment: nothing clean yet, the first j read characters inserted.</summary>
    public void Start(string read, Span<float> row) => Start(Plan(read), row);

    public static void Start(ReadPlan plan, Span<float> row)
    {
        ArgumentNullException.ThrowIfNull(plan);
        row[0] = 0;
        for (var j = 1; j <= plan.Read.Length; j++) row[j] = row[j - 1] + plan.Insertions[j - 1];
    }

    /// <summary>
    /// One clean letter more: row[j] is the cheapest way the clean prefix reads as read[..j]; next gets
    /// the same for the prefix plus <paramref name="clean"/>. Returns the smallest entry of next.
    /// </summary>
    public float Step(ReadOnlySpan<float> row, char clean, string read, Span<float> next) =>
        Step(row, CleanIndex(clean), clean, Plan(read), next);

    /// <summary>The same with the clean letter's table index (<see cref="CleanIndex"/>) and a prepared OCR word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float Step(ReadOnlySpan<float> row, int ci, char clean, ReadPlan plan, Span<float> next)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var read = plan.Read;
        var columns = plan.Columns;
        var insertions = plan.Insertions;
        var m = read.Length;
        var deletion = ci >= 0 ? _deletion[ci] : _other;
        var singles = ci >= 0 ? _single.AsSpan(ci * _readCount, _readCount) : default;
        var multi = ci >= 0 ? _multi[ci] : null;
        var cost = row[0] + deletion;
        next[0] = cost;
        var best = cost;
        for (var j = 1; j <= m; j++)
        {
            var column = columns[j - 1];
            cost = row[j] + deletion;
            var one = row[j - 1] + (column >= 0 && ci >= 0 ? singles[column] : (float)Fallback(clean, read[j - 1].ToString()));
            if (one < cost) cost = one;
            var inserted = next[j - 1] + insertions[j - 1];
            if (inserted < cost) cost = inserted;
            if (multi is not null && column >= 0 && multi[column] is { } chunks)
            {
                foreach (var (chunk, chunkCost) in chunks)
                {
                    var k = chunk.Length;
                    if (k > j || row[j - k] + chunkCost >= cost) continue;
                    if (string.CompareOrdinal(read, j - k, chunk, 0, k) == 0) cost = row[j - k] + chunkCost;
                }
            }
            next[j] = cost;
            if (cost < best) best = cost;
        }
        return best;
    }

    private float InsertionCost(char read) => _insertions.TryGetValue(read, out var cost) ? cost : _other + 1;

    /// <summary>A reading of a clean letter: learnt, else learnt for its base letter, else a known shape confusion.</summary>
    private double Fallback(char clean, string read)
    {
        if (_letters.TryGetValue((clean, read), out var learnt))
            return read.Length == 1 && read[0] != clean && read[0] == VietnameseText.Fold(clean) ? Math.Min(learnt, MarkLossCost) : learnt;
        var baseLetter = VietnameseText.Fold(clean);
        var folded = VietnameseText.Fold(read);
        var cost = double.PositiveInfinity;
        if (_bases.TryGetValue((baseLetter, folded), out var byBase)) cost = byBase + BasePenalty;
        if (read.Length == 1 && read[0] == clean) cost = Math.Min(cost, 0.5);
        else if (read.Length == 1 && read[0] == baseLetter) cost = Math.Min(cost, MarkLossCost);
        else if (read.Length == 1 && folded[0] == baseLetter) cost = Math.Min(cost, 3.0);
        if (OcrDistance.Confuses(folded, baseLetter.ToString())) cost = Math.Min(cost, PriorCost);
        if (double.IsPositiveInfinity(cost)) cost = read.Length == 0 ? _other : _other + read.Length;
        return cost;
    }

    private void BuildTables()
    {
        const string Letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz0123456789";
        var cleans = Letters.Concat(_letters.Keys.Select(k => k.Clean)).Distinct().ToList();
        var reads = Letters.Concat(_letters.Keys.SelectMany(k => k.Read)).Concat(_bases.Keys.SelectMany(k => k.Read))
            .Concat(_insertions.Keys).Concat("¢§¥€£@©®&%$#!|'’\"`~^*()-+=[]{}<>?/\\.,;:_")
            .Distinct().ToList();
        for (var i = 0; i < cleans.Count; i++) _cleanIndex[cleans[i]] = i;
        for (var i = 0; i < reads.Count; i++) _readIndex[reads[i]] = i;
        _readCount = reads.Count;
        _single = new float[cleans.Count * reads.Count];
        _deletion = new float[cleans.Count];
        _multi = new (string, float)[]?[cleans.Count][];
        for (var ci = 0; ci < cleans.Count; ci++)
        {
            var clean = cleans[ci];
            for (var ri = 0; ri < reads.Count; ri++) _single[ci * _readCount + ri] = (float)Fallback(clean, reads[ri].ToString());
            _deletion[ci] = (float)Fallback(clean, "");
            var baseLetter = VietnameseText.Fold(clean);
            _multi[ci] = _letters.Where(e => e.Key.Clean == clean && e.Key.Read.Length >= 2).Select(e => (e.Key.Read, e.Value))
                .Concat(_bases.Where(e => e.Key.Base == baseLetter && e.Key.Read.Length >= 2 && !_letters.ContainsKey((clean, e.Key.Read)))
                    .Select(e => (e.Key.Read, e.Value + (float)BasePenalty)))
                .GroupBy(e => _readIndex[e.Read[^1]])
                .Aggregate(new (string, float)[]?[_readCount], (byColumn, g) =>
                {
                    byColumn[g.Key] = g.OrderBy(e => e.Item2).ToArray();
                    return byColumn;
                });
        }
    }
}

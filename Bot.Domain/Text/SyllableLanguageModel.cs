using System.Globalization;
using System.Runtime.CompilerServices;

namespace Bot.Domain.Text;

/// <summary>
/// A trigram language model over Vietnamese syllables (lower case, old tone placement), acronyms
/// ("UBND", "TTHC"), "," and the classes &lt;n&gt; (a number) and &lt;unk&gt;. Read from the backoff
/// text form that scripts/models/build.py writes: sections "\N-grams: COUNT", then one n-gram a line
/// as "logp TAB words [TAB backoff]", natural logarithms. Probabilities of unseen n-grams back off
/// to shorter ones (Katz form of an interpolated Kneser-Ney model).
/// </summary>
public sealed class SyllableLanguageModel
{
    public const string Number = "<n>", Unknown = "<unk>", Start = "<s>", End = "</s>";

    // The n-grams as sorted arrays, not hash tables: a decoder asks for many words after one context, and a
    // context's followers lie side by side, so a look-up touches one or two cache lines instead of a random entry
    // of a table larger than the cache (the hash tables made the beam search wait on memory: 3x slower).
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private float[] _unigram = [];
    private float[] _unigramBackoff = [];
    private int[] _bigramStart = [];    // by first word v: where v's bigrams begin in the arrays below
    private int[] _bigramWord = [];     // the second word w, ascending within each v
    private float[] _bigram = [];       // ln P(w | v); NaN for a pair listed only as a trigram context
    private float[] _bigramBackoff = [];
    private int[] _trigramStart = [];   // by bigram (u v): where its trigrams begin
    private int[] _trigramWord = [];
    private float[] _trigram = [];
    private int _bigramCount;

    private SyllableLanguageModel() { }

    public int UnknownId { get; private set; }
    public int StartId { get; private set; }
    public int EndId { get; private set; }
    public int NumberId { get; private set; }

    /// <summary>How many n-grams of each order the model holds.</summary>
    public (int Unigrams, int Bigrams, int Trigrams) Size => (_words.Count, _bigramCount, _trigram.Length);

    /// <summary>Reads the model's text form.</summary>
    public static SyllableLanguageModel Read(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = new SyllableLanguageModel();
        var order = 0;
        var unigrams = new List<(float P, float B)>();
        var bigrams = new Dictionary<(int V, int W), (float P, float B)>();
        var trigrams = new List<(int U, int V, int W, float P)>();
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '\\')
            {
                order = line[1] - '0';
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var tab2 = line.IndexOf('\t', tab + 1);
            var logp = float.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture);
            var words = tab2 < 0 ? line[(tab + 1)..] : line[(tab + 1)..tab2];
            var backoff = tab2 < 0 ? 0f : float.Parse(line.AsSpan(tab2 + 1), CultureInfo.InvariantCulture);
            switch (order)
            {
                case 1:
                    model._ids[words] = model._words.Count;
                    model._words.Add(words);
                    unigrams.Add((logp, backoff));
                    break;
                case 2:
                {
                    var space = words.IndexOf(' ', StringComparison.Ordinal);
                    if (!model._ids.TryGetValue(words[..space], out var v) || !model._ids.TryGetValue(words[(space + 1)..], out var w)) continue;
                    bigrams[(v, w)] = (logp, backoff);
                    break;
                }
                case 3:
                {
                    var parts = words.Split(' ');
                    if (parts.Length != 3 || !model._ids.TryGetValue(parts[0], out var u) || !model._ids.TryGetValue(parts[1], out var v)
                        || !model._ids.TryGetValue(parts[2], out var w)) continue;
                    trigrams.Add((u, v, w, logp));
                    break;
                }
            }
        }
        if (!model._ids.ContainsKey(Start))
        {
            model._ids[Start] = model._words.Count;
            model._words.Add(Start);
            unigrams.Add((-99f, 0f));
        }
        model._unigram = unigrams.Select(u => u.P).ToArray();
        model._unigramBackoff = unigrams.Select(u => u.B).ToArray();
        model.Freeze(bigrams, trigrams);
        model.UnknownId = model.Id(Unknown);
        model.StartId = model.Id(Start);
        model.EndId = model.Id(End);
        model.NumberId = model.Id(Number);
        return model;
    }

    private void Freeze(Dictionary<(int V, int W), (float P, float B)> bigrams, List<(int U, int V, int W, float P)> trigrams)
    {
        _bigramCount = bigrams.Count;
        // a trigram's context that is no bigram of its own ("<s> <s>") is listed as one with no probability
        foreach (var (u, v, _, _) in trigrams) bigrams.TryAdd((u, v), (float.NaN, 0f));
        var pairs = bigrams.Keys.Order().ToArray();
        var index = new Dictionary<(int, int), int>(pairs.Length);
        _bigramStart = new int[_words.Count + 1];
        _bigramWord = new int[pairs.Length];
        _bigram = new float[pairs.Length];
        _bigramBackoff = new float[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            var (v, w) = pairs[i];
            index[pairs[i]] = i;
            _bigramStart[v + 1] = i + 1;
            _bigramWord[i] = w;
            (_bigram[i], _bigramBackoff[i]) = bigrams[pairs[i]];
        }
        for (var v = 1; v <= _words.Count; v++) _bigramStart[v] = Math.Max(_bigramStart[v], _bigramStart[v - 1]);

        trigrams.Sort((a, b) => (a.U, a.V, a.W).CompareTo((b.U, b.V, b.W)));
        _trigramStart = new int[pairs.Length + 1];
        _trigramWord = new int[trigrams.Count];
        _trigram = new float[trigrams.Count];
        for (var i = 0; i < trigrams.Count; i++)
        {
            var (u, v, w, p) = trigrams[i];
            _trigramStart[index[(u, v)] + 1] = i + 1;
            _trigramWord[i] = w;
            _trigram[i] = p;
        }
        for (var c = 1; c <= pairs.Length; c++) _trigramStart[c] = Math.Max(_trigramStart[c], _trigramStart[c - 1]);
    }

    /// <summary>The id of a word, or the unknown word's.</summary>
    public int Id(string word) => _ids.TryGetValue(word, out var id) ? id : UnknownId;

    public bool Contains(string word) => _ids.ContainsKey(word);

    public string Word(int id) => _words[id];

    /// <summary>A two-word context looked up once, for the many words a decoder weighs after it.</summary>
    public readonly record struct Context(int Index, int Previous, float Backoff);

    /// <summary>The context u v (<see cref="LogProb(in Context, int)"/>).</summary>
    public Context ContextOf(int u, int v)
    {
        var at = Find(_bigramWord, _bigramStart[u], _bigramStart[u + 1], v);
        return new Context(at, v, at < 0 ? 0f : _bigramBackoff[at]);
    }

    /// <summary>ln P(w | u v).</summary>
    public float LogProb(int u, int v, int w) => LogProb(ContextOf(u, v), w);

    /// <summary>ln P(w | context): the trigram if the model has it, else the context's backoff weight and P(w | v).</summary>
    public float LogProb(in Context context, int w)
    {
        if (context.Index >= 0)
        {
            var at = Find(_trigramWord, _trigramStart[context.Index], _trigramStart[context.Index + 1], w);
            if (at >= 0) return _trigram[at];
        }
        return context.Backoff + LogProb(context.Previous, w);
    }

    /// <summary>ln P(w | v).</summary>
    public float LogProb(int v, int w)
    {
        var at = Find(_bigramWord, _bigramStart[v], _bigramStart[v + 1], w);
        if (at >= 0 && !float.IsNaN(_bigram[at])) return _bigram[at];
        return _unigramBackoff[v] + _unigram[w];
    }

    /// <summary>ln P(w).</summary>
    public float LogProb(int w) => _unigram[w];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Find(int[] words, int from, int to, int word)
    {
        var lo = from;
        var hi = to - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var here = words[mid];
            if (here == word) return mid;
            if (here < word) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }
}

using System.Globalization;

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

    private const int Bits = 21; // ids up to two million: three fit one long
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private float[] _unigram = [];
    private float[] _unigramBackoff = [];
    private readonly Dictionary<long, float> _bigram = [];
    private readonly Dictionary<long, float> _bigramBackoff = [];
    private readonly Dictionary<long, float> _trigram = [];

    private SyllableLanguageModel() { }

    public int UnknownId { get; private set; }
    public int StartId { get; private set; }
    public int EndId { get; private set; }
    public int NumberId { get; private set; }

    /// <summary>How many n-grams of each order the model holds.</summary>
    public (int Unigrams, int Bigrams, int Trigrams) Size => (_words.Count, _bigram.Count, _trigram.Count);

    /// <summary>Reads the model's text form.</summary>
    public static SyllableLanguageModel Read(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = new SyllableLanguageModel();
        var order = 0;
        var unigrams = new List<(float P, float B)>();
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
                    var key = Key(v, w);
                    model._bigram[key] = logp;
                    if (tab2 >= 0) model._bigramBackoff[key] = backoff;
                    break;
                }
                case 3:
                {
                    var parts = words.Split(' ');
                    if (parts.Length != 3 || !model._ids.TryGetValue(parts[0], out var u) || !model._ids.TryGetValue(parts[1], out var v)
                        || !model._ids.TryGetValue(parts[2], out var w)) continue;
                    model._trigram[Key(u, v, w)] = logp;
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
        model.UnknownId = model.Id(Unknown);
        model.StartId = model.Id(Start);
        model.EndId = model.Id(End);
        model.NumberId = model.Id(Number);
        return model;
    }

    /// <summary>The id of a word, or the unknown word's.</summary>
    public int Id(string word) => _ids.TryGetValue(word, out var id) ? id : UnknownId;

    public bool Contains(string word) => _ids.ContainsKey(word);

    public string Word(int id) => _words[id];

    /// <summary>ln P(w | u v).</summary>
    public float LogProb(int u, int v, int w) => LogProb(u, v, w, Backoff(u, v));

    /// <summary>ln P(w | u v) with the context's backoff weight already looked up (<see cref="Backoff"/>): a decoder
    /// weighs many words after the same context.</summary>
    public float LogProb(int u, int v, int w, float backoff)
    {
        if (_trigram.TryGetValue(Key(u, v, w), out var p3)) return p3;
        return backoff + LogProb(v, w);
    }

    /// <summary>The backoff weight (ln) of the context u v: what a trigram the model lacks gets besides P(w | v).</summary>
    public float Backoff(int u, int v) => _bigramBackoff.TryGetValue(Key(u, v), out var b) ? b : 0f;

    /// <summary>ln P(w | v).</summary>
    public float LogProb(int v, int w)
    {
        if (_bigram.TryGetValue(Key(v, w), out var p2)) return p2;
        return _unigramBackoff[v] + _unigram[w];
    }

    /// <summary>ln P(w).</summary>
    public float LogProb(int w) => _unigram[w];

    private static long Key(int a, int b) => ((long)a << Bits) | (uint)b;

    private static long Key(int a, int b, int c) => ((long)a << (2 * Bits)) | ((long)b << Bits) | (uint)c;
}

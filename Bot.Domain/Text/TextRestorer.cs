using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace Bot.Domain.Text;

/// <summary>
/// Restores Vietnamese that OCR or a lost encoding damaged ("Pay manh cong tac thong tin" →
/// "Đẩy mạnh công tác thông tin"). A noisy channel: for each word, the valid syllables (and known
/// acronyms) the OCR error model could have read as it are the candidates; a syllable trigram
/// language model of administrative Vietnamese, with the district's unit and place names as a
/// gazetteer, chooses among them along the sentence (beam search). Each word gets a confidence:
/// how much better its choice fits its neighbours than the other candidates do.
/// Pure: the tables come in already read; nothing here touches a file.
/// </summary>
public sealed class TextRestorer
{
    private const int MaxCandidates = 8;
    private const int MaxOptions = MaxCandidates + 2; // a word's candidates in the search: the shortlist, the word kept, a name's syllable
    private const int Beam = 10;                   // 6: dev split −0.15 points
    private const double ChannelWeight = 1.0;
    private const double GazetteerLogProb = -1.0; // a word that continues a known name is this likely at least
    private const double ForeignKeepCost = 7.0;    // keeping a word that is neither syllable nor acronym
    private const double AcronymKeepCost = 2.0;    // keeping an upper-case word the model does not know
    private const double DefaultCapitalLogShare = -3.0;  // ln 0.05: a syllable's uses inside a sentence that are capitalised
    private const double NumberAsWordCost = 4.0;   // reading a short number as a word ("10 trình" → "lộ trình")
    private const double UnknownCost = 6.0;        // a word the model does not know, on top of <unk>'s probability
    private const double CandidateSpread = 7.0;    // readings costlier than the best by more than this are not candidates (5: dev split −0.3 points)
    private const double MaxCost = 12.0;           // nor any costlier than this
    private const int MaxSteps = 2000;             // alignment steps one word's trie search may take (unbounded: dev split +0.03 points)

    private readonly SyllableLanguageModel _lm;
    private readonly OcrErrorModel _errors;
    private readonly HashSet<string> _syllables;
    private readonly Dictionary<string, double> _capitals;
    private readonly SyllableTrie _trie;
    private readonly SyllableTrie? _namesTrie; // the directory's acronyms the tables do not have
    private readonly Dictionary<string, (string Word, double Cost)[]> _precomputed = new(StringComparer.Ordinal);
    private readonly HashSet<long> _gazetteer = [];
    private readonly HashSet<string> _acronyms;
    private readonly Dictionary<string, string> _withoutĐ = new(StringComparer.Ordinal); // "QD" → "QĐ": the English model has no Đ
    private readonly bool[] _namesStart; // by word id: some name goes on after this word (a quick test before the gazetteer's)
    private readonly Dictionary<int, int[]> _nameNext = []; // by word id: the syllables a known name goes on with after it
    private readonly Dictionary<int, int[]> _namePrevious = []; // and those it follows
    private const int MemoLimit = 200_000;
    private readonly ConcurrentDictionary<string, WordReadings> _memo = new(StringComparer.Ordinal);
    private int _memoSize;

    /// <param name="lm">The syllable language model.</param>
    /// <param name="errors">The OCR error model.</param>
    /// <param name="syllables">Valid syllables, lower case, old tone placement (hóa, ủy).</param>
    /// <param name="acronyms">Acronyms to restore to ("UBND", "HĐND", "TTHC").</param>
    /// <param name="names">Names of the district's units and places ("Phòng Nội vụ", "xã Đại Sơn").</param>
    public TextRestorer(SyllableLanguageModel lm, OcrErrorModel errors, IEnumerable<string> syllables, IEnumerable<string> acronyms,
        IEnumerable<string> names)
        : this(lm, errors, syllables.ToDictionary(s => s, _ => DefaultCapitalLogShare, StringComparer.Ordinal), acronyms, names)
    {
    }

    /// <param name="syllables">Valid syllables with ln of the share of their uses inside a sentence written with a capital
    /// (names: "Thị", "Kỳ"; words: "thì").</param>
    private TextRestorer(SyllableLanguageModel lm, OcrErrorModel errors, Dictionary<string, double> syllables, IEnumerable<string> acronyms,
        IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(lm);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(syllables);
        ArgumentNullException.ThrowIfNull(acronyms);
        ArgumentNullException.ThrowIfNull(names);
        _lm = lm;
        _errors = errors;
        _syllables = new HashSet<string>(syllables.Keys, StringComparer.Ordinal);
        _capitals = syllables;
        var acronymList = acronyms.ToList();
        var known = acronymList.Count;
        foreach (var name in names) AddName(name, acronymList);
        _trie = new SyllableTrie(errors, _syllables.Select(s => (s, s))
            .Concat(acronymList.Take(known).Where(a => !_syllables.Contains(a.ToLowerInvariant())).Select(a => (a.ToLowerInvariant(), a))));
        _namesStart = new bool[lm.Size.Unigrams + 1];
        foreach (var pair in _gazetteer)
        {
            var first = (int)(pair >> 32);
            if (first >= 0 && first < _namesStart.Length) _namesStart[first] = true;
        }
        foreach (var group in _gazetteer.GroupBy(pair => (int)(pair >> 32))) _nameNext[group.Key] = [.. group.Select(pair => (int)(uint)pair)];
        foreach (var group in _gazetteer.GroupBy(pair => (int)(uint)pair)) _namePrevious[group.Key] = [.. group.Select(pair => (int)(pair >> 32))];
        _acronyms = new HashSet<string>(acronymList, StringComparer.Ordinal);
        foreach (var group in acronymList.Where(a => a.Contains('Đ', StringComparison.Ordinal)).GroupBy(a => a.Replace('Đ', 'D')))
            if (group.Count() == 1 && !_acronyms.Contains(group.Key)) _withoutĐ[group.Key] = group.First();
        var extra = acronymList.Skip(known).Where(a => !_syllables.Contains(a.ToLowerInvariant())).Select(a => (a.ToLowerInvariant(), a)).ToList();
        if (extra.Count > 0) _namesTrie = new SyllableTrie(errors, extra);
    }

    /// <summary>What the precomputed readings depend on besides the tables themselves: a table made with other settings is not used.</summary>
    public static string SearchSettings => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"spread {CandidateSpread}, max {MaxCost}, steps {MaxSteps}, number {NumberAsWordCost}, {OcrErrorModel.Settings}");

    /// <summary>
    /// Takes the readings precomputed for the OCR words the tables know best (<see cref="WriteReadings"/>): a word
    /// restored for the first time then costs a lookup instead of a trie search. A table whose first line does not
    /// carry this fingerprint was made from other tables or settings and is ignored (returns false).
    /// </summary>
    public bool UseReadings(TextReader table, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (table.ReadLine() != "# fingerprint: " + fingerprint + "; " + SearchSettings) return false;
        string? line;
        var parts = new List<(string, double)>();
        while ((line = table.ReadLine()) is not null)
        {
            var fields = line.Split('\t');
            parts.Clear();
            for (var i = 1; i + 1 < fields.Length; i += 2)
                parts.Add((fields[i], double.Parse(fields[i + 1], System.Globalization.CultureInfo.InvariantCulture)));
            _precomputed[fields[0]] = parts.ToArray();
        }
        return true;
    }

    /// <summary>
    /// Writes the readings of the OCR words met most — every syllable with and without its marks, each acronym and
    /// short number, and each OCR reading in the error model's word table — for <see cref="UseReadings"/>. Made from
    /// the tables only (never from a text to be restored): one line a word, "word TAB reading TAB cost ...", the
    /// readings that would go on to the sentence (<see cref="Shortlist"/>).
    /// </summary>
    public void WriteReadings(TextWriter table, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(fingerprint);
        var reads = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in _syllables)
        {
            reads.Add(s);
            reads.Add(VietnameseText.Fold(s));
        }
        foreach (var read in _errors.WordReadings) reads.Add(read);
        for (var n = 0; n < 100; n++) reads.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.WriteLine("# fingerprint: " + fingerprint + "; " + SearchSettings);
        foreach (var read in reads)
        {
            if (read.Length == 0 || read.Any(c => c is '\t' or '\n' or '\'' or '’')) continue;
            table.Write(read);
            foreach (var (word, cost) in Shortlist(SearchFound(read, IsNumber(read))))
                table.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\t{word}\t{cost:0.####}"));
            table.WriteLine();
        }
    }

    /// <summary>Builds a restorer from the tables' text forms (models/restorer: syllables.txt, lm.txt, ocr.txt).</summary>
    public static TextRestorer Read(TextReader syllables, TextReader languageModel, TextReader errorModel, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(syllables);
        var words = new Dictionary<string, double>(StringComparer.Ordinal);
        var acronyms = new List<string>();
        var inAcronyms = false;
        string? line;
        while ((line = syllables.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line == "\\acronyms") { inAcronyms = true; continue; }
            if (inAcronyms) { acronyms.Add(line); continue; }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0) words[line] = DefaultCapitalLogShare;
            else words[line[..tab]] = double.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture);
        }
        return new TextRestorer(SyllableLanguageModel.Read(languageModel), OcrErrorModel.Read(errorModel), words, acronyms, names);
    }

    /// <summary>How many OCR words have their readings precomputed (<see cref="UseReadings"/>).</summary>
    public int PrecomputedReadings => _precomputed.Count;

    /// <summary>How many n-grams the language model holds (for the bench).</summary>
    public (int Unigrams, int Bigrams, int Trigrams) ModelSize => _lm.Size;

    /// <summary>Restores every word of the text; lines, spaces and punctuation stay as they are.</summary>
    public RestoredText Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = RestorerTokens.Split(text);
        var choices = new Choice[tokens.Count];
        foreach (var segment in RestorerTokens.Segments(text, tokens)) Decode(text, tokens, segment, choices);

        var sb = new StringBuilder(text.Length + text.Length / 8);
        var words = new List<RestoredWord>();
        var cases = LineCases(text, tokens);
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word) continue;
            sb.Append(text, at, token.Start - at);
            var source = text.Substring(token.Start, token.Length);
            var written = choices[i].Text is { } chosen ? WithCaseOf(source, chosen, cases[i]) : source;
            words.Add(new RestoredWord(sb.Length, written.Length, token.Start, token.Length, choices[i].Text is null ? 1 : choices[i].Confidence,
                !string.Equals(written, source, StringComparison.Ordinal)));
            sb.Append(written);
            at = token.Start + token.Length;
        }
        sb.Append(text, at, text.Length - at);
        return new RestoredText(sb.ToString(), text, words);
    }

    /// <summary>The readings the restorer weighs for one word, cheapest first (its text, or null for the word as it is, and the OCR cost).</summary>
    public IReadOnlyList<(string? Text, double Cost)> Readings(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return CandidatesOf(word).Select(c => (c.Text, c.Cost)).ToList();
    }

    /// <summary>What was chosen for one word: its text (null: keep the source's) and the confidence.</summary>
    private readonly record struct Choice(string? Text, double Confidence);

    /// <summary>A reading of one word: the text it restores to (null: as it is), its model id, its channel cost.</summary>
    private readonly record struct Candidate(string? Text, int Id, double Cost);

    private readonly record struct State(int Previous, int Current, double Score, int Back);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decode(string text, List<RestorerToken> tokens, List<int> segment, Choice[] choices)
    {
        if (segment.Count == 0) return;
        var options = new Candidate[segment.Count][];
        for (var k = 0; k < segment.Count; k++)
        {
            var token = tokens[segment[k]];
            if (token.Kind == TokenKind.Comma) options[k] = [new Candidate(null, _lm.Id(","), 0)];
            else if (token.Fixed)
            {
                var word = text.Substring(token.Start, token.Length);
                var code = CodePart(word);
                options[k] = [new Candidate(code, KeepId(code ?? word), 0)];
            }
            else
            {
                var readings = ReadingsOf(text.Substring(token.Start, token.Length));
                options[k] = k > 0 ? readings.InSentence : readings.First;
            }
        }

        // Beam search over (previous, current) candidate pairs; -1 stands for the sentence start. Each position
        // keeps its states in an array, each pointing back at the state it came from one position before.
        var states = new State[segment.Count + 1][];
        states[0] = [new State(-1, -1, 0, -1)];
        CompleteNames(text, tokens, segment, options);
        var slot = new int[(MaxOptions + 1) * (MaxOptions + 1)];
        var next = new List<State>(Beam * (MaxCandidates + 1));
        for (var k = 0; k < segment.Count; k++)
        {
            next.Clear();
            Array.Fill(slot, -1);
            var here = states[k];
            for (var b = 0; b < here.Length; b++)
            {
                var state = here[b];
                var u = IdAt(options, k - 2, state.Previous);
                var v = IdAt(options, k - 1, state.Current);
                var context = _lm.ContextOf(u, v);
                for (var c = 0; c < options[k].Length; c++)
                {
                    var candidate = options[k][c];
                    var score = state.Score + LogProb(context, candidate.Id) - ChannelWeight * candidate.Cost;
                    var key = (state.Current + 1) * (MaxOptions + 1) + c;
                    if (slot[key] < 0)
                    {
                        slot[key] = next.Count;
                        next.Add(new State(state.Current, c, score, b));
                    }
                    else if (next[slot[key]].Score < score) next[slot[key]] = new State(state.Current, c, score, b);
                }
            }
            next.Sort(static (x, y) => y.Score.CompareTo(x.Score));
            states[k + 1] = next.Count > Beam ? next.GetRange(0, Beam).ToArray() : next.ToArray();
        }
        var last = states[segment.Count];
        var end = 0;
        var endScore = double.NegativeInfinity;
        for (var b = 0; b < last.Length; b++)
        {
            var score = last[b].Score + LogProb(IdAt(options, segment.Count - 2, last[b].Previous), IdAt(options, segment.Count - 1, last[b].Current), _lm.EndId);
            if (score > endScore) (end, endScore) = (b, score);
        }

        var path = new int[segment.Count];
        for (var k = segment.Count - 1; k >= 0; k--)
        {
            var state = states[k + 1][end];
            path[k] = state.Current;
            end = state.Back;
        }

        for (var k = 0; k < segment.Count; k++)
        {
            if (tokens[segment[k]].Kind != TokenKind.Word) continue;
            var chosen = options[k][path[k]];
            choices[segment[k]] = new Choice(chosen.Text, Confidence(options, path, k));
        }
    }

    /// <summary>
    /// A syllable of a known name that OCR damaged beyond the shortlist ("huyện T Kỳ", "Tt Kỳ" for Tứ Kỳ): when a
    /// neighbour can be the name's next or previous syllable, the name's own syllable, if it begins with the same
    /// letter, becomes a candidate too, at its OCR cost, and the gazetteer's weight decides along the sentence as for
    /// any other reading.
    /// </summary>
    private void CompleteNames(string text, List<RestorerToken> tokens, List<int> segment, Candidate[][] options)
    {
        if (_nameNext.Count == 0) return;
        for (var k = 0; k + 1 < segment.Count; k++)
        {
            if (tokens[segment[k]].Kind != TokenKind.Word || tokens[segment[k + 1]].Kind != TokenKind.Word) continue;
            if (tokens[segment[k]].Fixed || tokens[segment[k + 1]].Fixed) continue;
            TryName(options[k], _nameNext, text, tokens[segment[k + 1]], ref options[k + 1]);
            TryName(options[k + 1], _namePrevious, text, tokens[segment[k]], ref options[k]);
        }
    }

    private void TryName(Candidate[] neighbour, Dictionary<int, int[]> names, string text, RestorerToken token, ref Candidate[] options)
    {
        if (options.Length >= MaxOptions) return;
        Candidate? best = null;
        string? read = null;
        foreach (var n in neighbour)
        {
            if (!names.TryGetValue(n.Id, out var syllables)) continue;
            foreach (var id in syllables)
            {
                if (HasId(options, id)) continue;
                read ??= text.Substring(token.Start, token.Length).ToLowerInvariant().Normalize(NormalizationForm.FormC);
                var word = _lm.Word(id);
                if (!SameFirstLetter(word, read)) continue; // a name's first letter survives OCR far more often than not: "Ta Thanh" is not "Hà Thanh"
                var cost = _errors.Cost(word, read);
                if (cost <= MaxCost && (best is null || cost < best.Value.Cost)) best = new Candidate(word, id, cost);
            }
        }
        if (best is { } name) options = [.. options, name];
    }

    private static bool HasId(Candidate[] options, int id)
    {
        foreach (var o in options)
            if (o.Id == id) return true;
        return false;
    }

    private static bool SameFirstLetter(string word, string read) =>
        word.Length > 0 && read.Length > 0 && VietnameseText.Fold(word[..1]) == VietnameseText.Fold(read[..1]);

    /// <summary>A part of a document code the English model read without its Đ ("QD" in "15/QD-UBND", "HDND"): the one known
    /// acronym it stands for, or null to keep it as written.</summary>
    private string? CodePart(string word)
    {
        if (word.Length < 2 || word.AsSpan().ContainsAnyExceptInRange('A', 'Z') || _acronyms.Contains(word)) return null;
        return _withoutĐ.TryGetValue(word, out var acronym) ? acronym : null;
    }

    /// <summary>Inside a sentence, whether the word is written with a capital (true), in lower case (false), or neither tells (null: all capitals, no letters).</summary>
    private static bool? CaseOf(string word)
    {
        int letters = 0, upper = 0;
        var first = false;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (letters++ == 0) first = char.IsUpper(c);
            if (char.IsUpper(c)) upper++;
        }
        if (letters == 0 || letters >= 2 && upper == letters) return null;
        if (word.Length > 1 && word[0] == 'I' && char.IsLower(word[1])) return null; // "Ip": an OCR "I" is as often an "l"
        return first;
    }

    /// <summary>The readings with the cost of the word's case: a capital inside a sentence is likely for a name's
    /// syllable ("Thị"), unlikely for a word's ("thì").</summary>
    private Candidate[] WithCaseCost(Candidate[] candidates, bool capitalised)
    {
        var adjusted = new Candidate[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            if (c.Text is null || !_capitals.TryGetValue(c.Text, out var share)) { adjusted[i] = c; continue; }
            var logP = capitalised ? share : Math.Log(Math.Max(1e-6, 1 - Math.Exp(share)));
            adjusted[i] = c with { Cost = c.Cost - logP };
        }
        return adjusted;
    }

    /// <summary>The chosen candidate's share of the probability among the word's candidates, its neighbours fixed.</summary>
    private double Confidence(Candidate[][] options, int[] path, int k)
    {
        if (options[k].Length == 1) return 1;
        int Id(int at) => at < 0 ? _lm.StartId : at >= path.Length ? _lm.EndId : options[at][path[at]].Id;
        var scores = new double[options[k].Length];
        for (var c = 0; c < scores.Length; c++)
        {
            var w = options[k][c].Id;
            var score = LogProb(Id(k - 2), Id(k - 1), w) - ChannelWeight * options[k][c].Cost;
            if (k + 1 <= path.Length) score += LogProb(Id(k - 1), w, Id(k + 1));
            if (k + 2 <= path.Length && k + 1 < path.Length) score += LogProb(w, Id(k + 1), Id(k + 2));
            scores[c] = score;
        }
        var max = scores.Max();
        var sum = scores.Sum(s => Math.Exp(s - max));
        return Math.Exp(scores[path[k]] - max) / sum;
    }

    private int IdAt(Candidate[][] options, int k, int candidate) => k < 0 || candidate < 0 ? _lm.StartId : options[k][candidate].Id;

    private double LogProb(int u, int v, int w) => LogProb(_lm.ContextOf(u, v), w);

    private double LogProb(in SyllableLanguageModel.Context context, int w)
    {
        double p = _lm.LogProb(context, w);
        var v = context.Previous;
        if (p < GazetteerLogProb && v < _namesStart.Length && _namesStart[v] && _gazetteer.Contains(Pair(v, w))) p = GazetteerLogProb;
        return p;
    }

    /// <summary>A word's readings at the start of a sentence, and inside one with the cost of its case.</summary>
    private sealed record WordReadings(Candidate[] First, Candidate[] InSentence);

    /// <summary>The readings of one word, best first; cached, since the same OCR words recur.</summary>
    private WordReadings ReadingsOf(string word)
    {
        if (_memo.TryGetValue(word, out var known)) return known;
        var candidates = ComputeCandidates(word);
        var readings = new WordReadings(candidates, CaseOf(word) is { } capitalised ? WithCaseCost(candidates, capitalised) : candidates);
        // ConcurrentDictionary.Count takes every lock: the size is kept apart
        if (_memo.TryAdd(word, readings) && Interlocked.Increment(ref _memoSize) > MemoLimit)
        {
            _memo.Clear();
            Interlocked.Exchange(ref _memoSize, 0);
        }
        return readings;
    }

    private Candidate[] CandidatesOf(string word) => ReadingsOf(word).First;

    // The path of a word seen for the first time is written with loops, not LINQ over tuples: each LINQ operator over a
    // value tuple is a generic method the JIT compiles for it on a new page, and their calls cost more than the loops.
    private Candidate[] ComputeCandidates(string word)
    {
        var lower = word.ToLowerInvariant().Normalize(NormalizationForm.FormC);
        var number = IsNumber(lower);
        if (number && lower.Length > 2) return [new Candidate(null, _lm.NumberId, 0)];
        var read = lower.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
        Dictionary<string, double> found;
        if (read.Length == lower.Length && _precomputed.TryGetValue(read, out var precomputed))
        {
            found = new Dictionary<string, double>(precomputed.Length + 2, StringComparer.Ordinal);
            foreach (var (candidate, cost) in precomputed) found[candidate] = cost;
        }
        else found = SearchFound(read, number);
        if (_namesTrie is not null)
            foreach (var (candidate, letters) in _namesTrie.Search(read, CandidateSpread, MaxCost, MaxSteps))
                found.TryAdd(candidate, _errors.WithWord(candidate.ToLowerInvariant(), read, letters) + (number ? NumberAsWordCost : 0));

        var shortlist = Shortlist(found);
        var list = new List<Candidate>(shortlist.Length + 1);
        if (number) list.Add(new Candidate(null, _lm.NumberId, 0));
        var kept = false;
        foreach (var (text, cost) in shortlist)
        {
            list.Add(new Candidate(text, _lm.Id(text), cost));
            kept |= string.Equals(text, lower, StringComparison.Ordinal) || string.Equals(text, word, StringComparison.Ordinal);
        }
        if (!number && !kept) list.Add(new Candidate(null, KeepId(word), KeepCost(word)));
        return list.ToArray();
    }

    /// <summary>The most likely readings on their own, P(word) P(read | word): those that go on to the sentence, at most
    /// <see cref="MaxCandidates"/> within <see cref="CandidateSpread"/> of the cheapest, likeliest first (ties by spelling).</summary>
    private (string Word, double Cost)[] Shortlist(IEnumerable<KeyValuePair<string, double>> found)
    {
        var best = double.PositiveInfinity;
        foreach (var (_, cost) in found) best = Math.Min(best, cost);
        var top = new (string Word, double Cost, double Rank)[MaxCandidates];
        var count = 0;
        foreach (var (word, cost) in found)
        {
            if (cost > best + CandidateSpread) continue;
            var rank = cost - _lm.LogProb(_lm.Id(word));
            var at = count;
            while (at > 0 && (rank < top[at - 1].Rank || rank == top[at - 1].Rank && string.CompareOrdinal(word, top[at - 1].Word) < 0)) at--;
            if (at >= MaxCandidates) continue;
            for (var k = Math.Min(count, MaxCandidates - 1); k > at; k--) top[k] = top[k - 1];
            top[at] = (word, cost, rank);
            if (count < MaxCandidates) count++;
        }
        var shortlist = new (string, double)[count];
        for (var i = 0; i < count; i++) shortlist[i] = (top[i].Word, top[i].Cost);
        return shortlist;
    }

    private static bool IsNumber(string lower)
    {
        foreach (var c in lower)
            if (!char.IsAsciiDigit(c) && c is not (',' or '.')) return false;
        return true;
    }

    /// <summary>The tables' readings of an OCR word (lower case, NFC) with their OCR costs: the syllables and acronyms
    /// the trie search allows, and the whole-word readings the error model knows.</summary>
    private Dictionary<string, double> SearchFound(string read, bool number)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (candidate, letters) in _trie.Search(read, CandidateSpread, MaxCost, MaxSteps))
            found[candidate] = _errors.WithWord(candidate.ToLowerInvariant(), read, letters) + (number ? NumberAsWordCost : 0);
        foreach (var known in _errors.KnownReadingsOf(read))
            if (_syllables.Contains(known) && !found.ContainsKey(known)) found[known] = _errors.Cost(known, read);
        return found;
    }

    /// <summary>The model's word for a word kept as it is.</summary>
    private int KeepId(string word)
    {
        if (IsNumber(word)) return _lm.NumberId;
        var lower = word.ToLowerInvariant();
        if (_syllables.Contains(lower)) return _lm.Id(lower);
        return IsUpper(word) ? _lm.Id(word.ToUpperInvariant()) : _lm.Id(lower);
    }

    private double KeepCost(string word)
    {
        // the model's <unk> stands for every word it never saw, so it is likelier than any one of them
        if (KeepId(word) == _lm.UnknownId) return IsUpper(word) ? AcronymKeepCost + UnknownCost : ForeignKeepCost + UnknownCost;
        return IsUpper(word) ? 0 : ForeignKeepCost;
    }

    private static bool IsUpper(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }

    /// <summary>How a word is written: all capitals (two letters or more), lower or title case, or neither tells
    /// (one capital letter, "T6" for "TỔ"; capitals and small letters mixed, "CHi" for "CHÍ").</summary>
    private enum WordCase { Unclear, Plain, Capitals }

    private static WordCase CaseClass(ReadOnlySpan<char> word)
    {
        int letters = 0, upper = 0, upperAfterFirst = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (char.IsUpper(c))
            {
                upper++;
                if (letters > 0) upperAfterFirst++;
            }
            letters++;
        }
        if (letters >= 2 && upper == letters) return WordCase.Capitals;
        if (letters == 1 && upper == 1 || upperAfterFirst > 0) return WordCase.Unclear;
        return WordCase.Plain;
    }

    /// <summary>For each word, how the words beside it on its line are written (the nearest clear one on each side): OCR
    /// writes a capital it misread as a digit or as a small letter ("T6", "CHi"), and the line says which case was meant.</summary>
    private static (WordCase Before, WordCase After)[] LineCases(string text, List<RestorerToken> tokens)
    {
        var cases = new (WordCase, WordCase)[tokens.Count];
        var own = new WordCase[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i].Kind == TokenKind.Word) own[i] = CaseClass(text.AsSpan(tokens[i].Start, tokens[i].Length));
        var last = WordCase.Unclear;
        var lastEnd = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word) continue;
            if (text.AsSpan(lastEnd, tokens[i].Start - lastEnd).Contains('\n')) last = WordCase.Unclear;
            cases[i].Item1 = last;
            if (own[i] != WordCase.Unclear) last = own[i];
            lastEnd = tokens[i].Start + tokens[i].Length;
        }
        last = WordCase.Unclear;
        var nextStart = text.Length;
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].Kind != TokenKind.Word) continue;
            var end = tokens[i].Start + tokens[i].Length;
            if (text.AsSpan(end, nextStart - end).Contains('\n')) last = WordCase.Unclear;
            cases[i].Item2 = last;
            if (own[i] != WordCase.Unclear) last = own[i];
            nextStart = tokens[i].Start;
        }
        return cases;
    }

    /// <summary>The restored word in the case the source word was written in ("HUYEN" → "HUYỆN", "Pay" → "Đẩy"); where the
    /// source's case is unclear, the line's ("HO CHi MINH" → "HỒ CHÍ MINH"); an OCR "I" read for "l" is no capital ("Ip" → "lập").</summary>
    private static string WithCaseOf(string source, string restored, (WordCase Before, WordCase After) line)
    {
        foreach (var c in restored)
            if (char.IsUpper(c)) return restored; // an acronym keeps its own spelling
        var own = CaseClass(source);
        var inCapitals = line.Before != WordCase.Plain && line.After != WordCase.Plain
            && (line.Before == WordCase.Capitals || line.After == WordCase.Capitals);
        // a short word in capitals between words in small letters is a capital and a marked letter read as one ("BO" for "Bộ")
        if (own == WordCase.Capitals && line is (WordCase.Plain, WordCase.Plain) && Letters(source) == 2)
            return char.ToUpperInvariant(restored[0]) + restored[1..];
        if (own == WordCase.Capitals) return restored.ToUpperInvariant();
        if (own == WordCase.Unclear && inCapitals) return restored.ToUpperInvariant();
        if (source.Length > 1 && source[0] == 'I' && restored[0] == 'l' && char.IsLower(source[1])) return restored;
        if (source.Length > 0 && char.IsUpper(source[0])) return char.ToUpperInvariant(restored[0]) + restored[1..];
        return restored;
    }

    private static int Letters(string word)
    {
        var count = 0;
        foreach (var c in word)
            if (char.IsLetter(c)) count++;
        return count;
    }

    private void AddName(string name, List<string> acronyms)
    {
        var previous = -1;
        foreach (var token in RestorerTokens.Split(name))
        {
            if (token.Kind != TokenKind.Word) { previous = -1; continue; }
            var word = name.Substring(token.Start, token.Length);
            var lower = word.ToLowerInvariant();
            int id;
            if (IsUpper(word) && !_syllables.Contains(lower))
            {
                if (!acronyms.Contains(word)) acronyms.Add(word);
                id = _lm.Id(word);
            }
            else if (_syllables.Contains(lower)) id = _lm.Id(lower); // a name's syllables that are not in the inventory (new tone placement) are left out
            else id = _lm.UnknownId;
            if (previous >= 0 && id != _lm.UnknownId) _gazetteer.Add(Pair(previous, id));
            previous = id == _lm.UnknownId ? -1 : id;
        }
    }

    private static long Pair(int v, int w) => ((long)v << 32) | (uint)w;
}

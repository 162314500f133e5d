using System.Collections.Concurrent;

namespace Bot.Domain.Text;

/// <summary>
/// The words a reader expects in some context ("ngay", "thang", "nam", "truoc" for dates),
/// matched OCR-tolerantly: an OCR word maps to the closest expected word within its
/// allowance, or to nothing. Exact words win; ties go to the word listed first.
/// </summary>
public sealed class Vocabulary
{
    private readonly string[] _words;
    private readonly HashSet<string> _exact;
    private readonly ConcurrentDictionary<string, string?> _seen = new(StringComparer.Ordinal);

    public Vocabulary(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words.Select(VietnameseText.Key).Where(w => w.Length > 0).Distinct().ToArray();
        _exact = new HashSet<string>(_words, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Words => _words;

    /// <summary>The expected word this (folded) word stands for, or null.</summary>
    public string? Match(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_exact.Contains(word)) return word;
        if (word.Length > 24) return null;
        if (_seen.Count > 100_000) _seen.Clear(); // a bounded memo: the same OCR words recur
        return _seen.GetOrAdd(word, Closest);
    }

    public bool Contains(string word) => _exact.Contains(word);

    private string? Closest(string word)
    {
        string? best = null;
        var bestCost = double.MaxValue;
        foreach (var candidate in _words)
        {
            if (!OcrDistance.Like(word, candidate)) continue;
            var cost = OcrDistance.Between(word, candidate);
            if (cost < bestCost) (best, bestCost) = (candidate, cost);
        }
        return best;
    }
}

using System.Collections;

namespace Bot.Domain.Directives;

/// <summary>
/// Phrases of normal words ("tang cuong", "yeu cau"), kept by their first word: whether one starts at a word
/// costs a look-up, not a pass over the list.
/// </summary>
internal sealed class PhraseSet : IEnumerable<string[]>
{
    private readonly string[][] _phrases;
    private readonly Dictionary<string, string[][]> _byFirst;

    public PhraseSet(IEnumerable<string> phrases)
    {
        _phrases = phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        _byFirst = _phrases.GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when one of the phrases starts at word <paramref name="at"/>.</summary>
    public bool StartsAt(WordText words, int at)
    {
        if (at < 0 || at >= words.Count || !_byFirst.TryGetValue(words.Normal[at], out var candidates)) return false;
        foreach (var phrase in candidates)
            if (words.Reads(at, phrase)) return true;
        return false;
    }

    public IEnumerator<string[]> GetEnumerator() => ((IEnumerable<string[]>)_phrases).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

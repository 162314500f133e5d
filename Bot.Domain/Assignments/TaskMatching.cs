using Bot.Domain.Directives;
using Bot.Domain.Text;

namespace Bot.Domain.Assignments;

/// <summary>
/// Pairs the tasks of a corrected directive with the tasks of the version before it, so that the
/// work already confirmed stays with its task: same outline ref and similar words, or very
/// similar words under another ref (an item inserted above renumbers the rest).
/// </summary>
public static class TaskMatching
{
    private const double SameRefThreshold = 0.35;
    private const double MovedThreshold = 0.6;

    // Enough to prefer the same place among similar candidates, not enough to beat the same words elsewhere.
    private const double SameRefBonus = 0.2;

    /// <summary>For each new task (by index), the old task it continues, or null for a new task.</summary>
    public static IReadOnlyList<TrackedTask?> Match(IReadOnlyList<TrackedTask> old, IReadOnlyList<DirectiveTask> updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        var oldWords = old.Select(t => WordsOf(t.Task.Text)).ToList();
        var pairs = new List<(double Score, int New, int Old)>();
        for (var n = 0; n < updated.Count; n++)
        {
            var words = WordsOf(updated[n].Text);
            for (var o = 0; o < old.Count; o++)
            {
                var similarity = Similarity(words, oldWords[o]);
                var sameRef = string.Equals(old[o].Task.Ref, updated[n].Ref, StringComparison.Ordinal);
                if (similarity >= MovedThreshold || (sameRef && similarity >= SameRefThreshold))
                    pairs.Add((similarity + (sameRef ? SameRefBonus : 0), n, o));
            }
        }
        var result = new TrackedTask?[updated.Count];
        var taken = new HashSet<int>();
        foreach (var (_, n, o) in pairs.OrderByDescending(p => p.Score))
        {
            if (result[n] is not null || taken.Contains(o)) continue;
            result[n] = old[o];
            taken.Add(o);
        }
        return result;
    }

    /// <summary>Dice coefficient of the folded word sets: 1 for the same words, 0 for none shared.</summary>
    public static double Similarity(string a, string b) => Similarity(WordsOf(a), WordsOf(b));

    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var shared = a.Count(b.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }

    private static HashSet<string> WordsOf(string text) =>
        Word.Split(VietnameseText.Fold(VietnameseText.Normalize(text))).Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
}

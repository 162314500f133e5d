using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// Words the restorer was unsure of (<see cref="RestoredText.Unsure"/>) inside a task's own words: a clerk should read
/// them against the scan before the task goes out, so the task says which and is rated lower. A task's text is found
/// in the restored text by its words (it is the text's words with its spaces and line breaks made single spaces), one
/// line of the task at a time, as a task may be read from several places of the text.
/// </summary>
internal static class UnsureWords
{
    /// <summary>A task with an unsure word in its words is at most this sure.</summary>
    public const double Rating = 0.6;

    /// <summary>How many of a task's unsure words its review quotes (each written form once).</summary>
    private const int Quoted = 3;

    public static Directive Mark(Directive directive, RestoredText restored)
    {
        var unsure = restored.Unsure.ToList();
        if (unsure.Count == 0) return directive;
        var (flat, at) = Flatten(restored.Text);
        var tasks = directive.Tasks.Select(task => Mark(task, restored.Text, unsure, flat, at)).ToList();
        return directive with { Tasks = tasks };
    }

    private static DirectiveTask Mark(DirectiveTask task, string text, List<RestoredWord> unsure, string flat, int[] at)
    {
        var words = new List<RestoredWord>();
        foreach (var line in task.Text.Split('\n'))
        {
            var (start, end) = Span(flat, at, line);
            if (start < 0) continue;
            words.AddRange(unsure.Where(w => w.Start < end && w.Start + w.Length > start && !words.Contains(w)));
        }
        if (words.Count == 0) return task;
        var quoted = string.Join(", ", words.Select(w => string.Concat("«", text.AsSpan(w.Start, w.Length), "»")).Distinct(StringComparer.Ordinal).Take(Quoted));
        var inDeadline = task.DeadlineText is { } phrase && words.Exists(w => phrase.Contains(text.Substring(w.Start, w.Length), StringComparison.Ordinal));
        var c = task.Confidence;
        var review = c.Review.Append("có chữ khôi phục chưa chắc: " + quoted).ToList();
        return task with
        {
            Confidence = c with
            {
                Overall = Math.Min(c.Overall, Rating),
                Deadline = inDeadline ? Math.Min(c.Deadline, Rating) : c.Deadline,
                Review = review,
            },
        };
    }

    /// <summary>Where a line of a task stands in the text (start and end in the text), or (-1, -1) when it is not found as written.</summary>
    private static (int Start, int End) Span(string flat, int[] at, string line)
    {
        var (needle, _) = Flatten(line);
        if (needle.Length == 0) return (-1, -1);
        var i = flat.IndexOf(needle, StringComparison.Ordinal);
        return i < 0 ? (-1, -1) : (at[i], at[i + needle.Length - 1] + 1);
    }

    /// <summary>The text with each run of white space one space, and where each of its characters was.</summary>
    private static (string Flat, int[] At) Flatten(string text)
    {
        var flat = new System.Text.StringBuilder(text.Length);
        var at = new int[text.Length];
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) { space = flat.Length > 0; continue; }
            if (space)
            {
                at[flat.Length] = i - 1;
                flat.Append(' ');
                space = false;
            }
            at[flat.Length] = i;
            flat.Append(text[i]);
        }
        return (flat.ToString(), at);
    }
}

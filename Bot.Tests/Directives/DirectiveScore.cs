using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Domain.Directives;

namespace Bot.Tests.Directives;

/// <summary>
/// The matching rules of tools/score-directives.py, ported: each gold task is paired one-to-one
/// with the read task whose text best holds its anchor's words (OCR-tolerant, at least 60%),
/// then kind, lead, support and deadline (dueBefore with recurrence) are compared; header
/// fields are compared where the gold has a value. The result lists every field that is wrong.
/// </summary>
internal static class DirectiveScore
{
    /// <param name="Right">Fields right (header fields where the gold has a value, and each task's found, kind, lead, support, due).</param>
    /// <param name="Total">Fields checked.</param>
    /// <param name="Wrong">What is wrong, one line each.</param>
    public sealed record Result(int Right, int Total, IReadOnlyList<string> Wrong)
    {
        /// <summary>Gold tasks paired with a task read.</summary>
        public int Found { get; init; }

        /// <summary>Gold tasks.</summary>
        public int GoldTasks { get; init; }

        /// <summary>Gold tasks whose every field is right.</summary>
        public int FullyRight { get; init; }

        /// <summary>Tasks read.</summary>
        public int Extracted { get; init; }
    }

    public static Result Score(JsonElement gold, Directive got)
    {
        var checks = new List<(string Label, bool Ok)>();
        if (Str(gold, "number") is { } number)
            checks.Add(("number", string.Equals((got.Number ?? "").Replace(" ", "", StringComparison.Ordinal),
                number.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
        if (Str(gold, "issuedOn") is { } issuedOn)
            checks.Add(("issuedOn", got.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == issuedOn));
        if (Str(gold, "issuer") is { } issuer)
            checks.Add(("issuer", SameName(got.Issuer ?? "", issuer)));
        if (Str(gold, "signer") is { } signer)
            checks.Add(("signer", Edit(string.Join(' ', Words(got.Signer ?? "")), string.Join(' ', Words(signer)), 9) <= 1));

        var goldTasks = gold.GetProperty("tasks").EnumerateArray().ToList();
        var tasks = got.Tasks;
        var pairs = new List<(double Score, int Gold, int Task)>();
        for (var gi = 0; gi < goldTasks.Count; gi++)
            for (var ti = 0; ti < tasks.Count; ti++)
                pairs.Add((AnchorScore(Str(goldTasks[gi], "anchor")!, tasks[ti].Text), gi, ti));
        // Python sorts the (score, gi, ti) tuples descending.
        pairs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.Gold != a.Gold ? b.Gold.CompareTo(a.Gold) : b.Task.CompareTo(a.Task));
        var match = new Dictionary<int, int>();
        var used = new HashSet<int>();
        foreach (var (s, gi, ti) in pairs)
        {
            if (s < 0.6 || match.ContainsKey(gi) || used.Contains(ti)) continue;
            match[gi] = ti;
            used.Add(ti);
        }
        var fullyRight = 0;
        for (var gi = 0; gi < goldTasks.Count; gi++)
        {
            var g = goldTasks[gi];
            var label = $"task '{Str(g, "anchor")}'";
            var kind = Str(g, "kind")!;
            if (!match.TryGetValue(gi, out var ti))
            {
                checks.AddRange(Enumerable.Repeat((label + " found", false), kind == "request" ? 2 : 5));
                continue;
            }
            var t = tasks[ti];
            var taskChecks = new List<(string Label, bool Ok)>
            {
                (label + " found", true),
                (label + $" kind (got {t.Kind})", (t.Kind == TaskKind.Request ? "request" : "task") == kind),
            };
            if (kind != "request")
            {
                taskChecks.Add((label + $" lead (got {string.Join("; ", t.Lead)})", SameSet(t.Lead, Strings(g, "lead"))));
                taskChecks.Add((label + $" support (got {string.Join("; ", t.Support)})", SameSet(t.Support, Strings(g, "support"))));
                taskChecks.Add((label + $" due (got {t.DueBefore:o} {t.Recurrence} from '{t.DeadlineText}')",
                    SameDue(t.DueBefore, g) && Rule(t.Recurrence) == Rule(Str(g, "recurrence"))));
            }
            if (taskChecks.All(c => c.Ok)) fullyRight++;
            checks.AddRange(taskChecks);
        }
        return new Result(checks.Count(c => c.Ok), checks.Count, checks.Where(c => !c.Ok).Select(c => c.Label).ToList())
        {
            Found = match.Count,
            GoldTasks = goldTasks.Count,
            FullyRight = fullyRight,
            Extracted = tasks.Count,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    /// <summary>NFD, marks dropped, đ → d, lower case, spaces collapsed (the scorer's fold).</summary>
    public static string Fold(string s)
    {
        var decomposed = (s ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        var folded = sb.ToString().Replace('đ', 'd').Replace('Đ', 'D').ToLowerInvariant();
        return Regex.Replace(folded, @"\s+", " ").Trim();
    }

    public static List<string> Words(string s) => Regex.Matches(Fold(s), "[a-z0-9]+").Select(m => m.Value).ToList();

    public static int Edit(string a, string b, int cap = 3)
    {
        if (Math.Abs(a.Length - b.Length) > cap) return cap + 1;
        var prev = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var cur = new int[b.Length + 1];
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0));
            prev = cur;
        }
        return prev[^1];
    }

    private static bool WordHit(string w, HashSet<string> pool)
    {
        if (pool.Contains(w)) return true;
        if (w.Length < 4) return false;
        return pool.Any(p => Math.Abs(w.Length - p.Length) <= 1 && Edit(w, p, 1) <= 1);
    }

    public static double AnchorScore(string anchor, string text)
    {
        var aw = Words(anchor);
        var pool = Words(text).ToHashSet();
        return (double)aw.Count(w => WordHit(w, pool)) / Math.Max(1, aw.Count);
    }

    public static bool SameName(string a, string b)
    {
        var fa = string.Join(' ', Words(a));
        var fb = string.Join(' ', Words(b));
        return Edit(fa, fb, 99) <= Math.Max(1, fb.Length / 7);
    }

    private static bool SameSet(IReadOnlyList<string> got, List<string> want)
    {
        if (got.Count != want.Count) return false;
        var left = got.ToList();
        foreach (var w in want)
        {
            var hit = left.FirstOrDefault(g => SameName(g, w));
            if (hit is null) return false;
            left.Remove(hit);
        }
        return true;
    }

    private static bool SameDue(DateTimeOffset? got, JsonElement gold)
    {
        var options = new List<string?> { Str(gold, "dueBefore") };
        if (gold.TryGetProperty("altDueBefore", out var alt))
            options.AddRange(alt.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? null : x.GetString()));
        return options.Any(o => o is null
            ? got is null
            : got is not null && got.Value == DateTimeOffset.Parse(o, CultureInfo.InvariantCulture));
    }

    private static string? Rule(string? s) =>
        string.IsNullOrEmpty(s) ? null
            : string.Join(';', s.Split(';').Select(p => p.Trim().ToUpperInvariant()).Where(p => p.Length > 0).Order(StringComparer.Ordinal));
}

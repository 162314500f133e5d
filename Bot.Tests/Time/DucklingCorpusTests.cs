using System.Reflection;
using Bot.Domain.Time;
using Xunit.Sdk;

namespace Bot.Tests.Time;

/// <summary>
/// Duckling's Vietnamese time corpus (Specs/Time/duckling-vi-time.tsv, BSD-3, see DUCKLING-LICENSE.md),
/// scored as Duckling scores it: exactly one time covering the whole phrase, with the expected
/// start and grain, and the expected exclusive end for intervals. Rows the recognizer does not
/// read are listed with a reason in duckling-skipped.tsv, and checked to be still unread.
/// </summary>
public class DucklingCorpusTests
{
    private const string Corpus = "Time/duckling-vi-time.tsv";
    private const string Skipped = "Time/duckling-skipped.tsv";
    private static readonly DateTime Reference = new(2017, 2, 2, 3, 55, 0);
    private static readonly TimeRecognizer Recognizer = new();

    [Theory]
    [DucklingRows(skipped: false)]
    public void Corpus_row_is_read_as_Duckling_reads_it(string phrase, string grain, string start, string end, string note)
    {
        var failure = Failure(phrase, grain, start, end);
        Assert.True(failure is null, $"{phrase} ({note}): {failure}");
    }

    /// <summary>A known gap stays listed only while it is one: when the recognizer learns it, move the row out of duckling-skipped.tsv.</summary>
    [Theory]
    [DucklingRows(skipped: true)]
    public void Known_gap_is_still_a_gap(string phrase, string grain, string start, string end, string reason) =>
        Assert.True(Failure(phrase, grain, start, end) is not null, $"\"{phrase}\" is read now ({reason}): remove it from {Skipped}.");

    [Fact]
    public void At_least_90_percent_of_the_corpus_passes()
    {
        var rows = SpecFile.Rows(Corpus).ToList();
        var passed = rows.Count(r => Failure(r.At(0), r.At(1), r.At(2), r.At(3)) is null);
        Assert.Equal(161, rows.Count);
        Assert.True(passed >= 0.9 * rows.Count, $"{passed}/{rows.Count} passed");
    }

    /// <summary>Why a row fails, or null when it passes.</summary>
    internal static string? Failure(string phrase, string grain, string start, string end)
    {
        var mentions = Recognizer.Recognize(phrase, Reference);
        if (grain == "none") return mentions.Count == 0 ? null : $"found {mentions[0].Text}";
        if (mentions.Count != 1) return $"{mentions.Count} mentions: {string.Join(" | ", mentions.Select(m => m.Text))}";
        var m = mentions[0];
        if (m.Index != 0 || m.Length != phrase.Length) return $"covers only \"{m.Text}\"";
        if (!string.Equals(m.Grain.ToString(), grain, StringComparison.OrdinalIgnoreCase)) return $"grain {m.Grain}";
        if (m.Start != TimeSpecs.Instant(start)) return $"start {m.Start:yyyy-MM-ddTHH:mm:ss}";
        if (end.Length > 0 && m.End != TimeSpecs.Instant(end)) return $"end {m.End:yyyy-MM-ddTHH:mm:ss}";
        return null;
    }

    /// <summary>The corpus rows that are expected to pass, or those listed as known gaps (with their reason).</summary>
    private sealed class DucklingRowsAttribute : DataAttribute
    {
        private readonly bool _skipped;

        public DucklingRowsAttribute(bool skipped)
        {
            _skipped = skipped;
        }

        public override IEnumerable<object[]> GetData(MethodInfo testMethod)
        {
            var reasons = SpecFile.Rows(Skipped).ToDictionary(r => r.At(0), r => r.At(1), StringComparer.Ordinal);
            foreach (var r in SpecFile.Rows(Corpus))
            {
                var isSkipped = reasons.TryGetValue(r.At(0), out var reason);
                if (isSkipped != _skipped) continue;
                yield return [r.At(0), r.At(1), r.At(2), r.At(3), isSkipped ? reason! : r.At(4)];
            }
        }
    }
}

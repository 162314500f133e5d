using System.Text.RegularExpressions;
using Bot.Domain.Time;

namespace Bot.Tests.Time;

/// <summary>
/// The seed directives, read whole: the deadlines and duties found are exactly those of
/// Specs/Time/seed-duties.tsv — references to other documents, the header date, past periods
/// and "hằng năm" in noun phrases must not become deadlines.
/// </summary>
public partial class SeedDocumentTests
{
    private const string File = "Time/seed-duties.tsv";

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in SpecFile.Rows(File).Select(r => r.At(0)).Distinct()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Only_the_real_deadlines_and_duties_are_found(string file)
    {
        var rows = SpecFile.Rows(File).Where(r => r.At(0) == file).ToList();
        var text = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file));
        var duties = new TimeRecognizer().Recognize(text, TimeSpecs.Local(rows[0].At(1)))
            .Where(m => m.Role == TimeRole.Deadline)
            .Select(m => Line(Spaces().Replace(m.Text, " "), m.DueBefore?.ToString("yyyy-MM-dd'T'HH:mm"), m.Recurrence));
        var expected = rows.Select(r => Line(r.At(2), r.At(3), r.At(4)));
        Assert.Equal(expected, duties);
    }

    private static string Line(string text, string? due, string? rule) => $"{text} | {due} | {rule}";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

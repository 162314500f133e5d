using Bot.Domain.Time;
using Microsoft.Recognizers.Text.DataTypes.TimexExpression;

namespace Bot.Tests.Time;

/// <summary>
/// Specs/Time/directive-and-chat.tsv: directive and chat phrases, OCR-damaged forms, references
/// and past periods that must not become deadlines, and negatives. Columns: text, reference,
/// receivedOn, expect (the mention's text; "-" = no time at all; "!deadline" = no deadline and no
/// duty), kind, role, start, end, dueBefore, recurrence, note. Start and end are checked when
/// given; dueBefore and recurrence must match exactly (empty = none).
/// </summary>
public class DirectiveAndChatTests
{
    private const string File = "Time/directive-and-chat.tsv";
    private static readonly TimeRecognizer Recognizer = new();

    public static TheoryData<string[]> Rows()
    {
        var data = new TheoryData<string[]>();
        foreach (var row in SpecFile.Rows(File)) data.Add(row);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Phrase_is_read_as_specified(string[] row)
    {
        var (text, reference, received, expect) = (row.At(0), TimeSpecs.Local(row.At(1)), row.At(2), row.At(3));
        var mentions = Recognizer.Recognize(text, reference, received.Length > 0 ? DateOnly.FromDateTime(TimeSpecs.Local(received)) : null);
        var seen = string.Join(" | ", mentions.Select(m => $"{m.Text} {m.Kind}/{m.Role} {m.Timex} due={m.DueBefore} rr={m.Recurrence}"));
        switch (expect)
        {
            case "-":
                Assert.True(mentions.Count == 0, $"expected no time, got {seen}");
                return;
            case "!deadline":
                Assert.True(mentions.All(m => m.Role != TimeRole.Deadline), $"expected no deadline, got {seen}");
                return;
        }
        var found = mentions.Where(m => m.Text == expect).ToList();
        Assert.True(found.Count == 1, $"expected one mention \"{expect}\", got {seen}");
        var mention = found[0];
        Assert.Equal(Enum.Parse<TimeKind>(row.At(4), ignoreCase: true), mention.Kind);
        Assert.Equal(Enum.Parse<TimeRole>(row.At(5), ignoreCase: true), mention.Role);
        if (row.At(6).Length > 0) Assert.Equal(TimeSpecs.Instant(row.At(6)), mention.Start);
        if (row.At(7).Length > 0) Assert.Equal(TimeSpecs.Instant(row.At(7)), mention.End);
        Assert.Equal(row.At(8).Length > 0 ? TimeSpecs.Instant(row.At(8)) : null, mention.DueBefore);
        Assert.Equal(row.At(9).Length > 0 ? row.At(9) : null, mention.Recurrence);
        Assert.Equal(text.Substring(mention.Index, mention.Length), mention.Text);
    }

    [Fact]
    public void Every_timex_round_trips_through_TimexProperty()
    {
        foreach (var row in SpecFile.Rows(File))
        {
            foreach (var m in Recognizer.Recognize(row.At(0), TimeSpecs.Local(row.At(1))))
            {
                if (m.Timex is null) continue;
                Assert.Equal(m.Timex, new TimexProperty(m.Timex).TimexValue);
            }
        }
    }
}

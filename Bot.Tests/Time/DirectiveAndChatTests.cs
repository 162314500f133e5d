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
    public void Phrase_is_read_as_specified(string[] row) => TimeSpecs.AssertRow(Recognizer, row);

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

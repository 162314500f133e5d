using System.Globalization;
using Bot.Domain.Time;

namespace Bot.Tests.Time;

/// <summary>Shared reading of the time spec files.</summary>
internal static class TimeSpecs
{
    public static DateTime Local(string text) =>
        DateTime.ParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTimeOffset Instant(string text) => VietnamTime.FromLocal(Local(text));

    /// <summary>
    /// Checks one row of a phrase spec (directive-and-chat.tsv, lunar-and-schedules.tsv): text, reference, receivedOn,
    /// expect (the mention's text; "-" = no time at all; "!deadline" = no deadline and no duty), kind, role, start,
    /// end, dueBefore, recurrence. Start and end are checked when given; dueBefore and recurrence must match exactly.
    /// </summary>
    public static void AssertRow(TimeRecognizer recognizer, string[] row)
    {
        var (text, reference, received, expect) = (row.At(0), Local(row.At(1)), row.At(2), row.At(3));
        var mentions = recognizer.Recognize(text, reference, received.Length > 0 ? DateOnly.FromDateTime(Local(received)) : null);
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
        if (row.At(6).Length > 0) Assert.Equal(Instant(row.At(6)), mention.Start);
        if (row.At(7).Length > 0) Assert.Equal(Instant(row.At(7)), mention.End);
        Assert.Equal(row.At(8).Length > 0 ? Instant(row.At(8)) : null, mention.DueBefore);
        Assert.Equal(row.At(9).Length > 0 ? row.At(9) : null, mention.Recurrence);
        Assert.Equal(text.Substring(mention.Index, mention.Length), mention.Text);
    }

    /// <summary>The column of a row, or "" when the row is shorter.</summary>
    public static string At(this string[] row, int column) => column < row.Length ? row[column] : "";
}

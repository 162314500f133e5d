using System.Globalization;
using Bot.Domain.Directives;
using Bot.Domain.Time;

namespace Bot.Tests.Directives;

/// <summary>
/// Specs/Directives/date-roles.tsv: a date is a deadline only when the words around it make it one; dates of other
/// documents, cut-offs of data, the past, occasions, anniversaries and terms are not; a day without its year takes
/// the text's; a count from receipt runs from the day the directive is published.
/// </summary>
public sealed class DateRolesTests
{
    public static TheoryData<string, string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var row in SpecFile.Rows("Directives/date-roles.tsv")) data.Add(row[0], row[1], row[2], row[3], row[4], row[5]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Takes_the_deadline_by_its_role(string sentence, string textDate, string deadline, string dueBefore, string recurrence, string comment)
    {
        var day = DateOnly.Parse(textDate, CultureInfo.InvariantCulture);
        var recognizer = new TimeRecognizer();
        var deadlines = new Deadlines(recognizer.Recognize, day.ToDateTime(TimeOnly.MinValue), day, day);

        var found = deadlines.Of(sentence);

        if (deadline == "-")
        {
            Assert.True(found is null, $"{comment}: expected no deadline, got '{found?.Text}'");
            return;
        }
        Assert.True(found is not null, $"{comment}: expected '{deadline}'");
        Assert.Equal(deadline, found.Text);
        Assert.Equal(dueBefore.Length > 0 ? DateTimeOffset.Parse(dueBefore, CultureInfo.InvariantCulture) : null, found.Recurrence is null ? found.DueBefore : null);
        Assert.Equal(recurrence.Length > 0 ? recurrence : null, found.Recurrence);
    }
}

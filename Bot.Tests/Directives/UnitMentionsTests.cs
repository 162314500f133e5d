using Bot.Domain.Directives;

namespace Bot.Tests.Directives;

/// <summary>Which units a paragraph gives a duty to, and which help: Specs/Directives/Units.tsv.</summary>
public sealed class UnitMentionsTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in SpecFile.Rows("Directives/Units.tsv")) data.Add(row[0], row[1], row[2], row[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_who_leads_and_who_supports(string paragraph, string lead, string support, string comment)
    {
        var lists = UnitMentions.Lists(new WordText(paragraph));

        var gotLead = lists.Where(l => l.Role == UnitRole.Lead).SelectMany(l => l.Units).Distinct().ToList();
        var gotSupport = lists.Where(l => l.Role == UnitRole.Support).SelectMany(l => l.Units).Distinct().ToList();
        Assert.True(Split(lead).SequenceEqual(gotLead), $"{comment}: lead {string.Join("; ", gotLead)}");
        Assert.True(Split(support).SequenceEqual(gotSupport), $"{comment}: support {string.Join("; ", gotSupport)}");
    }

    private static string[] Split(string units) => units.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

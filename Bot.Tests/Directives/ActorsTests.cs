using Bot.Domain.Directives;

namespace Bot.Tests.Directives;

/// <summary>Specs/Directives/actors.tsv: who leads and who helps in a paragraph, by the tier its directive speaks from.</summary>
public sealed class ActorsTests
{
    public static TheoryData<string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var row in SpecFile.Rows("Directives/actors.tsv")) data.Add(row[0], row[1], row[2], row[3], row[4]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_who_leads_and_who_supports_at_a_tier(string paragraph, string tier, string lead, string support, string comment)
    {
        var lists = UnitMentions.Lists(new WordText(paragraph), new UnitScope(Enum.Parse<UnitLevel>(tier)));

        var gotLead = lists.Where(l => l.Role == UnitRole.Lead).SelectMany(l => l.Units).Distinct().ToList();
        var gotSupport = lists.Where(l => l.Role == UnitRole.Support).SelectMany(l => l.Units).Distinct().ToList();
        Assert.True(Split(lead).SequenceEqual(gotLead), $"{comment}: lead {string.Join("; ", gotLead)}");
        Assert.True(Split(support).SequenceEqual(gotSupport), $"{comment}: support {string.Join("; ", gotSupport)}");
    }

    private static string[] Split(string units) => units.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

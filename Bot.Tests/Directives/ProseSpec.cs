using System.Globalization;
using System.Text.Json;
using Bot.Domain.Directives;

namespace Bot.Tests.Directives;

/// <summary>
/// Cases of a JSON spec of prose (Specs/Directives/clauses.json, back-references.json): a text, the day it is read, and
/// the tasks a careful reader puts in a tracker, each by an anchor phrase (paired as tools/score-directives.py pairs)
/// with its lead and support, its kind when it is a request, and its deadline when one is given.
/// </summary>
internal static class ProseSpec
{
    public static TheoryData<int> Cases(string file)
    {
        var data = new TheoryData<int>();
        using var spec = JsonDocument.Parse(File.ReadAllText(SpecFile.PathOf(file)));
        for (var i = 0; i < spec.RootElement.GetArrayLength(); i++) data.Add(i);
        return data;
    }

    public static void AssertCase(string file, int index)
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(SpecFile.PathOf(file)));
        var c = spec.RootElement[index];
        var note = c.GetProperty("note").GetString();
        var reference = DateOnly.Parse(c.GetProperty("reference").GetString()!, CultureInfo.InvariantCulture);
        var directive = Bot.Cli.ParseCommand.Reader().Read(c.GetProperty("text").GetString()!, reference);
        var expected = c.GetProperty("tasks").EnumerateArray().ToList();
        var seen = string.Join("\n  ", directive.Tasks.Select(t => $"[{string.Join("; ", t.Lead)} / {string.Join("; ", t.Support)} / {t.DueBefore:o} {t.Recurrence}] {t.Text}"));
        Assert.True(expected.Count == directive.Tasks.Count, $"{note}: {expected.Count} tasks expected, read:\n  {seen}");
        var used = new HashSet<int>();
        foreach (var task in expected)
        {
            var anchor = task.GetProperty("anchor").GetString()!;
            var best = directive.Tasks.Select((t, i) => (Score: DirectiveScore.AnchorScore(anchor, t.Text), Index: i))
                .Where(x => !used.Contains(x.Index)).OrderByDescending(x => x.Score).First();
            Assert.True(best.Score >= 0.6, $"{note}: no task holds '{anchor}'; read:\n  {seen}");
            used.Add(best.Index);
            var got = directive.Tasks[best.Index];
            var kind = task.TryGetProperty("kind", out var k) ? k.GetString() : "task";
            Assert.True((got.Kind == TaskKind.Request ? "request" : "task") == kind, $"{note}: '{anchor}' kind {got.Kind}");
            if (kind == "request") continue;
            Assert.True(Names(task, "lead").SequenceEqual(got.Lead), $"{note}: '{anchor}' lead {string.Join("; ", got.Lead)}");
            Assert.True(Names(task, "support").SequenceEqual(got.Support), $"{note}: '{anchor}' support {string.Join("; ", got.Support)}");
            if (task.TryGetProperty("dueBefore", out var due))
                Assert.True(DateTimeOffset.Parse(due.GetString()!, CultureInfo.InvariantCulture) == got.DueBefore, $"{note}: '{anchor}' due {got.DueBefore:o}");
            if (task.TryGetProperty("recurrence", out var rule)) Assert.True(rule.GetString() == got.Recurrence, $"{note}: '{anchor}' recurrence {got.Recurrence}");
        }
    }

    private static List<string> Names(JsonElement task, string field) =>
        task.TryGetProperty(field, out var v) ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
}

/// <summary>Specs/Directives/clauses.json: prose read as one task per clause that gives its own unit a duty.</summary>
public sealed class ClauseTests
{
    public static TheoryData<int> Cases() => ProseSpec.Cases("Directives/clauses.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_tasks_of_running_prose(int index) => ProseSpec.AssertCase("Directives/clauses.json", index);
}

/// <summary>Specs/Directives/back-references.json: "các đơn vị nêu trên", "mỗi cơ quan, đơn vị" stand for the addressees named before.</summary>
public sealed class BackReferenceTests
{
    public static TheoryData<int> Cases() => ProseSpec.Cases("Directives/back-references.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Groups_stand_for_the_addressees_named_before(int index) => ProseSpec.AssertCase("Directives/back-references.json", index);
}

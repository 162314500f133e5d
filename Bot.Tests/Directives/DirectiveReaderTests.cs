using System.Text.Json;
using Bot.Cli;

namespace Bot.Tests.Directives;

/// <summary>
/// The reader against annotated directives: the five real samples (samples/, gold in
/// samples/gold/) and directives written for what the samples do not show (Specs/Directives:
/// a commune's and a province's directive, a plan with a task table, OCR-damaged copies).
/// Scored with the rules of tools/score-directives.py; every field must be right.
/// </summary>
public sealed class DirectiveReaderTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var gold in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "gold"), "*.gold.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, gold));
        foreach (var spec in Directory.GetFiles(SpecFile.PathOf("Directives"), "*.expected.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, spec));
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Reads_every_field_of_the_annotated_directive(string goldPath)
    {
        var full = Path.Combine(AppContext.BaseDirectory, goldPath);
        using var gold = JsonDocument.Parse(File.ReadAllText(full));
        var folder = Path.GetDirectoryName(full)!;
        var documentFolder = Path.GetFileName(folder) == "gold" ? Path.GetDirectoryName(folder)! : folder;
        var text = File.ReadAllText(Path.Combine(documentFolder, gold.RootElement.GetProperty("file").GetString()!));

        var directive = ParseCommand.Reader().Read(text, new DateOnly(2024, 1, 1));

        var score = DirectiveScore.Score(gold.RootElement, directive);
        Assert.True(score.Wrong.Count == 0, $"{score.Right}/{score.Total} right; wrong:\n  " + string.Join("\n  ", score.Wrong));
        Assert.Equal(gold.RootElement.GetProperty("tasks").GetArrayLength(), directive.Tasks.Count);
    }

    [Fact]
    public void The_scorer_port_rejects_a_wrong_lead()
    {
        using var gold = JsonDocument.Parse("""
            {"number": null, "issuer": null, "issuedOn": null, "signer": null,
             "tasks": [{"anchor": "theo doi don doc", "kind": "task", "lead": ["Phòng Nội vụ"], "support": [], "dueBefore": null, "recurrence": null}]}
            """);
        var directive = ParseCommand.Reader().Read("1. Phòng Tư pháp theo dõi, đôn đốc việc thực hiện.", new DateOnly(2024, 1, 1));

        var score = DirectiveScore.Score(gold.RootElement, directive);

        Assert.Equal(4, score.Right);
        Assert.Single(score.Wrong, w => w.Contains("lead", StringComparison.Ordinal));
    }
}

using System.Text.Json;
using Bot.Cli;
using Bot.Domain.Directives;
using Bot.Domain.Text;
using Bot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Directives;

/// <summary>
/// The samples read the way an import reads a file (<see cref="DirectiveSource"/>: the document reader restores
/// OCR-damaged text before the directive reader sees it), not as raw text: a change to the restorer that loses a
/// task fails here. And the restorer's unsure words reach the review of the tasks that hold them.
/// </summary>
public sealed class ImportPathTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    private static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    public static TheoryData<string> SampleGold()
    {
        var data = new TheoryData<string>();
        foreach (var gold in Directory.GetFiles(Path.Combine(Samples, "gold"), "*.gold.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(gold));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleGold))]
    public void A_sample_imported_from_its_file_gives_every_gold_task(string goldFile)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Samples, "gold", goldFile)));
        var source = new DirectiveSource(ParseCommand.Reader(), Clock);

        var directive = source.Read(Path.Combine(Samples, gold.RootElement.GetProperty("file").GetString()!)).Directive;

        var score = DirectiveScore.Score(gold.RootElement, directive);
        Assert.True(score.Wrong.Count == 0, $"{score.Right}/{score.Total} right; wrong:\n  " + string.Join("\n  ", score.Wrong));
        Assert.Equal(gold.RootElement.GetProperty("tasks").GetArrayLength(), directive.Tasks.Count);
    }

    [Fact]
    public void A_task_holding_a_word_the_restorer_is_unsure_of_says_so()
    {
        const string text = "Số: 45/UBND-VP Kim Sơn, ngày 02 tháng 3 năm 2024\n"
                            + "1. Giao Phòng Nội vụ rà soát hồ sơ tồn đọng, hoàn thành trước ngày 20/3/2024.\n"
                            + "2. Giao Phòng Tư pháp kiểm tra việc chứng thực, hoàn thành trước ngày 25/3/2024.";
        var at = text.IndexOf("tồn", StringComparison.Ordinal);
        var restored = new RestoredText(text, text.Replace("tồn", "t6n", StringComparison.Ordinal), [new RestoredWord(at, 3, at, 3, 0.41, Changed: true)]);

        var directive = ParseCommand.Reader().Read(restored, new DateOnly(2024, 3, 2));

        Assert.Equal(2, directive.Tasks.Count);
        var (unsure, sure) = (directive.Tasks[0], directive.Tasks[1]);
        Assert.Contains("có chữ khôi phục chưa chắc: «tồn»", unsure.Confidence.Review);
        Assert.True(unsure.Confidence.Overall <= UnsureWords.Rating, $"confidence {unsure.Confidence.Overall}");
        Assert.Equal(0.95, unsure.Confidence.Deadline); // the word is not in the deadline
        Assert.DoesNotContain(sure.Confidence.Review, r => r.StartsWith("có chữ khôi phục", StringComparison.Ordinal));
        Assert.True(sure.Confidence.Overall >= 0.9, $"confidence {sure.Confidence.Overall}");
    }

    [Fact]
    public void An_unsure_word_in_the_deadline_lowers_the_deadline_too()
    {
        const string text = "Số: 45/UBND-VP Kim Sơn, ngày 02 tháng 3 năm 2024\n1. Giao Phòng Nội vụ rà soát hồ sơ, hoàn thành trước ngày 20/3/2024.";
        var at = text.IndexOf("trước", StringComparison.Ordinal);
        var restored = new RestoredText(text, text, [new RestoredWord(at, 5, at, 5, 0.5, Changed: true)]);

        var task = Assert.Single(ParseCommand.Reader().Read(restored, new DateOnly(2024, 3, 2)).Tasks);

        Assert.Contains("có chữ khôi phục chưa chắc: «trước»", task.Confidence.Review);
        Assert.True(task.Confidence.Deadline <= UnsureWords.Rating, $"deadline {task.Confidence.Deadline}");
    }

    [Fact]
    public void An_ocr_sample_names_its_unsure_words_in_the_tasks_that_hold_them()
    {
        var source = new DirectiveSource(ParseCommand.Reader(), Clock);
        var marked = new List<(DirectiveTask Task, string Item)>();
        foreach (var file in Directory.GetFiles(Samples, "*.txt"))
        {
            var directive = source.Read(file).Directive;
            marked.AddRange(directive.Tasks.SelectMany(t => t.Confidence.Review.Where(r => r.StartsWith("có chữ khôi phục chưa chắc: ", StringComparison.Ordinal)).Select(r => (t, r))));
        }

        Assert.NotEmpty(marked);
        Assert.All(marked, m =>
        {
            Assert.True(m.Task.Confidence.Overall <= UnsureWords.Rating, $"confidence {m.Task.Confidence.Overall}");
            // Each quoted word is a word of the task.
            foreach (var quoted in m.Item["có chữ khôi phục chưa chắc: ".Length..].Split(", "))
                Assert.Contains(quoted.Trim('«', '»'), m.Task.Text, StringComparison.Ordinal);
        });
    }
}

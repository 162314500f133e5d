using System.Globalization;
using Bot.Cli;

namespace Bot.Tests.Directives;

/// <summary>
/// Specs/Directives/review.tsv: how sure the reader is of a task and what a clerk should check first, in the short
/// Vietnamese the office's review screen shows ("chưa rõ đơn vị chủ trì", "hạn không có năm, đã lấy năm của văn bản").
/// </summary>
public sealed class ReviewTests
{
    public static TheoryData<string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var row in SpecFile.Rows("Directives/review.tsv")) data.Add(row[0], row[1], row[2], row[3], row[4]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Says_what_to_check_and_how_sure_it_is(string text, string reference, string item, string atMost, string comment)
    {
        var directive = ParseCommand.Reader().Read(text.Replace("\\n", "\n", StringComparison.Ordinal), DateOnly.Parse(reference, CultureInfo.InvariantCulture));

        var task = Assert.Single(directive.Tasks);
        Assert.True(task.Confidence.Review.Contains(item), $"{comment}: review [{string.Join("; ", task.Confidence.Review)}]");
        Assert.True(task.Confidence.Overall <= double.Parse(atMost, CultureInfo.InvariantCulture), $"{comment}: confidence {task.Confidence.Overall}");
        Assert.InRange(task.Confidence.Overall, 0, 1);
    }

    [Fact]
    public void A_task_named_outright_with_a_dated_deadline_needs_no_review()
    {
        var directive = ParseCommand.Reader().Read(
            "Số: 45/UBND-VP Kim Sơn, ngày 02 tháng 3 năm 2024\n1. Giao Phòng Nội vụ rà soát hồ sơ tồn đọng, hoàn thành trước ngày 20/3/2024.",
            new DateOnly(2024, 3, 2));

        var task = Assert.Single(directive.Tasks);
        Assert.Empty(task.Confidence.Review);
        Assert.True(task.Confidence.Overall >= 0.9, $"confidence {task.Confidence.Overall}");
        Assert.True(task.Confidence.Lead > task.Confidence.Support - 0.1);
    }
}

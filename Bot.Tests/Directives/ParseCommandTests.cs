using Bot.Cli;

namespace Bot.Tests.Directives;

public sealed class ParseCommandTests
{
    [Fact]
    public async Task A_missing_or_unreadable_file_is_refused_with_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("parse-");
        try
        {
            var empty = Path.Combine(folder.FullName, "trong.txt");
            await File.WriteAllTextAsync(empty, "");

            Assert.Equal(CommandLine.BadInput, await ParseCommand.RunAsync(new CliArgs(["--json", Path.Combine(folder.FullName, "khong-co.txt")])));
            Assert.Equal(CommandLine.BadInput, await ParseCommand.RunAsync(new CliArgs(["--json", empty])));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_JSON_follows_the_contract()
    {
        var directive = ParseCommand.Reader().Read(
            "Số: 12/UBND-VP Tứ Kỳ, ngày 03 tháng 10 năm 2023\n1. Giao Phòng Tư pháp chủ trì, phối hợp với Phòng Nội vụ rà soát, chậm nhất ngày 30/11/2023.",
            new DateOnly(2024, 1, 1));

        var json = ParseCommand.ToJson(directive);

        Assert.Contains("\"issuedOn\": \"2023-10-03\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lead\": [\n        \"Phòng Tư pháp\"", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"dueBefore\": \"2023-12-01T00:00:00+07:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"recurrence\": null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_carries_urgency_confidence_and_what_to_review()
    {
        var directive = ParseCommand.Reader().Read(
            "UBND TỈNH THÁI BÌNH\nSỞ NỘI VỤ\nSố: 12/SNV-VP Thái Bình, ngày 03 tháng 10 năm 2023\nTHƯỢNG KHẨN\n1. Rà soát hồ sơ, báo cáo trước ngày 15/10.",
            new DateOnly(2024, 1, 1));

        using var json = System.Text.Json.JsonDocument.Parse(ParseCommand.ToJson(directive));

        var root = json.RootElement;
        Assert.Equal("Thượng khẩn", root.GetProperty("urgency").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, root.GetProperty("review").ValueKind);
        var task = root.GetProperty("tasks")[0];
        Assert.InRange(task.GetProperty("confidence").GetDouble(), 0, 1);
        foreach (var field in new[] { "lead", "support", "deadline" })
            Assert.InRange(task.GetProperty("fieldConfidence").GetProperty(field).GetDouble(), 0, 1);
        var review = task.GetProperty("review").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("chưa rõ đơn vị chủ trì", review);
        Assert.Contains("hạn không có năm, đã lấy năm của văn bản", review);
    }
}

using System.Text.Json;
using Bot.Cli;
using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>The store verbs end to end on a real file: `Bot import`, `Bot tasks --json`.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly TempStore _temp = new();

    private const string Good = """
        {
          "number": "545/UBND-NV", "issuer": "UBND huyện Tứ Kỳ", "issuedOn": "2023-05-11",
          "tasks": [
            { "ref": "1", "kind": "task", "text": "Nâng cao tỷ lệ số hóa hồ sơ", "lead": ["Văn phòng HĐND và UBND huyện"],
              "support": [], "deadlineText": "trong tháng 5/2099", "dueBefore": "2099-06-01T00:00:00+07:00", "recurrence": null },
            { "ref": "2", "kind": "task", "text": "Đánh giá kết quả làm việc", "lead": ["UBND các xã, thị trấn"],
              "support": [], "deadlineText": "định kỳ hằng quý", "dueBefore": null, "recurrence": "FREQ=MONTHLY;INTERVAL=3" },
            { "ref": "3", "kind": "request", "text": "Đề nghị các đồng chí Ủy viên", "lead": [], "support": [] }
          ]
        }
        """;

    [Fact]
    public async Task Import_skips_an_unreadable_file_keeps_the_rest_and_tasks_lists_them_as_json()
    {
        var good = _temp.File("545.json");
        var broken = _temp.File("hong.json");
        var pdf = _temp.File("chua-doc.pdf");
        await File.WriteAllTextAsync(good, Good);
        await File.WriteAllTextAsync(broken, "{ \"tasks\": [ { \"ref\": ");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4");

        var code = await ImportCommand.RunAsync(new CliArgs([good, broken, pdf, "--publish", "--db", _temp.DbPath]));
        Assert.Equal(CommandLine.BadInput, code);
        Assert.Equal(0, await ImportCommand.RunAsync(new CliArgs([good, "--publish", "--db", _temp.DbPath]))); // again: nothing changes

        using (var store = BotStore.Open(new StoreOptions(_temp.DbPath), _temp.Clock))
        {
            var all = store.Assignments.ByDirectiveNumber("545/UBND-NV");
            Assert.Equal(1 + 23 * 3, all.Count); // the office once, every commune and town for three quarters
        }

        var output = new StringWriter();
        var before = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, await TasksCommand.RunAsync(new CliArgs(["--unit", "van phong hdnd va ubnd huyen", "--json", "--db", _temp.DbPath])));
        }
        finally
        {
            Console.SetOut(before);
        }
        using var json = JsonDocument.Parse(output.ToString());
        var task = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("545/UBND-NV", task.GetProperty("directive").GetString());
        Assert.Equal("2099-06-01T00:00:00+07:00", task.GetProperty("dueBefore").GetString());
        Assert.Equal("open", task.GetProperty("status").GetString());
        Assert.Equal("Văn phòng HĐND và UBND huyện", task.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Import_publish_tells_the_units_officials_of_new_work_and_of_a_corrected_version_once()
    {
        using (var store = BotStore.Open(new StoreOptions(_temp.DbPath), _temp.Clock))
            store.Directory.Upsert([new Bot.Domain.Organization.Official
            {
                Phone = "0900000009", Name = "Ngô Thị Vân", UnitCode = "VP", Role = Bot.Domain.Organization.Role.Staff,
                ChatAccounts = [new Bot.Domain.Organization.ChatAccount("telegram", "9009")],
            }]);
        var first = _temp.File("545.json");
        await File.WriteAllTextAsync(first, Good);
        var since = _temp.Clock.GetUtcNow();
        Assert.Equal(0, await ImportCommand.RunAsync(new CliArgs([first, "--publish", "--db", _temp.DbPath])));
        Assert.Equal(0, await ImportCommand.RunAsync(new CliArgs([first, "--publish", "--db", _temp.DbPath]))); // the same again: told once
        var corrected = _temp.File("545-sua.json");
        await File.WriteAllTextAsync(corrected, Good.Replace("2099-06-01T00:00:00+07:00", "2099-05-25T00:00:00+07:00", StringComparison.Ordinal)
            .Replace("trong tháng 5/2099", "trước ngày 25/5/2099", StringComparison.Ordinal));
        Assert.Equal(0, await ImportCommand.RunAsync(new CliArgs([corrected, "--publish", "--db", _temp.DbPath])));

        using var reopened = BotStore.Open(new StoreOptions(_temp.DbPath), _temp.Clock);
        var told = reopened.Outbox.RecordedSince(since).Where(n => n.OfficialId == "0900000009").Select(n => n.Kind).ToList();
        Assert.Equal([Bot.Domain.Reminders.NudgeKind.NewTask, Bot.Domain.Reminders.NudgeKind.Corrected], told);
        Assert.Equal(2, reopened.Outbox.Pending().Count); // left for the process that delivers
    }

    [Fact]
    public async Task The_import_seam_sends_json_to_the_contract_reader_and_other_files_to_the_document_reader()
    {
        var txt = _temp.File("1259.txt");
        var json = _temp.File("545.json");
        await File.WriteAllTextAsync(txt, "Số: 1259/UBND-VP ...");
        await File.WriteAllTextAsync(json, Good);
        var seen = new List<string>();
        var files = new Bot.Storage.DirectiveFiles(path =>
        {
            seen.Add(Path.GetFileName(path));
            var text = File.ReadAllText(path);
            return new Bot.Domain.Assignments.ReadDirective(
                new Bot.Domain.Directives.Directive("1259/UBND-VP", null, null, null, null, null, null, [], []), text, Path.GetFileName(path));
        });
        Assert.Equal("1259/UBND-VP", files.Read(txt).Directive.Number);
        Assert.Equal("545/UBND-NV", files.Read(json).Directive.Number);
        Assert.Equal(["1259.txt"], seen);
        Assert.Throws<FileNotFoundException>(() => files.Read(_temp.File("khong-co.pdf")));
        Assert.Throws<InvalidDataException>(() => new Bot.Storage.DirectiveFiles().Read(txt)); // no document reader wired yet
    }

    [Fact]
    public async Task Tasks_for_an_unknown_unit_is_refused_politely()
    {
        var e = await Assert.ThrowsAsync<CliException>(() => TasksCommand.RunAsync(new CliArgs(["--unit", "Phòng Ngoại giao", "--db", _temp.DbPath])));
        Assert.Equal("Không tìm thấy đơn vị \"Phòng Ngoại giao\" trong danh mục.", e.Message);
    }

    public void Dispose() => _temp.Dispose();
}

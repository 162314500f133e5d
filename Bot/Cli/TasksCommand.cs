using System.Text.Json;
using Bot.Domain.Assignments;
using Bot.Domain.Words;
using Bot.Domain.Time;
using Bot.Domain.Organization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Cli;

/// <summary>`Bot tasks --unit NAME [--status open|overdue|done] [--due-within DAYS] [--json] [--db PATH]`.</summary>
public static class TasksCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var name = args.Option("unit") ?? throw new CliException("Bot tasks --unit TÊN [--status open|overdue|done] [--due-within NGÀY] [--json]: hãy cho biết đơn vị.");
        int? days = null;
        if (args.Option("due-within") is { } text)
            days = int.TryParse(text, out var n) && n >= 0 ? n : throw new CliException($"Số ngày \"{text}\" không hợp lệ.");
        var isNew = StoreCli.IsNew(args);
        using var bot = StoreCli.Open(args);
        var unit = StoreCli.Unit(bot.GetRequiredService<UnitDirectory>(), name);
        var assignments = bot.GetRequiredService<IAssignmentStore>();
        var now = bot.GetRequiredService<TimeProvider>().GetUtcNow();
        var status = args.Option("status") ?? "open";
        IReadOnlyList<Assignment> list = status switch
        {
            "open" when days is { } d => assignments.DueWithin(d, unit.Code),
            "open" => assignments.OpenOfUnit(unit.Code),
            "overdue" => assignments.Overdue(unit.Code),
            "done" => assignments.DoneOfUnit(unit.Code),
            _ => throw new CliException($"Trạng thái \"{status}\" không hợp lệ: chọn open, overdue hoặc done."),
        };
        if (isNew && list.Count == 0) StoreCli.SayNewStore(args);
        if (args.Flag("json"))
        {
            var rows = list.Select(a => new
            {
                id = a.Id,
                directive = a.DirectiveNumber,
                @ref = a.TaskRef,
                text = a.TaskText,
                unit = unit.Name,
                part = a.Part == UnitPart.Lead ? "lead" : "support",
                dueBefore = a.DueBefore?.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                status = a.IsOverdue(now) ? "overdue" : a.Status.ToString().ToLowerInvariant(),
                doneBy = a.Completion?.ByName,
                doneAt = a.Completion?.At.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            });
            Console.WriteLine(JsonSerializer.Serialize(rows, Json));
            return Task.FromResult(0);
        }
        var table = new Table().Title(Markup.Escape($"{unit.Name}: {list.Count} nhiệm vụ"))
            .AddColumn("Văn bản").AddColumn("Vị trí").AddColumn("Nhiệm vụ").AddColumn("Hạn").AddColumn("Trạng thái");
        foreach (var a in list)
        {
            var state = a.IsDone ? $"[green]Đã xong[/] ({Markup.Escape(a.Completion!.ByName)})" : a.IsOverdue(now) ? "[red]Quá hạn[/]" : "Đang làm";
            table.AddRow(Markup.Escape(a.DirectiveNumber ?? ""), Markup.Escape(Wording.Place(a.TaskRef)),
                Markup.Escape(Wording.Summary(a.TaskText, 80)),
                a.DueBefore is { } due ? Wording.DueInFull(due) : "", state);
        }
        AnsiConsole.Write(table);
        return Task.FromResult(0);
    }
}

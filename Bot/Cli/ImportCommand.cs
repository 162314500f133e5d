using Bot.Domain.Assignments;
using Bot.Domain.Words;
using Bot.Domain.Organization;
using Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Cli;

/// <summary>
/// `Bot import FILES... [--publish] [--related "Phòng Nội vụ;Phòng Tư pháp"] [--db PATH]`: reads each
/// file into a directive, stores it and its tasks, and with --publish fans them out to units.
/// A file that cannot be read is reported and skipped; the others go on.
/// </summary>
public static class ImportCommand
{
    /// <summary>
    /// How a file becomes a directive when not the default: .json in the directive contract, anything
    /// else (.txt, .pdf, .docx) through the document reader. It may throw IOException or
    /// InvalidDataException: the file is then reported and skipped.
    /// </summary>
    public static IDirectiveSource? Source { get; set; }

    /// <summary>Who the audit log names for imports from the command line.</summary>
    private const string CommandLineUser = "cli";

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var files = args.PositionalWithFlags("publish");
        if (files.Count == 0) throw new CliException("Bot import FILES... [--publish] [--related \"ĐƠN VỊ;ĐƠN VỊ\"] [--db PATH]: hãy cho biết tệp cần nhập.");
        using var bot = StoreCli.Open(args);
        var units = bot.GetRequiredService<UnitDirectory>();
        var related = (args.Option("related") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => StoreCli.Unit(units, name)).ToList();
        var importer = bot.GetRequiredService<DirectiveImporter>();
        var publication = bot.GetRequiredService<Bot.Domain.Desk.Publication>();
        var clock = bot.GetRequiredService<TimeProvider>();
        var source = Source ?? new Bot.Storage.DirectiveFiles(bot.GetRequiredService<IDirectiveSource>().Read);
        var publish = args.Flag("publish");
        var failed = 0;
        void ImportOne(string file)
        {
            ReadDirective read;
            try
            {
                read = source.Read(file);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                failed++;
                var why = e is FileNotFoundException or DirectoryNotFoundException ? "không tìm thấy tệp." : e.Message;
                AnsiConsole.MarkupLine($"[red]Bỏ qua {Markup.Escape(file)}:[/] {Markup.Escape(why)}");
                return;
            }
            if (!publish)
            {
                Report(file, importer.Import(read, publish: false, related, CommandLineUser), notices: null, detailed: files.Count <= 3);
                return;
            }
            var published = publication.Publish(read, related, CommandLineUser, clock.GetUtcNow());
            Report(file, published.Import, published.NoticeIds.Count, detailed: files.Count <= 3);
        }
        if (files.Count > 3)
        {
            AnsiConsole.Progress().Start(ctx =>
            {
                var bar = ctx.AddTask("Nhập văn bản", maxValue: files.Count);
                foreach (var file in files)
                {
                    ImportOne(file);
                    bar.Increment(1);
                }
            });
        }
        else foreach (var file in files) ImportOne(file);
        return Task.FromResult(failed == 0 ? 0 : CommandLine.BadInput);
    }

    private static void Report(string file, ImportResult result, int? notices, bool detailed)
    {
        var d = result.Directive;
        var what = result.Outcome switch
        {
            ImportOutcome.New => "văn bản mới",
            ImportOutcome.Corrected => "bản sửa đổi của văn bản đã có",
            _ => "không có gì thay đổi",
        };
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(file))}[/]: {Markup.Escape(d.Directive.Number ?? "(không số)")} — {what}; " +
            $"{d.Tasks.Count} nhiệm vụ; phân công: thêm {result.Saved.Inserted}, cập nhật {result.Saved.Updated}, bỏ {result.Saved.Deleted}" +
            (notices is { } n ? $"; {n} thông báo chờ gửi (trong giờ làm việc)." : "."));
        if (detailed && result.Outcome != ImportOutcome.Unchanged)
        {
            var table = new Table().AddColumn("Vị trí").AddColumn("Nhiệm vụ").AddColumn("Chủ trì").AddColumn("Hạn").AddColumn("Lặp lại");
            foreach (var t in d.Tasks.Select(t => t.Task))
            {
                table.AddRow(Markup.Escape(Wording.Place(t.Ref)), Markup.Escape(Wording.Summary(t.Text, 70)), Markup.Escape(string.Join("; ", t.Lead)),
                    t.DueBefore is { } due ? Wording.DueInFull(due) : Markup.Escape(t.DeadlineText ?? ""), Markup.Escape(t.Recurrence ?? ""));
            }
            AnsiConsole.Write(table);
        }
        foreach (var problem in result.Problems) AnsiConsole.MarkupLine($"  [yellow]{Markup.Escape(problem)}[/]");
    }
}

using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Conversation.Handlers;
using Bot.Domain.Organization;
using Bot.Domain.Reports;
using Bot.Domain.Time;
using Bot.Domain.Words;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Cli;

/// <summary>
/// `Bot report [--from DATE] [--to DATE] [--directive NUMBER] [--xlsx FILE] [--png FILE] [--db PATH]`: the units
/// ranked by on-time completion over the work due in the period (this month by default; --to is inclusive) or of
/// one directive, as a table; the chart and the workbook the chat sends, written where asked.
/// </summary>
public static class ReportCommand
{
    public const string Usage = "Bot report [--from NGÀY] [--to NGÀY] [--directive SỐ] [--xlsx TỆP] [--png TỆP] [--db ĐƯỜNG_DẪN]";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var bot = StoreCli.Open(args);
        var now = bot.GetRequiredService<TimeProvider>().GetUtcNow();
        var units = bot.GetRequiredService<UnitDirectory>();
        ReportWork asked;
        if (args.Option("directive") is { } number)
            asked = ReportWork.OfDirective(number, bot.GetRequiredService<IAssignmentStore>().ByDirectiveNumber(number), number) ?? throw new CliException(Phrases.ReportUnknownDirective(number));
        else
        {
            var (monthStart, monthEnd) = ReportHandler.ThisMonth(now);
            var from = Day(args, "from") is { } f ? VietnamTime.StartOfDay(f) : monthStart;
            var until = Day(args, "to") is { } t ? VietnamTime.StartOfDay(t.AddDays(1)) : monthEnd;
            if (until <= from) throw new CliException("--to phải không sớm hơn --from.");
            asked = ReportWork.Due(bot.GetRequiredService<IReportSource>(), from, until);
        }
        var report = asked.Report(units, now);
        var period = report.Period;

        var table = new Table().Title(Markup.Escape(Phrases.ReportHeading(period.Label, Phrases.UnitsOf([]), now).Trim()))
            .AddColumn("Hạng").AddColumn("Đơn vị").AddColumn(new TableColumn(Phrases.ReportDoneOnTime).RightAligned())
            .AddColumn(new TableColumn(Phrases.ReportDoneLate).RightAligned()).AddColumn(new TableColumn(Phrases.ReportOpen).RightAligned())
            .AddColumn(new TableColumn(Phrases.ReportOverdue).RightAligned()).AddColumn(new TableColumn("Tỷ lệ đúng hạn").RightAligned());
        foreach (var (r, i) in report.Ranking.Select((r, i) => (r, i)))
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(r.UnitName), N(r.DoneOnTime), N(r.DoneLate), N(r.Open),
                r.Overdue > 0 ? $"[red]{N(r.Overdue)}[/]" : "0", r.OnTimeRate is { } rate ? Phrases.Percent(rate) : "-");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(report.Total == 0 ? Phrases.ReportNothing(period.Label, Phrases.UnitsOf([])) : $"{report.Total:N0} phân công, {report.Ranking.Count} đơn vị.");

        var files = bot.GetRequiredService<IReportFiles>();
        if (args.Option("xlsx") is { } xlsx) Write(xlsx, files.Workbook(report, asked.Lines(report, bot.GetRequiredService<IProgressReports>())));
        if (args.Option("png") is { } png) Write(png, files.Chart(report));
        return Task.FromResult(0);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static void Write(string path, byte[] content)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        File.WriteAllBytes(full, content);
        AnsiConsole.WriteLine($"Đã ghi {full} ({content.Length:N0} byte).");
    }

    private static DateOnly? Day(CliArgs args, string name) =>
        args.Option(name) is not { } text ? null
        : DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new CliException($"--{name}: \"{text}\" không phải ngày (ví dụ 2023-11-30 hoặc 30/11/2023).");
}

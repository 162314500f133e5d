using System.Globalization;
using Bot.Domain.Reports;
using Bot.Domain.Time;
using Bot.Domain.Words;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using ScottPlot;

namespace Bot.Reports;

/// <summary>
/// A report as files: a PNG bar chart (ScottPlot; one bar per unit, split into done on time, done late, open and
/// overdue; Vietnamese labels in a font that has their diacritics, DejaVu Sans by default) and an .xlsx workbook
/// (MiniExcel, streamed: a summary sheet by unit, then one row per assignment, read ahead as it is written).
/// </summary>
public sealed class ReportFiles : IReportFiles
{
    /// <summary>Debian's fonts-dejavu-core (scripts/setup.sh and the Dockerfile install it).</summary>
    public const string DefaultFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>At most this many bars: beyond it a chart is unreadable on a phone; the units with most overdue are shown.</summary>
    public const int MaxBars = 30;

    public const int Width = 1000;

    private const string FontName = "Bot Report Sans";
    private static readonly Lock FontGate = new();
    private static string? _fontLoaded;

    private static readonly (string Label, Color Color)[] Parts =
    [
        (Phrases.ReportDoneOnTime, Color.FromHex("#2E7D32")),
        (Phrases.ReportDoneLate, Color.FromHex("#F9A825")),
        (Phrases.ReportOpen, Color.FromHex("#90A4AE")),
        (Phrases.ReportOverdue, Color.FromHex("#C62828")),
    ];

    public ReportFiles(string fontPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fontPath);
        if (!File.Exists(fontPath))
            throw new FileNotFoundException($"Không thấy phông chữ {fontPath} để vẽ biểu đồ (cài fonts-dejavu-core, hoặc đặt Reports__Font).", fontPath);
        FontPath = fontPath;
    }

    public string FontPath { get; }

    /// <summary>The chart's height for a number of bars: each bar a readable row.</summary>
    public static int HeightFor(int bars) => 160 + 34 * Math.Max(1, bars);

    public byte[] Chart(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        UseFont();
        // The units most behind, top to bottom (ScottPlot counts positions upwards).
        var shown = report.Ranking.OrderByDescending(r => r.Overdue).ThenBy(r => r.OnTimeRate ?? 1).ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .Take(MaxBars).ToList();
        var plot = new Plot();
        plot.Font.Set(FontName);
        var bars = new List<Bar>();
        for (var i = 0; i < shown.Count; i++)
        {
            var r = shown[i];
            var position = shown.Count - 1 - i;
            double start = 0;
            foreach (var (count, part) in new[] { r.DoneOnTime, r.DoneLate, r.Open, r.Overdue }.Zip(Parts))
            {
                if (count == 0) continue;
                bars.Add(new Bar { Position = position, ValueBase = start, Value = start + count, FillColor = part.Color, LineWidth = 0, Size = 0.7 });
                start += count;
            }
        }
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, shown.Count).Select(i => (double)(shown.Count - 1 - i))], [.. shown.Select(r => r.UnitName)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true }; // counts of work
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.02, top: 0.02);
        plot.Title(Phrases.ReportChartTitle(report.Period.Label, shown.Count, report.Ranking.Count), size: 18);
        plot.XLabel(Phrases.ChartAxis, size: 14);
        foreach (var (label, color) in Parts) plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 13;
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(Width, HeightFor(shown.Count), ImageFormat.Png);
    }

    public byte[] Workbook(Report report, IEnumerable<ReportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lines);
        var summary = report.Ranking.Select((r, i) => new SummaryRow
        {
            Rank = i + 1, Unit = r.UnitName, OnTime = r.DoneOnTime, Late = r.DoneLate, Open = r.Open, Overdue = r.Overdue, Total = r.Total,
            Rate = r.OnTimeRate is { } rate ? Math.Round(rate, 4) : null,
        });
        // The rows are read and made on another thread as MiniExcel writes them (ReadAhead): reading and writing take
        // about as long each.
        var detail = ReadAhead.Of(lines.Select(l => new DetailRow
        {
            Directive = l.Assignment.DirectiveNumber ?? "",
            Task = $"{l.Assignment.TaskRef}. {l.Assignment.TaskText}",
            Unit = l.UnitName,
            Due = l.Assignment.DueBefore is { } due ? Wording.DueShown(due) : "",
            Status = Report.Says(l.Status),
            DoneAt = l.Assignment.IsDone ? VietnamTime.ToLocal(l.Assignment.Completion!.At).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "",
            DoneBy = l.Assignment.IsDone ? l.Assignment.Completion!.ByName : "",
            Extension = Report.ExtensionOf(l.Assignment) ?? "",
            Progress = l.Progress ?? "",
            Id = l.Assignment.Id,
        }));
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [Phrases.SheetSummary] = summary, [Phrases.SheetDetail] = detail }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>ScottPlot's fonts are process-wide: the file is loaded once under a name of ours.</summary>
    private void UseFont()
    {
        lock (FontGate)
        {
            if (_fontLoaded == FontPath) return;
            Fonts.AddFontFile(FontName, FontPath);
            _fontLoaded = FontPath;
        }
    }

    // The workbook's columns, as the office reads them.
    internal sealed class SummaryRow
    {
        [ExcelColumnName("Hạng")] public int Rank { get; set; }
        [ExcelColumnName("Đơn vị")] [ExcelColumnWidth(40)] public string Unit { get; set; } = "";
        [ExcelColumnName("Xong đúng hạn")] public int OnTime { get; set; }
        [ExcelColumnName("Xong trễ hạn")] public int Late { get; set; }
        [ExcelColumnName("Đang thực hiện")] public int Open { get; set; }
        [ExcelColumnName("Quá hạn")] public int Overdue { get; set; }
        [ExcelColumnName("Tổng số việc")] public int Total { get; set; }
        [ExcelColumnName("Tỷ lệ đúng hạn")] [ExcelFormat("0.0%")] public double? Rate { get; set; }
    }

    internal sealed class DetailRow
    {
        [ExcelColumnName("Văn bản")] [ExcelColumnWidth(18)] public string Directive { get; set; } = "";
        [ExcelColumnName("Nhiệm vụ")] [ExcelColumnWidth(80)] public string Task { get; set; } = "";
        [ExcelColumnName("Đơn vị")] [ExcelColumnWidth(32)] public string Unit { get; set; } = "";
        [ExcelColumnName("Hạn")] [ExcelColumnWidth(20)] public string Due { get; set; } = "";
        [ExcelColumnName("Trạng thái")] [ExcelColumnWidth(16)] public string Status { get; set; } = "";
        [ExcelColumnName("Xong lúc")] [ExcelColumnWidth(18)] public string DoneAt { get; set; } = "";
        [ExcelColumnName("Người xác nhận")] [ExcelColumnWidth(22)] public string DoneBy { get; set; } = "";
        [ExcelColumnName("Gia hạn")] [ExcelColumnWidth(40)] public string Extension { get; set; } = "";
        [ExcelColumnName("Tiến độ mới nhất")] [ExcelColumnWidth(40)] public string Progress { get; set; } = "";
        [ExcelColumnName("Mã phân công")] [ExcelColumnWidth(30)] public string Id { get; set; } = "";
    }
}

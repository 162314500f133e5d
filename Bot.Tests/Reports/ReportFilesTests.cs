using Bot.Domain.Assignments;
using Bot.Domain.Conversation;
using Bot.Domain.Conversation.Handlers;
using Bot.Domain.Organization;
using Bot.Domain.Reports;
using Bot.Domain.Time;
using Bot.Domain.Words;
using Bot.Reports;
using MiniExcelLibs;
using SkiaSharp;

namespace Bot.Tests.Reports;

/// <summary>
/// Leaders' reports over the demo district with some work done (on time and late), a deadline extended and progress
/// reported: the workbook read back agrees with the store row for row, the chart is a PNG of the expected size whose
/// Vietnamese labels are drawn, and the conversation sends both, to whom it should.
/// </summary>
public sealed class ReportFilesTests : IDisposable
{
    private static readonly DateTimeOffset QuarterStart = VietnamTime.StartOfDay(new DateOnly(2023, 10, 1));
    private static readonly DateTimeOffset QuarterEnd = VietnamTime.StartOfDay(new DateOnly(2024, 1, 1));

    private readonly BotWorld _world = BotWorld.Create();
    private readonly TestBot _bot;

    public ReportFilesTests()
    {
        _bot = _world.Open();
        var store = _bot.Store.Assignments;
        var binh = _bot.Store.Directory.ByPhone("0900000004")!;   // Phòng Nội vụ
        var admin = _bot.Store.Directory.ByPhone("0900000001")!;
        var open = store.OpenOfUnit("NV");
        var dated = open.Where(a => a.DueBefore < QuarterEnd).ToList(); // earliest first: 23/10, then later in the quarter
        store.Confirm(dated[2].Id, binh, "đã gửi");                   // due after 30/10: done on time
        store.Extend(dated[1].Id, admin, dated[1].DueBefore!.Value.AddDays(20), "chờ số liệu của các xã"); // still in the quarter
        _bot.Store.Progress.Add(new ProgressReport { Id = "p1", AssignmentId = dated[1].Id, Percent = 60, Note = "còn chờ 3 xã", ByPhone = binh.Phone, ByName = binh.Name, At = BotWorld.Today });
        _bot.Clock.Advance(TimeSpan.FromDays(10));                    // 30/10: some deadlines passed
        store.Confirm(dated[0].Id, binh);                              // due 23/10: done late
    }

    public void Dispose()
    {
        _bot.Dispose();
        _world.Dispose();
    }

    private ReportWork QuarterWork() => ReportWork.Due(_bot.Store.ReportSource, QuarterStart, QuarterEnd);

    private Report Quarter() => QuarterWork().Report(_bot.Units, _bot.Clock.GetUtcNow());

    [Fact]
    public void The_workbook_read_back_agrees_with_the_store_row_for_row()
    {
        var report = Quarter();
        var workbook = _bot.Get<IReportFiles>().Workbook(report, QuarterWork().Lines(report, _bot.Store.Progress));
        var now = _bot.Clock.GetUtcNow();

        // Independently of the report: every unit's open and done work, due in the quarter.
        var expected = _bot.Units.Units.SelectMany(u => _bot.Store.Assignments.OpenOfUnit(u.Code).Concat(_bot.Store.Assignments.DoneOfUnit(u.Code)))
            .Where(a => a.DueBefore >= QuarterStart && a.DueBefore < QuarterEnd).ToDictionary(a => a.Id);
        Assert.True(expected.Count > 50, $"only {expected.Count} assignments in the quarter");

        using var detailStream = new MemoryStream(workbook);
        var rows = detailStream.Query(useHeaderRow: true, sheetName: Phrases.SheetDetail).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => (string)r["Mã phân công"]).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var a = expected[(string)row["Mã phân công"]];
            Assert.Equal(a.DirectiveNumber ?? "", Text(row["Văn bản"]));
            Assert.Equal($"{a.TaskRef}. {a.TaskText}", Text(row["Nhiệm vụ"]));
            Assert.Equal(_bot.Units.ByCode(a.UnitCode)!.Name, Text(row["Đơn vị"]));
            Assert.Equal(Wording.DueShown(a.DueBefore!.Value), Text(row["Hạn"]));
            var status = a.IsDone ? (a.Completion!.At < a.DueBefore ? "Xong đúng hạn" : "Xong trễ hạn") : a.DueBefore <= now ? "Quá hạn" : "Đang thực hiện";
            Assert.Equal(status, Text(row["Trạng thái"]));
            Assert.Equal(a.IsDone ? a.Completion!.ByName : "", Text(row["Người xác nhận"]));
            Assert.Equal(a.Extensions.Count > 0, Text(row["Gia hạn"]).Contains((a.Extensions.Count > 0 ? a.Extensions[^1].Reason : "\u0001"), StringComparison.Ordinal));
            Assert.Equal(_bot.Store.Progress.Latest(a.Id) is { } p ? Phrases.ProgressShort(p.Percent, p.Note) : "", Text(row["Tiến độ mới nhất"]));
        }
        Assert.Contains(rows, r => Text(r["Trạng thái"]) == "Xong đúng hạn");
        Assert.Contains(rows, r => Text(r["Trạng thái"]) == "Xong trễ hạn");
        Assert.Contains(rows, r => Text(r["Gia hạn"]).Contains("chờ số liệu của các xã", StringComparison.Ordinal));
        Assert.Contains(rows, r => Text(r["Tiến độ mới nhất"]) == "60% — còn chờ 3 xã");

        // The summary: one row per unit, its counts those of its detail rows, ranked by the on-time rate.
        using var summaryStream = new MemoryStream(workbook);
        var summary = summaryStream.Query(useHeaderRow: true, sheetName: Phrases.SheetSummary).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(rows.Select(r => Text(r["Đơn vị"])).Distinct().Order(StringComparer.Ordinal), summary.Select(r => Text(r["Đơn vị"])).Order(StringComparer.Ordinal));
        foreach (var unit in summary)
        {
            var of = rows.Where(r => Text(r["Đơn vị"]) == Text(unit["Đơn vị"])).ToList();
            foreach (var column in new[] { "Xong đúng hạn", "Xong trễ hạn", "Đang thực hiện", "Quá hạn" })
                Assert.Equal(of.Count(r => Text(r["Trạng thái"]) == column), Convert.ToInt32(unit[column], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(of.Count, Convert.ToInt32(unit["Tổng số việc"], System.Globalization.CultureInfo.InvariantCulture));
        }
        var rates = summary.Select(r => r["Tỷ lệ đúng hạn"] is { } v && Text(v).Length > 0 ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : -1).ToList();
        var rated = rates.TakeWhile(r => r >= 0).ToList();
        Assert.Equal(rated.OrderDescending(), rated);
        Assert.Equal(1, Convert.ToInt32(summary[0]["Hạng"], System.Globalization.CultureInfo.InvariantCulture));

        // The rows in the summary's order of units, each unit's by deadline.
        var unitOrder = summary.Select(r => Text(r["Đơn vị"])).ToList();
        Assert.Equal(unitOrder, rows.Select(r => Text(r["Đơn vị"])).Distinct());
        foreach (var unit in rows.GroupBy(r => Text(r["Đơn vị"])))
        {
            var deadlines = unit.Select(r => expected[(string)r["Mã phân công"]].DueBefore!.Value).ToList();
            Assert.Equal(deadlines.Order(), deadlines);
        }
    }

    [Fact]
    public void The_chart_is_a_png_of_the_expected_size_with_its_vietnamese_labels_drawn()
    {
        var report = Quarter();
        var files = (ReportFiles)_bot.Get<IReportFiles>();
        using var chart = SKBitmap.Decode(files.Chart(report));
        Assert.NotNull(chart);
        Assert.Equal(ReportFiles.Width, chart.Width);
        Assert.Equal(ReportFiles.HeightFor(Math.Min(ReportFiles.MaxBars, report.Ranking.Count)), chart.Height);

        // The font has the letters (no empty boxes), and a label is drawn with its marks: the same chart with the
        // name written without them differs exactly in the label column.
        using var typeface = SKTypeface.FromFile(files.FontPath);
        Assert.True(typeface.ContainsGlyphs("ĐđÂâĂăÊêÔôƠơƯưÃãẠạẢảẤấẦầẪẫỮữỜờẶặỳỹ"));
        var accented = One("Xã Nguyên Giáp");
        var plain = One("Xa Nguyen Giap");
        using var a = SKBitmap.Decode(files.Chart(accented));
        using var b = SKBitmap.Decode(files.Chart(plain));
        var labelColumn = new SKRectI(0, 60, 260, a.Height - 60);
        Assert.True(Dark(a, labelColumn) > 100, "no label drawn left of the bars");
        Assert.True(Differs(a, b, labelColumn) > 20, "the marks of «Xã Nguyên Giáp» are not drawn");
        Assert.Equal(0, Differs(a, b, new SKRectI(400, 60, a.Width - 250, a.Height - 120))); // the bars are the same
    }

    [Fact]
    public void Leaders_get_the_ranking_the_chart_and_the_workbook_unit_heads_their_unit_and_staff_are_told()
    {
        var leader = _bot.Link("0900000002", new ChatAccount("telegram", "7002"));
        var reply = _bot.Handle(new Inbound("telegram", "7002", "7002") { Text = "tien do quy IV" });
        Assert.Equal(3, reply.Messages.Count);
        Assert.StartsWith("📊 Báo cáo tiến độ quý IV/2023 — toàn huyện", reply.Messages[0].Text, StringComparison.Ordinal);
        Assert.True(reply.Messages[1].File is { IsPhoto: true, Name: "bao-cao-2023-10-01-2023-12-31.png" });
        Assert.True(reply.Messages[2].File is { IsPhoto: false } f && f.Name.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.NotNull(leader);

        _bot.Link("0900000003", new ChatAccount("telegram", "7003")); // Nguyễn Văn An, head of the district office: every unit
        Assert.Contains("toàn huyện", _bot.Handle(new Inbound("telegram", "7003", "7003") { Text = "báo cáo tháng 10" }).Messages[0].Text, StringComparison.Ordinal);

        _bot.Link("0900000006", new ChatAccount("telegram", "7004")); // Phạm Thị Dung, head of Phòng Văn hóa và Thông tin: her unit
        var own = _bot.Handle(new Inbound("telegram", "7004", "7004") { Text = "báo cáo quý 4" });
        Assert.StartsWith("📊 Báo cáo tiến độ quý IV/2023 — Phòng Văn hóa và Thông tin", own.Messages[0].Text, StringComparison.Ordinal);
        using (var stream = new MemoryStream(own.Messages[2].File!.Content))
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: Phrases.SheetDetail).Cast<IDictionary<string, object>>().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal("Phòng Văn hóa và Thông tin", Text(r["Đơn vị"])));
        }

        _bot.Link("0900000004", new ChatAccount("telegram", "7005"));
        var staff = _bot.Handle(new Inbound("telegram", "7005", "7005") { Text = "báo cáo tháng 10" });
        Assert.Equal(Phrases.ReportIsForHeads, Assert.Single(staff.Messages).Text);
    }

    [Fact]
    public void A_leaders_progress_of_a_directive_is_its_report_some_units_or_a_unit_heads_stay_lists()
    {
        _bot.Link("0900000002", new ChatAccount("telegram", "7002")); // Phạm Văn Lãnh, district leader
        var asked = _bot.Handle(new Inbound("telegram", "7002", "7002") { Text = "tiến độ công văn 1259" });
        var report = _bot.Handle(new Inbound("telegram", "7002", "7002") { Text = "báo cáo công văn 1259" });
        Assert.Equal(3, asked.Messages.Count);
        Assert.StartsWith("📊 Báo cáo tiến độ văn bản 1259/UBND-VP — toàn huyện", asked.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(report.Messages[0].Text, asked.Messages[0].Text);
        Assert.True(asked.Messages[1].File is { IsPhoto: true, Name: "bao-cao-1259.png" });
        Assert.Equal(report.Messages[2].File!.Name, asked.Messages[2].File!.Name);
        Assert.Equal(report.Messages[1].File!.Name, asked.Messages[1].File!.Name);

        // Some units' progress of it, or a unit head's: the list by unit, as before, without files.
        var communes = _bot.Handle(new Inbound("telegram", "7002", "7002") { Text = "tiến độ công văn 1259 của các xã" });
        Assert.All(communes.Messages, m => Assert.Null(m.File));
        Assert.StartsWith("📊 Văn bản 1259 — các xã, thị trấn", communes.Messages[0].Text, StringComparison.Ordinal);
        _bot.Link("0900000006", new ChatAccount("telegram", "7004")); // Phạm Thị Dung, head of Phòng Văn hóa và Thông tin
        var head = _bot.Handle(new Inbound("telegram", "7004", "7004") { Text = "tiến độ công văn 1259" });
        Assert.All(head.Messages, m => Assert.Null(m.File));
    }

    [Theory]
    [InlineData("báo cáo tháng 11", "2023-11-01", "2023-12-01", null)]
    [InlineData("tiến độ quý IV", "2023-10-01", "2024-01-01", null)]
    [InlineData("bao cao quy 4", "2023-10-01", "2024-01-01", null)]
    [InlineData("báo cáo công văn 1259", null, null, "1259")]
    [InlineData("xuất báo cáo", null, null, null)]
    public void Report_phrasings_are_read_with_their_period(string said, string? from, string? until, string? directive)
    {
        var intent = Assert.IsType<ReportIntent>(_bot.Get<TurnReader>().Read(said, BotWorld.Today));
        Assert.Equal(from, intent.From is { } f ? VietnamTime.ToLocal(f).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        Assert.Equal(until, intent.Until is { } u ? VietnamTime.ToLocal(u).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        Assert.Equal(directive, intent.Directive?.Number);
    }

    private static Report One(string unitName)
    {
        var units = new UnitDirectory([new Unit("X1", unitName, UnitKind.Commune, [], null)], []);
        var due = BotWorld.Today.AddDays(5);
        var work = Enumerable.Range(1, 4).Select(i => new Assignment
        {
            Id = $"t{i}/X1/-", DirectiveId = "d", DirectiveNumber = "1/UBND", TaskId = $"t{i}", TaskRef = $"{i}", TaskText = "Báo cáo", UnitCode = "X1",
            DueBefore = due, CreatedAt = BotWorld.Today,
        });
        return Report.Of(new ReportPeriod(BotWorld.Today, due.AddDays(1), "tháng 10/2023"), work, units, BotWorld.Today);
    }

    private static int Dark(SKBitmap image, SKRectI area)
    {
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
            for (var x = area.Left; x < area.Right; x++)
                if (image.GetPixel(x, y) is var c && c.Red + c.Green + c.Blue < 300) n++;
        return n;
    }

    private static int Differs(SKBitmap a, SKBitmap b, SKRectI area)
    {
        var n = 0;
        for (var y = area.Top; y < Math.Min(area.Bottom, Math.Min(a.Height, b.Height)); y++)
            for (var x = area.Left; x < area.Right; x++)
                if (a.GetPixel(x, y) != b.GetPixel(x, y)) n++;
        return n;
    }

    private static string Text(object? value) => value?.ToString() ?? "";
}

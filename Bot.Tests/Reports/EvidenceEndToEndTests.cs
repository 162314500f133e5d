using System.Text;
using Bot.Storage;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Reports;

/// <summary>
/// Evidence of progress through the fake Bot API: a photo with a progress report as its caption and a PDF right after
/// it are kept and listed on the report; the task's detail counts them and its button sends them back, to the unit's
/// official and to a leader; an empty file, a file of another kind and one over 20 MB are refused and nothing is kept.
/// </summary>
public sealed class EvidenceEndToEndTests : IAsyncLifetime
{
    private const long Binh = 3102;     // Trần Thị Bình, Phòng Nội vụ, 0900000004
    private const long Leader = 3103;   // Phạm Văn Lãnh, district leader, 0900000002

    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 1, 2, 3, 4, 5];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private ServedBot _served = null!;

    private FakeTelegramServer Telegram => _served.Telegram;

    public async Task InitializeAsync()
    {
        _served = await ServedBot.StartAsync(new Dictionary<string, string?>
        {
            // A reminder arriving mid-test is the chat's newest list, and «việc 2» would then mean its second task.
            ["Scheduling:Reminders"] = "false",
        });
    }

    public async Task DisposeAsync() => await _served.DisposeAsync();

    [Fact]
    public async Task Files_with_or_right_after_a_progress_report_are_kept_shown_and_sent_to_who_may_see_the_task()
    {
        await _served.LinkAsync(Binh, "0900000004");
        Telegram.SendText(Binh, "việc của tôi");
        await _served.Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal));

        Telegram.SendDocument(Binh, "anh-hop.jpg", Photo, caption: "việc 2 đã làm được 60%, còn chờ 3 xã");
        var recorded = await _served.Until(Binh, m => m.Text.StartsWith("📈 Đã ghi nhận tiến độ việc 2", StringComparison.Ordinal));
        Assert.Contains("📎 Đã lưu tệp minh chứng «anh-hop.jpg» cho việc 2.", recorded.Text, StringComparison.Ordinal);
        Telegram.SendDocument(Binh, "bao-cao.pdf", Pdf);
        await _served.Until(Binh, m => m.Text.StartsWith("📎 Đã lưu tệp minh chứng «bao-cao.pdf» cho báo cáo tiến độ vừa gửi (2 tệp)", StringComparison.Ordinal));

        // Refused, and nothing kept: empty, another kind (a program), over 20 MB (not even fetched).
        Telegram.SendDocument(Binh, "trong.pdf", []);
        await _served.Until(Binh, m => m.Text.StartsWith("Tệp trống", StringComparison.Ordinal));
        Telegram.SendDocument(Binh, "cai-dat.exe", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03]);
        await _served.Until(Binh, m => m.Text.Contains("chỉ nhận minh chứng là ảnh (JPG, PNG), PDF hoặc Word", StringComparison.Ordinal));
        var downloads = Telegram.Stats.Downloads;
        Telegram.SendDocument(Binh, "lon.pdf", [1, 2, 3], declaredSize: 25L * 1024 * 1024);
        await _served.Until(Binh, m => m.Text.Contains("Tệp lớn quá 20 MB", StringComparison.Ordinal));
        Assert.Equal(downloads, Telegram.Stats.Downloads);

        var report = Store.Progress.LatestBy("0900000004", BotWorld.Today.AddDays(-1))!;
        Assert.Single(Store.Progress.OfAssignment(report.AssignmentId));
        Assert.Equal(60, report.Percent);
        Assert.Equal(["anh-hop.jpg", "bao-cao.pdf"], report.Files.Select(f => f.FileName));
        Assert.Equal([Photo.Length, Pdf.Length], report.Files.Select(f => (int)f.Size));

        // The detail counts them; its button sends them.
        Telegram.SendText(Binh, "việc 2");
        var detail = await _served.Until(Binh, m => m.Text.Contains("📎 2 tệp minh chứng", StringComparison.Ordinal));
        Telegram.Tap(Binh, detail.Id, ServedBot.Button(detail, "📎 Xem minh chứng"));
        var pdf = await _served.Until(Binh, m => m.File is { Name: "bao-cao.pdf" });
        Assert.StartsWith("📎 Minh chứng việc 2 (2/2)", pdf.Text, StringComparison.Ordinal);
        Assert.Equal(Pdf, pdf.File!.Content);
        Assert.Equal(Photo, Telegram.Chat(Binh).Single(m => m.File is { Name: "anh-hop.jpg" }).File!.Content);

        // A leader sees the unit's task and its evidence too.
        await _served.LinkAsync(Leader, "0900000002");
        Telegram.SendText(Leader, "phòng nội vụ còn việc gì");
        await _served.Until(Leader, m => m.Text.StartsWith("📋 Việc còn phải làm — Phòng Nội vụ", StringComparison.Ordinal));
        Telegram.SendText(Leader, "việc 2");
        var seen = await _served.Until(Leader, m => m.Text.Contains("📎 2 tệp minh chứng", StringComparison.Ordinal));
        Telegram.Tap(Leader, seen.Id, ServedBot.Button(seen, "📎 Xem minh chứng"));
        Assert.Equal(Photo, (await _served.Until(Leader, m => m.File is { Name: "anh-hop.jpg" })).File!.Content);
    }

    [Fact]
    public async Task A_photo_sent_compressed_with_its_report_is_kept_whole_as_evidence()
    {
        await _served.LinkAsync(Binh, "0900000004");
        Telegram.SendText(Binh, "việc của tôi");
        await _served.Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal));

        Telegram.SendPhoto(Binh, Photo, caption: "việc 2 đã làm được 40%");
        var recorded = await _served.Until(Binh, m => m.Text.StartsWith("📈 Đã ghi nhận tiến độ việc 2", StringComparison.Ordinal));
        Assert.Contains("📎 Đã lưu tệp minh chứng «anh-", recorded.Text, StringComparison.Ordinal);

        var report = Store.Progress.LatestBy("0900000004", BotWorld.Today.AddDays(-1))!;
        Assert.Equal(40, report.Percent);
        var kept = Assert.Single(report.Files);
        Assert.Matches(@"^anh-\d{8}-\d{6}\.jpg$", kept.FileName);
        Assert.Equal(Photo.Length, (int)kept.Size); // the largest size, not the thumbnail
        Telegram.SendText(Binh, "việc 2");
        var detail = await _served.Until(Binh, m => m.Text.Contains("📎 1 tệp minh chứng", StringComparison.Ordinal));
        Telegram.Tap(Binh, detail.Id, ServedBot.Button(detail, "📎 Xem minh chứng"));
        Assert.Equal(Photo, (await _served.Until(Binh, m => m.File is { Name: var name } && name == kept.FileName)).File!.Content);
    }

    private BotStore Store => _served.Store;
}

using System.Text;
using Bot.Domain.Assignments;
using Bot.Storage;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Desk;

/// <summary>
/// The office's desk through the fake Bot API over HTTP, in the real host: the office sends a directive file, gets
/// the review card, edits it, publishes it; the officials of the assigned units get one new-task notice each and
/// confirm from it. Others are refused, bad files are answered and leave nothing behind, and a restart between the
/// card and "✅ Giao việc" loses nothing.
/// </summary>
public sealed class DeskEndToEndTests : IAsyncLifetime
{
    private const long Office = 3001;   // Trần Thị Thư, văn thư of Văn phòng HĐND và UBND huyện, 0900000038
    private const long Binh = 3002;     // Trần Thị Bình, Phòng Nội vụ, 0900000004
    private const long Cuong = 3003;    // Lê Văn Cường, Phòng Tư pháp, 0900000005
    private const long Giang = 3004;    // Hoàng Văn Giang, Phòng Tài chính - Kế hoạch, 0900000007: nothing in 1301

    /// <summary>Three tasks: one with a deadline, one without (the desk proposes one), one for "các cơ quan, đơn vị liên quan".</summary>
    internal const string Directive = """
        ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        HUYỆN TỨ KỲ                              Độc lập - Tự do - Hạnh phúc

        Số: 1301/UBND-VP                     Tứ Kỳ, ngày 18 tháng 10 năm 2023
        V/v triển khai kiểm tra công tác cải cách hành chính năm 2023

        Kính gửi:
        - Phòng Nội vụ;
        - Phòng Tư pháp;
        - Các cơ quan, đơn vị liên quan.

        Thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2023 của UBND huyện về cải cách hành chính năm 2023, Chủ tịch UBND huyện yêu cầu:

        1. Phòng Nội vụ chủ trì xây dựng kế hoạch kiểm tra công tác cải cách hành chính tại các xã, thị trấn, trình UBND huyện trước ngày 30/10/2023.

        2. Phòng Tư pháp rà soát các thủ tục hành chính thuộc lĩnh vực tư pháp, hộ tịch, báo cáo kết quả về UBND huyện (qua Phòng Nội vụ).

        3. Các cơ quan, đơn vị liên quan phối hợp cung cấp thông tin, tài liệu phục vụ kiểm tra khi có yêu cầu.

        Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.

        Nơi nhận:                                   KT. CHỦ TỊCH
        - Như trên;                                 PHÓ CHỦ TỊCH
        - Lưu: VT.
                                                    Phạm Văn Lãnh
        """;

    private ServedBot _served = null!;

    private FakeTelegramServer Telegram => _served.Telegram;

    public async Task InitializeAsync()
    {
        _served = await ServedBot.StartAsync();
    }

    public async Task DisposeAsync() => await _served.DisposeAsync();

    [Fact]
    public async Task A_directive_sent_by_the_office_is_reviewed_edited_published_announced_and_confirmed()
    {
        await _served.LinkAsync(Office, "0900000038");
        await _served.LinkAsync(Binh, "0900000004");
        await _served.LinkAsync(Cuong, "0900000005");

        Telegram.SendDocument(Office, "cv-1301.txt", Encoding.UTF8.GetBytes(Directive));
        var card = await _served.Until(Office, m => m.Text.Contains("📥 Văn bản 1301/UBND-VP", StringComparison.Ordinal));
        Assert.Contains("Cơ quan ban hành: UBND huyện Tứ Kỳ", card.Text, StringComparison.Ordinal);
        Assert.Contains("Trích yếu:", card.Text, StringComparison.Ordinal);
        Assert.Contains("đề xuất 10 ngày làm việc theo độ khẩn (thường)", TaskBlock(card, 2), StringComparison.Ordinal); // no deadline given
        Assert.Contains("⛔ Chưa giao được", card.Text, StringComparison.Ordinal);       // "các cơ quan, đơn vị liên quan"
        // What to check comes first: the card opens with a ⚠ task.
        var first = card.Text.IndexOf("\n\n", card.Text.IndexOf("nhiệm vụ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("\n\n⚠", card.Text[first..], StringComparison.Ordinal);

        // Publishing is refused while a task has no real unit; nothing is assigned.
        var refused = Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✅ Giao việc"));
        Assert.Contains("Chưa giao được", await Answer(refused), StringComparison.Ordinal);
        Assert.Empty(Store.Assignments.ByDirectiveNumber("1301/UBND-VP"));

        // Edit task 3: tap ✏️, type the unit accent-free.
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✏️ Sửa 3"));
        var prompt = await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✏️ Nhiệm vụ 3", StringComparison.Ordinal));
        Assert.Contains(prompt.Buttons.SelectMany(r => r), b => b.Text == "Phòng Văn hóa và Thông tin");
        Telegram.SendText(Office, "phong van hoa va thong tin");
        card = await _served.Until(Office, m => m.Text.StartsWith("✏️ Đã sửa nhiệm vụ 3", StringComparison.Ordinal));
        Assert.DoesNotContain("⛔", card.Text, StringComparison.Ordinal);
        Assert.Contains("Chủ trì: Phòng Văn hóa và Thông tin", card.Text, StringComparison.Ordinal);

        // Edit task 2's deadline by typing it.
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✏️ Sửa 2"));
        await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✏️ Nhiệm vụ 2", StringComparison.Ordinal));
        Telegram.SendText(Office, "trước 15/11");
        card = await _served.Until(Office, m => m.Text.StartsWith("✏️ Đã sửa nhiệm vụ 2", StringComparison.Ordinal));
        Assert.Contains("hết ngày 14/11/2023 — «trước 15/11»", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("đề xuất", TaskBlock(card, 2), StringComparison.Ordinal);
        Assert.Contains("đề xuất", TaskBlock(card, 3), StringComparison.Ordinal); // task 3 still has the proposed one

        var publish = Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✅ Giao việc"));
        Assert.Equal("Đã giao việc.", await Answer(publish));
        var done = await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✅ Đã giao văn bản 1301/UBND-VP", StringComparison.Ordinal));
        Assert.Contains("3 nhiệm vụ cho 3 đơn vị", done.Text, StringComparison.Ordinal);

        // The same path as `import --publish`: the directive and its assignments are in the store, with the edits.
        var assigned = Store.Assignments.ByDirectiveNumber("1301/UBND-VP");
        Assert.Equal(["NV", "TP", "VHTT"], assigned.Select(a => a.UnitCode).Order().ToArray());
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 0, 0, 0, TimeSpan.FromHours(7)), assigned.Single(a => a.UnitCode == "TP").DueBefore);

        // One notice each to the officials of the units, with the number, the deadline and a done button.
        var binh = await _served.Until(Binh, m => m.Text.StartsWith("📌 Việc mới", StringComparison.Ordinal));
        Assert.Contains("1301/UBND-VP", binh.Text, StringComparison.Ordinal);
        Assert.Contains("hạn 29/10/2023", binh.Text, StringComparison.Ordinal);
        var cuong = await _served.Until(Cuong, m => m.Text.StartsWith("📌 Việc mới", StringComparison.Ordinal));
        Assert.Contains("hạn 14/11/2023", cuong.Text, StringComparison.Ordinal);
        Assert.Single(Telegram.Chat(Binh), m => m.FromBot && m.Text.StartsWith("📌 Việc mới", StringComparison.Ordinal));

        // Done from the notice.
        var tap = Telegram.Tap(Binh, binh.Id, ServedBot.Button(binh, "✅ Đã xong 1"));
        Assert.Contains("Đã ghi nhận", await Answer(tap), StringComparison.Ordinal);
        await _served.Until(Binh, m => m.Id == binh.Id && m.Text.Contains("Trần Thị Bình xác nhận xong", StringComparison.Ordinal));
        Assert.True(Store.Assignments.ByDirectiveNumber("1301/UBND-VP").Single(a => a.UnitCode == "NV").IsDone);

        // Publishing the same file again tells nobody twice.
        Telegram.SendDocument(Office, "cv-1301.txt", Encoding.UTF8.GetBytes(Directive));
        var again = await _served.Until(Office, m => m.Text.Contains("📥 Văn bản 1301/UBND-VP", StringComparison.Ordinal) && m.Id > done.Id);
        Assert.Contains("đã giao ngày", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_original_goes_back_as_a_document_to_the_units_given_work_and_to_the_office_only()
    {
        await _served.LinkAsync(Office, "0900000038");
        await _served.LinkAsync(Binh, "0900000004");
        await _served.LinkAsync(Giang, "0900000007");
        var original = Encoding.UTF8.GetBytes(Directive);
        await PublishWithoutTask3Async();

        // Typed, accents optional: Phòng Nội vụ has a task from it, so Bình gets the file as it was sent.
        Telegram.SendText(Binh, "gui van ban 1301");
        var sent = await _served.Until(Binh, m => m.File is not null);
        Assert.Equal("cv-1301.txt", sent.File!.Name);
        Assert.Equal(original, sent.File.Content);
        Assert.StartsWith("📎 Văn bản 1301/UBND-VP", sent.Text, StringComparison.Ordinal);

        // Giang's unit has nothing in it: the refusal is the same as for a number that does not exist.
        Telegram.SendText(Giang, "gửi văn bản 1301");
        var refused = await _served.Until(Giang, m => m.Text.Contains("không gửi được văn bản 1301", StringComparison.Ordinal));
        Telegram.SendText(Giang, "gửi văn bản 1302");
        var unknown = await _served.Until(Giang, m => m.Text.Contains("không gửi được văn bản 1302", StringComparison.Ordinal));
        Assert.Equal(refused.Text.Replace("1301", "", StringComparison.Ordinal), unknown.Text.Replace("1302", "", StringComparison.Ordinal));
        Assert.DoesNotContain(Telegram.Chat(Giang), m => m.File is not null);

        // A directive imported from the command line as text has no file, and the answer says so.
        Telegram.SendText(Binh, "gửi công văn 1259");
        await _served.Until(Binh, m => m.Text.Contains("Văn bản 1259/UBND-VP được nạp vào hệ thống dưới dạng chữ, không có tệp gốc", StringComparison.Ordinal));

        // The button under a task's detail sends it too; a forged one changes nothing and says so.
        Telegram.SendText(Binh, "công văn 1301");
        await _served.Until(Binh, m => m.Text.Contains("1301/UBND-VP", StringComparison.Ordinal) && m.Buttons.Count > 0 && m.File is null);
        Telegram.SendText(Binh, "việc 1");
        var detail = await _served.Until(Binh, m => m.Text.StartsWith("📄 Việc 1", StringComparison.Ordinal));
        var files = Telegram.Chat(Binh).Count(m => m.File is not null);
        var tap = Telegram.Tap(Binh, detail.Id, ServedBot.Button(detail, "📎 Văn bản gốc"));
        Assert.Equal("Đã gửi văn bản gốc.", await Answer(tap));
        await _served.Until(Binh, m => m.File is not null && Telegram.Chat(Binh).Count(x => x.File is not null) > files);
        var data = ServedBot.Button(detail, "📎 Văn bản gốc");
        var forged = Telegram.Tap(Binh, detail.Id, data[..^2] + (data[^2] == 'A' ? "BB" : "AA"));
        Assert.Equal("Nút này không còn hiệu lực.", await Answer(forged));
        var foreign = Telegram.Tap(Giang, detail.Id, data); // signed for Bình, not for Giang
        Assert.Equal("Nút này không còn hiệu lực.", await Answer(foreign));
        Assert.Equal(files + 1, Telegram.Chat(Binh).Count(m => m.File is not null));
        Assert.DoesNotContain(Telegram.Chat(Giang), m => m.File is not null);

        // The office has every directive's, by the full number.
        Telegram.SendText(Office, "bản gốc 1301/UBND-VP");
        var office = await _served.Until(Office, m => m.File is not null);
        Assert.Equal(original, office.File!.Content);
    }

    /// <summary>1301 corrected: task 1's deadline moves, Phòng Tư pháp's review is gone, a task for Phòng Nội vụ is new.</summary>
    private static readonly string Corrected = Directive
        .Replace("trước ngày 30/10/2023", "trước ngày 06/11/2023", StringComparison.Ordinal)
        .Replace("2. Phòng Tư pháp rà soát các thủ tục hành chính thuộc lĩnh vực tư pháp, hộ tịch, báo cáo kết quả về UBND huyện (qua Phòng Nội vụ).", "", StringComparison.Ordinal)
        .Replace("3. Các cơ quan", "2. Các cơ quan", StringComparison.Ordinal)
        .Replace("khi có yêu cầu.", "khi có yêu cầu.\n\n        3. Phòng Nội vụ tổng hợp kết quả kiểm tra, báo cáo Chủ tịch UBND huyện trước ngày 30/11/2023.", StringComparison.Ordinal);

    [Fact]
    public async Task A_corrected_version_shows_its_changes_keeps_confirmed_work_and_tells_each_official_once()
    {
        await _served.LinkAsync(Office, "0900000038");
        await _served.LinkAsync(Binh, "0900000004");
        await _served.LinkAsync(Cuong, "0900000005");
        await PublishWithoutTask3Async();
        var notice = await _served.Until(Binh, m => m.Text.StartsWith("📌 Việc mới", StringComparison.Ordinal));
        Telegram.Tap(Binh, notice.Id, ServedBot.Button(notice, "✅ Đã xong 1"));
        await _served.Until(Binh, m => m.Id == notice.Id && m.Text.Contains("xác nhận xong", StringComparison.Ordinal));

        // The same file again, with task 2's deadline edited on the card: the edit is published (it used to be lost).
        Telegram.SendDocument(Office, "cv-1301.txt", Encoding.UTF8.GetBytes(Directive));
        var card = await _served.Until(Office, m => m.Text.Contains("📥 Văn bản 1301/UBND-VP", StringComparison.Ordinal) && m.Id > notice.Id);
        Assert.Contains("➕ Nhiệm vụ 3 mới", card.Text, StringComparison.Ordinal); // dropped from the published version
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "🗑 Bỏ 3"));
        card = await _served.Until(Office, m => m.Id == card.Id && m.Edited && !m.Text.Contains('⛔', StringComparison.Ordinal));
        Assert.Contains("bản này không đổi nhiệm vụ nào", card.Text, StringComparison.Ordinal); // the default proposed for 2 is the one published
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✏️ Sửa 2"));
        await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✏️ Nhiệm vụ 2", StringComparison.Ordinal));
        Telegram.SendText(Office, "trước 15/11");
        card = await _served.Until(Office, m => m.Text.StartsWith("✏️ Đã sửa nhiệm vụ 2", StringComparison.Ordinal));
        Assert.Contains("📝 So với bản đã giao ngày 20/10/2023 (1 thay đổi", card.Text, StringComparison.Ordinal);
        Assert.Contains("→ hết ngày 14/11/2023", card.Text, StringComparison.Ordinal);
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✅ Giao việc"));
        var done = await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✅ Đã giao văn bản 1301/UBND-VP", StringComparison.Ordinal));
        Assert.Contains("1 cán bộ đang được gửi thông báo thay đổi", done.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 0, 0, 0, TimeSpan.FromHours(7)), Store.Assignments.ByDirectiveNumber("1301", "TP").Single().DueBefore);
        var moved = await _served.Until(Cuong, m => m.Text.StartsWith("📝 Công văn 1301/UBND-VP đã được sửa", StringComparison.Ordinal));
        Assert.Contains("→ hết ngày 14/11/2023", moved.Text, StringComparison.Ordinal);

        // A corrected text: the card says what changes before anything is published.
        Telegram.SendDocument(Office, "cv-1301-sua.txt", Encoding.UTF8.GetBytes(Corrected));
        card = await _served.Until(Office, m => m.Text.Contains("📥 Văn bản 1301/UBND-VP", StringComparison.Ordinal) && m.Id > done.Id);
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "🗑 Bỏ 2"));
        card = await _served.Until(Office, m => m.Id == card.Id && m.Edited && !m.Text.Contains('⛔', StringComparison.Ordinal));
        Assert.Contains("(3 thay đổi", card.Text, StringComparison.Ordinal);
        Assert.Contains("hạn hết ngày 29/10/2023 → hết ngày 05/11/2023", card.Text, StringComparison.Ordinal);
        Assert.Contains("➖ Bỏ nhiệm vụ «Phòng Tư pháp rà soát", card.Text, StringComparison.Ordinal);
        Assert.Contains("➕ Nhiệm vụ 2 mới: «Phòng Nội vụ tổng hợp", card.Text, StringComparison.Ordinal);
        Assert.Equal(2, Store.Assignments.ByDirectiveNumber("1301").Count); // nothing changed yet
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✅ Giao việc"));
        done = await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✅ Đã giao văn bản 1301/UBND-VP", StringComparison.Ordinal));

        // Bình's confirmed work is kept under its new deadline; one message tells of the moved deadline and the new task.
        var binh = await _served.Until(Binh, m => m.Text.StartsWith("📝 Công văn 1301/UBND-VP đã được sửa", StringComparison.Ordinal));
        Assert.Contains("hết ngày 29/10/2023 → hết ngày 05/11/2023", binh.Text, StringComparison.Ordinal);
        Assert.Contains("1. ➕ Việc mới: Phòng Nội vụ tổng hợp", binh.Text, StringComparison.Ordinal);
        var nv = Store.Assignments.ByDirectiveNumber("1301", "NV");
        Assert.True(nv.Single(a => a.TaskText.Contains("kế hoạch kiểm tra", StringComparison.Ordinal)).IsDone);
        Assert.Equal(new DateTimeOffset(2023, 11, 6, 0, 0, 0, TimeSpan.FromHours(7)), nv.Single(a => a.IsDone).DueBefore);
        var removed = await _served.Until(Cuong, m => m.Text.Contains("Không còn giao cho đơn vị", StringComparison.Ordinal));
        Assert.Contains("Phòng Tư pháp rà soát", removed.Text, StringComparison.Ordinal);
        Assert.Empty(Store.Assignments.ByDirectiveNumber("1301", "TP"));

        // Nobody hears of either correction twice, nor of its new task as a second «📌 Việc mới».
        Assert.Single(Telegram.Chat(Binh), m => m.FromBot && m.Text.StartsWith("📝", StringComparison.Ordinal));
        Assert.Equal(2, Telegram.Chat(Cuong).Count(m => m.FromBot && m.Text.StartsWith("📝", StringComparison.Ordinal)));
        Assert.DoesNotContain(Telegram.Chat(Binh), m => m.Id > notice.Id && m.Text.StartsWith("📌", StringComparison.Ordinal));

        // Done from the correction notice, like any list.
        var tap = Telegram.Tap(Binh, binh.Id, ServedBot.Button(binh, "✅ Đã xong 1"));
        Assert.Contains("Đã ghi nhận", await Answer(tap), StringComparison.Ordinal);
        Assert.True(Store.Assignments.ByDirectiveNumber("1301", "NV").All(a => a.IsDone));
    }

    [Fact]
    public async Task A_directive_published_at_night_is_announced_the_next_working_morning()
    {
        var friday9pm = new DateTimeOffset(2023, 10, 20, 21, 0, 0, TimeSpan.FromHours(7));
        await _served.RestartAsync(friday9pm);
        await _served.LinkAsync(Office, "0900000038");
        await _served.LinkAsync(Binh, "0900000004");
        var done = await PublishWithoutTask3Async();
        Assert.Contains("lúc 07:30 23/10/2023 (đầu giờ làm việc)", done.Text, StringComparison.Ordinal); // Monday

        // The notice waits in the outbox, its delivery scheduled for Monday 07:30 (Hangfire counts on its own clock).
        var pending = Store.Outbox.Pending().Select(Store.Outbox.Get).Where(m => m!.Nudges.Any(n => n.Kind == Bot.Domain.Reminders.NudgeKind.NewTask)).ToList();
        Assert.Single(pending);
        var scheduled = _served.Host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
            .Where(j => j.Value.Job.Args.Contains(pending[0]!.Id)).ToList();
        var wait = new DateTimeOffset(2023, 10, 23, 7, 30, 0, TimeSpan.FromHours(7)) - friday9pm;
        var at = Assert.Single(scheduled).Value.EnqueueAt;
        Assert.InRange(at, DateTime.UtcNow + wait - TimeSpan.FromMinutes(2), DateTime.UtcNow + wait);
        Assert.DoesNotContain(Telegram.Chat(Binh), m => m.Text.StartsWith("📌", StringComparison.Ordinal));

        // Beside the reminders, the host keeps repeating duties alive: a daily roll-forward at 00:05 Vietnam time.
        using var connection = _served.Host.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var roll = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == Bot.Scheduling.RepeatingDuties.JobId);
        Assert.Equal("5 0 * * *", roll.Cron);
    }

    [Fact]
    public async Task A_Word_97_2003_file_is_converted_and_read()
    {
        await _served.LinkAsync(Office, "0900000038");
        Telegram.SendDocument(Office, "cv-1301.doc", WordDoc(Directive));
        var card = await _served.Until(Office, m => m.Text.Contains("📥 Văn bản 1301/UBND-VP", StringComparison.Ordinal));
        Assert.Contains("3 nhiệm vụ", card.Text, StringComparison.Ordinal);
    }

    /// <summary>A real .doc (Word 97–2003 binary), made by LibreOffice from the text, as an office's old Word would save it.</summary>
    private static byte[] WordDoc(string text)
    {
        var folder = Directory.CreateTempSubdirectory("desk-doc-");
        try
        {
            var source = Path.Combine(folder.FullName, "cv.txt");
            File.WriteAllText(source, text);
            var start = new System.Diagnostics.ProcessStartInfo("soffice") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-env:UserInstallation=file://" + Path.Combine(folder.FullName, "profile"), "--headless", "--infilter=Text (encoded):UTF8",
                         "--convert-to", "doc:MS Word 97", "--outdir", folder.FullName, source })
                start.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(start)!;
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "soffice did not finish");
            var doc = File.ReadAllBytes(Path.Combine(folder.FullName, "cv.doc"));
            Assert.Equal([0xD0, 0xCF, 0x11, 0xE0], doc[..4]); // an OLE compound file, as Word 97–2003 writes
            return doc;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_file_from_anyone_but_the_office_is_refused_politely_and_nothing_is_kept()
    {
        await _served.LinkAsync(Binh, "0900000004");
        Telegram.SendDocument(Binh, "cv-1301.txt", Encoding.UTF8.GetBytes(Directive));
        var reply = await _served.Until(Binh, m => m.Text.Contains("chỉ nhận văn bản từ văn thư", StringComparison.Ordinal));
        Assert.DoesNotContain("📥", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, Telegram.Stats.Downloads);
        Assert.Null(Store.Drafts.Latest("telegram:" + Binh));
    }

    [Theory]
    [InlineData("trong.txt", 0, "Tệp trống")]
    [InlineData("anh.pdf", 1, "hỏng")]
    [InlineData("thong-bao.txt", 2, "không thấy nhiệm vụ nào")]
    [InlineData("van-ban.xyz", 3, "Chưa đọc được tệp dạng")]
    [InlineData("co-mat-khau.pdf", 4, "có mật khẩu")]
    public async Task A_bad_file_gets_a_clear_answer_and_changes_nothing(string name, int kind, string answer)
    {
        await _served.LinkAsync(Office, "0900000038");
        byte[] content = kind switch
        {
            0 => [],
            1 => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251))],
            2 => Encoding.UTF8.GetBytes("""
                ỦY BAN NHÂN DÂN
                HUYỆN TỨ KỲ

                Số: 88/TB-UBND                     Tứ Kỳ, ngày 18 tháng 10 năm 2023

                THÔNG BÁO
                Kết quả hội nghị giao ban tháng 9 năm 2023

                Ngày 15 tháng 9 năm 2023, UBND huyện đã tổ chức hội nghị giao ban. Hội nghị đã đánh giá kết quả tháng 9, nhìn chung các chỉ tiêu đều đạt kế hoạch.
                """),
            3 => Encoding.UTF8.GetBytes(Directive),
            _ => PasswordProtectedPdf(),
        };
        Telegram.SendDocument(Office, name, content);
        await _served.Until(Office, m => m.Text.Contains(answer, StringComparison.Ordinal));
        Assert.Null(Store.Drafts.Latest("telegram:" + Office));
        Assert.DoesNotContain(Telegram.Chat(Office), m => m.Text.Contains("📥 Văn bản", StringComparison.Ordinal));
    }

    /// <summary>
    /// A one-page PDF under the standard security handler with a user password (its O and U entries are not
    /// those of an empty password), as an office's "protect with password" saves it: it cannot be opened without it.
    /// </summary>
    private static byte[] PasswordProtectedPdf()
    {
        var hex = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 53 + 7) % 256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hex}> /U <{hex[2..]}{hex[..2]}> /P -4 >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj {objects[i]} endobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"trailer << /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{hex[..32]}> <{hex[..32]}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_without_fetching_it()
    {
        await _served.LinkAsync(Office, "0900000038");
        Telegram.SendDocument(Office, "lon.pdf", [1, 2, 3], declaredSize: 25L * 1024 * 1024);
        await _served.Until(Office, m => m.Text.Contains("Tệp lớn quá 20 MB", StringComparison.Ordinal));
        Assert.Equal(0, Telegram.Stats.Downloads);
        Assert.Null(Store.Drafts.Latest("telegram:" + Office));
    }

    [Fact]
    public async Task A_restart_between_the_card_and_publishing_loses_nothing()
    {
        await _served.LinkAsync(Office, "0900000038");
        Telegram.SendDocument(Office, "cv-1301.txt", Encoding.UTF8.GetBytes(Directive));
        var card = await _served.Until(Office, m => m.Text.Contains("📥 Văn bản 1301/UBND-VP", StringComparison.Ordinal));

        await _served.RestartAsync();

        // The old card's buttons still work: edit, then publish.
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✏️ Sửa 3"));
        await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✏️ Nhiệm vụ 3", StringComparison.Ordinal));
        Telegram.SendText(Office, "Phòng Tư pháp");
        card = await _served.Until(Office, m => m.Text.StartsWith("✏️ Đã sửa nhiệm vụ 3", StringComparison.Ordinal));
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✅ Giao việc"));
        await _served.Until(Office, m => m.Text.StartsWith("✅ Đã giao văn bản 1301/UBND-VP", StringComparison.Ordinal));
        Assert.Equal(3, Store.Assignments.ByDirectiveNumber("1301/UBND-VP").Count);
        Assert.Null(Store.Drafts.Latest("telegram:" + Office));
    }

    private BotStore Store => _served.Store;

    /// <summary>The office sends 1301, drops task 3 («các cơ quan, đơn vị liên quan») and publishes; returns the card as published.</summary>
    private async Task<FakeMessage> PublishWithoutTask3Async()
    {
        Telegram.SendDocument(Office, "cv-1301.txt", Encoding.UTF8.GetBytes(Directive));
        var card = await _served.Until(Office, m => m.Text.Contains("📥 Văn bản 1301/UBND-VP", StringComparison.Ordinal));
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "🗑 Bỏ 3"));
        card = await _served.Until(Office, m => m.Id == card.Id && m.Edited && !m.Text.Contains('⛔', StringComparison.Ordinal));
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✅ Giao việc"));
        return await _served.Until(Office, m => m.Id == card.Id && m.Text.StartsWith("✅ Đã giao văn bản 1301/UBND-VP", StringComparison.Ordinal));
    }

    private Task<string?> Answer(string queryId) => Telegram.AnswerAsync(queryId);

    /// <summary>Task <paramref name="number"/>'s lines on a card.</summary>
    private static string TaskBlock(FakeMessage card, int number) =>
        card.Text.Split("\n\n").Single(b => b.StartsWith($"{number}. ", StringComparison.Ordinal) || b.StartsWith($"⚠ {number}. ", StringComparison.Ordinal));
}

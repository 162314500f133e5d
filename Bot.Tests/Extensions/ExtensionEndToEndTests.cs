using Bot.Domain.Conversation;
using Bot.Domain.Extensions;
using Bot.Storage;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Extensions;

/// <summary>
/// Extension requests through the fake Bot API over HTTP, in the real host (Hangfire delivers the outbox): an
/// official asks from a task's detail, answers the bot's questions, the office gets the card; a forged tap and a
/// tap by someone who may not decide change nothing; "📅 Ngày khác" moves the deadline to the office's date, a
/// refusal sends its reason back, «hủy» sends nothing, and a task has one open request at a time.
/// </summary>
public sealed class ExtensionEndToEndTests : IAsyncLifetime
{
    private const long Office = 4001;   // Trần Thị Thư, văn thư, 0900000038: the approver (Extensions:Approvers = Office)
    private const long Binh = 4002;     // Trần Thị Bình, Phòng Nội vụ, 0900000004
    private const long Cuong = 4003;    // Lê Văn Cường, Phòng Tư pháp, 0900000005

    private ServedBot _served = null!;

    private FakeTelegramServer Telegram => _served.Telegram;

    public async Task InitializeAsync()
    {
        _served = await ServedBot.StartAsync();
        await _served.LinkAsync(Office, "0900000038");
        await _served.LinkAsync(Binh, "0900000004");
        await _served.LinkAsync(Cuong, "0900000005");
        // Bình's reminders are lists too: one arriving mid-dialogue would become the list "việc 2" counts in.
        Telegram.SendText(Binh, "tắt nhắc");
        await _served.Until(Binh, m => m.Text.StartsWith("Đã tắt nhắc việc.", StringComparison.Ordinal));
        // A reminder recorded just before the mute is still delivered: let it arrive first.
        var quiet = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < quiet && Store.Outbox.Pending().Any(id => Store.Outbox.Get(id)?.OfficialPhone == "0900000004")) await Task.Delay(100);
    }

    public async Task DisposeAsync() => await _served.DisposeAsync();

    [Fact]
    public async Task A_request_from_the_detail_goes_to_the_office_and_another_date_moves_the_deadline()
    {
        Telegram.SendText(Binh, "việc của tôi");
        await _served.Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal));
        Telegram.SendText(Binh, "việc 2");
        var detail = await _served.Until(Binh, m => m.Text.StartsWith("📄 Việc 2", StringComparison.Ordinal));
        var assignment = OfficialsTask(2);
        var oldDue = assignment.DueBefore!.Value;

        // ⏳ under the task: the bot asks the date, then the reason, a turn at a time.
        Telegram.Tap(Binh, detail.Id, ServedBot.Button(detail, "⏳ Xin gia hạn"));
        await _served.Until(Binh, m => m.Text.Contains("muốn gia hạn đến ngày nào", StringComparison.Ordinal));
        Telegram.SendText(Binh, "hom qua"); // not later than the deadline
        await _served.Until(Binh, m => m.Text.StartsWith("Hạn mới phải sau hạn hiện tại", StringComparison.Ordinal));
        Telegram.SendText(Binh, "30/12");
        await _served.Until(Binh, m => m.Text.Contains("cho biết lý do xin gia hạn", StringComparison.Ordinal));
        Telegram.SendText(Binh, "chờ số liệu của các xã");
        var sent = await _served.Until(Binh, m => m.Text.StartsWith("⏳ Đã gửi đề nghị gia hạn đến hết ngày 30/12/2023", StringComparison.Ordinal));
        Assert.Contains("Văn phòng HĐND và UBND huyện", sent.Text, StringComparison.Ordinal);

        var card = await _served.Until(Office, m => m.Text.StartsWith("⏳ Đề nghị gia hạn — Phòng Nội vụ (Trần Thị Bình)", StringComparison.Ordinal));
        Assert.Contains("Xin gia hạn đến: hết ngày 30/12/2023", card.Text, StringComparison.Ordinal);
        Assert.Contains("Lý do: chờ số liệu của các xã", card.Text, StringComparison.Ordinal);
        var request = Store.Extensions.OpenOf(assignment.Id)!;
        Assert.Equal(ExtensionState.Asked, request.State);

        // One open request per task.
        Telegram.SendText(Binh, "xin gia hạn việc 2 đến 31/12 vì thiếu người");
        await _served.Until(Binh, m => m.Text.StartsWith("Việc này đã có đề nghị gia hạn đến hết ngày 30/12/2023", StringComparison.Ordinal));

        // A forged approve (the signature broken) and a real approve signed for someone who may not decide change nothing.
        var approve = ServedBot.Button(card, "✅ Đồng ý");
        var forged = approve[..^2] + (approve[^2..] == "AA" ? "BB" : "AA");
        Assert.Equal("Nút này không còn hiệu lực.", await Telegram.AnswerAsync(Telegram.Tap(Office, card.Id, forged)));
        var signer = _served.Host.Services.GetRequiredService<ButtonSigner>();
        var cuongsApprove = signer.Sign("y", $"{request.Id}-0", Cuong.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
        Assert.Equal("Anh/chị không có quyền duyệt gia hạn.", await Telegram.AnswerAsync(Telegram.Tap(Cuong, card.Id, cuongsApprove)));
        Assert.Equal(oldDue, Store.Assignments.Get(assignment.Id)!.DueBefore);
        Assert.Equal(ExtensionState.Asked, Store.Extensions.Get(request.Id)!.State);

        // 📅 Ngày khác: the office gives its own date.
        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "📅 Ngày khác"));
        await _served.Until(Office, m => m.Text.Contains("Anh/chị đồng ý gia hạn đến ngày nào", StringComparison.Ordinal));
        Telegram.SendText(Office, "15/12");
        await _served.Until(Office, m => m.Text.StartsWith("✅ Đã gia hạn đến hết ngày 15/12/2023", StringComparison.Ordinal));
        var told = await _served.Until(Binh, m => m.Text.StartsWith("✅ Đề nghị gia hạn đã được Trần Thị Thư đồng ý", StringComparison.Ordinal));
        Assert.Contains("Hạn mới: hết ngày 15/12/2023", told.Text, StringComparison.Ordinal);
        Assert.Contains("ngày khác ngày anh/chị đề nghị", told.Text, StringComparison.Ordinal);

        var moved = Store.Assignments.Get(assignment.Id)!;
        Assert.Equal(new DateTimeOffset(2023, 12, 16, 0, 0, 0, TimeSpan.FromHours(7)), moved.DueBefore);
        var extension = Assert.Single(moved.Extensions);
        Assert.Equal((oldDue, "chờ số liệu của các xã", "0900000038"), (extension.From!.Value, extension.Reason, extension.ApprovedByPhone));
        Assert.Contains(Store.Assignments.AuditOf(assignment.Id), e => e.Action == "extend" && e.ByPhone == "0900000038");

        // The card's buttons are spent: a second approve changes nothing.
        Assert.StartsWith("Đề nghị này đã được Trần Thị Thư đồng ý", await Telegram.AnswerAsync(Telegram.Tap(Office, card.Id, approve)), StringComparison.Ordinal);
        Assert.Single(Store.Assignments.Get(assignment.Id)!.Extensions);
    }

    [Fact]
    public async Task A_refusal_sends_its_reason_back_and_a_cancelled_request_sends_nothing()
    {
        Telegram.SendText(Binh, "viec cua toi");
        await _served.Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal));
        var assignment = OfficialsTask(2);

        // Typed in one message, accents left out: nothing more to ask.
        Telegram.SendText(Binh, "xin gia han viec 2 den 30/11 vi cho so lieu cua cac xa");
        await _served.Until(Binh, m => m.Text.StartsWith("⏳ Đã gửi đề nghị gia hạn đến hết ngày 30/11/2023", StringComparison.Ordinal));
        var card = await _served.Until(Office, m => m.Text.StartsWith("⏳ Đề nghị gia hạn", StringComparison.Ordinal));
        Assert.Contains("Lý do: cho so lieu cua cac xa", card.Text, StringComparison.Ordinal);

        Telegram.Tap(Office, card.Id, ServedBot.Button(card, "✖️ Không đồng ý"));
        await _served.Until(Office, m => m.Text.StartsWith("Anh/chị cho biết lý do không đồng ý", StringComparison.Ordinal));
        Telegram.SendText(Office, "Đề nghị hoàn thành đúng hạn, số liệu đã đủ");
        await _served.Until(Office, m => m.Text.StartsWith("✖️ Đã trả lời không đồng ý gia hạn", StringComparison.Ordinal));
        var refused = await _served.Until(Binh, m => m.Text.StartsWith("✖️ Đề nghị gia hạn không được Trần Thị Thư đồng ý", StringComparison.Ordinal));
        Assert.Contains("Lý do: Đề nghị hoàn thành đúng hạn, số liệu đã đủ.", refused.Text, StringComparison.Ordinal);
        Assert.Equal(assignment.DueBefore, Store.Assignments.Get(assignment.Id)!.DueBefore);
        Assert.Empty(Store.Assignments.Get(assignment.Id)!.Extensions);

        // A new request may follow a decided one; «hủy» half way sends nothing.
        var cards = Telegram.Chat(Office).Count(m => m.Text.StartsWith("⏳ Đề nghị gia hạn", StringComparison.Ordinal));
        Telegram.SendText(Binh, "viec cua toi");
        await _served.Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal) && m.Id > refused.Id);
        Telegram.SendText(Binh, "xin gia hạn việc 2");
        await _served.Until(Binh, m => m.Text.Contains("muốn gia hạn đến ngày nào", StringComparison.Ordinal));
        Telegram.SendText(Binh, "hủy");
        await _served.Until(Binh, m => m.Text == "Đã thôi, không gửi đề nghị gia hạn.");
        Assert.Null(Store.Extensions.OpenOf(assignment.Id));
        Telegram.SendText(Binh, "30/11"); // no longer an answer: read as a question about work due then
        await _served.Until(Binh, m => m.Text.Contains("11/2023", StringComparison.Ordinal) && !m.Text.StartsWith('⏳') && m.Text.Contains("Phòng Nội vụ", StringComparison.Ordinal));
        Assert.Equal(cards, Telegram.Chat(Office).Count(m => m.Text.StartsWith("⏳ Đề nghị gia hạn", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_leaders_report_arrives_as_a_ranking_a_photo_and_a_document()
    {
        await _served.LinkAsync(4004, "0900000002"); // Phạm Văn Lãnh, lãnh đạo huyện
        Telegram.SendText(4004, "báo cáo quý IV");
        await _served.Until(4004, m => m.Text.StartsWith("📊 Báo cáo tiến độ quý IV/2023 — toàn huyện", StringComparison.Ordinal));
        var photo = await _served.Until(4004, m => m.File is { } f && f.Name.EndsWith(".png", StringComparison.Ordinal));
        Assert.Equal("Biểu đồ tiến độ quý IV/2023", photo.Text);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.File!.Content[..4]);
        var workbook = await _served.Until(4004, m => m.File is { } f && f.Name.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Equal([(byte)'P', (byte)'K'], workbook.File!.Content[..2]); // a zip, as .xlsx is
    }

    private BotStore Store => _served.Store;

    /// <summary>Task <paramref name="number"/> of Bình's last list.</summary>
    private Bot.Domain.Assignments.Assignment OfficialsTask(int number)
    {
        var list = Store.Conversation.LastList("telegram:" + Binh)!;
        return Store.Assignments.Get(list.AssignmentIds[number - 1])!;
    }
}

using Bot.Domain.Conversation;
using Bot.Domain.Extensions;
using Bot.Hosting;
using Bot.Storage;
using Bot.Testing.Telegram;
using Microsoft.AspNetCore.Builder;
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

    private readonly BotWorld _world = BotWorld.Create();
    private FakeTelegramServer _telegram = null!;
    private WebApplication _host = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { PerChatBurst = 20 });
        _host = BotHost.Build(BotRole.Serve, new Dictionary<string, string?>
        {
            ["Storage:Path"] = _world.DbPath,
            ["Telegram:Token"] = _telegram.Token,
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Clock:Now"] = BotWorld.Today.ToString("O"),
            ["Urls"] = "http://127.0.0.1:0",
        })!;
        await _host.StartAsync();
        await LinkAsync(Office, "0900000038");
        await LinkAsync(Binh, "0900000004");
        await LinkAsync(Cuong, "0900000005");
        // Bình's reminders are lists too: one arriving mid-dialogue would become the list "việc 2" counts in.
        _telegram.SendText(Binh, "tắt nhắc");
        await Until(Binh, m => m.Text.StartsWith("Đã tắt nhắc việc.", StringComparison.Ordinal));
        // A reminder recorded just before the mute is still delivered: let it arrive first.
        var quiet = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < quiet && Store.Outbox.Pending().Any(id => Store.Outbox.Get(id)?.OfficialPhone == "0900000004")) await Task.Delay(100);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _telegram.DisposeAsync();
        _world.Dispose();
    }

    [Fact]
    public async Task A_request_from_the_detail_goes_to_the_office_and_another_date_moves_the_deadline()
    {
        _telegram.SendText(Binh, "việc của tôi");
        await Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal));
        _telegram.SendText(Binh, "việc 2");
        var detail = await Until(Binh, m => m.Text.StartsWith("📄 Việc 2", StringComparison.Ordinal));
        var assignment = OfficialsTask(2);
        var oldDue = assignment.DueBefore!.Value;

        // ⏳ under the task: the bot asks the date, then the reason, a turn at a time.
        _telegram.Tap(Binh, detail.Id, Button(detail, "⏳ Xin gia hạn"));
        await Until(Binh, m => m.Text.Contains("muốn gia hạn đến ngày nào", StringComparison.Ordinal));
        _telegram.SendText(Binh, "hom qua"); // not later than the deadline
        await Until(Binh, m => m.Text.StartsWith("Hạn mới phải sau hạn hiện tại", StringComparison.Ordinal));
        _telegram.SendText(Binh, "30/12");
        await Until(Binh, m => m.Text.Contains("cho biết lý do xin gia hạn", StringComparison.Ordinal));
        _telegram.SendText(Binh, "chờ số liệu của các xã");
        var sent = await Until(Binh, m => m.Text.StartsWith("⏳ Đã gửi đề nghị gia hạn đến hết ngày 30/12/2023", StringComparison.Ordinal));
        Assert.Contains("Văn phòng HĐND và UBND huyện", sent.Text, StringComparison.Ordinal);

        var card = await Until(Office, m => m.Text.StartsWith("⏳ Đề nghị gia hạn — Phòng Nội vụ (Trần Thị Bình)", StringComparison.Ordinal));
        Assert.Contains("Xin gia hạn đến: hết ngày 30/12/2023", card.Text, StringComparison.Ordinal);
        Assert.Contains("Lý do: chờ số liệu của các xã", card.Text, StringComparison.Ordinal);
        var request = Store.Extensions.OpenOf(assignment.Id)!;
        Assert.Equal(ExtensionState.Asked, request.State);

        // One open request per task.
        _telegram.SendText(Binh, "xin gia hạn việc 2 đến 31/12 vì thiếu người");
        await Until(Binh, m => m.Text.StartsWith("Việc này đã có đề nghị gia hạn đến hết ngày 30/12/2023", StringComparison.Ordinal));

        // A forged approve (the signature broken) and a real approve signed for someone who may not decide change nothing.
        var approve = Button(card, "✅ Đồng ý");
        var forged = approve[..^2] + (approve[^2..] == "AA" ? "BB" : "AA");
        Assert.Equal("Nút này không còn hiệu lực.", await _telegram.AnswerAsync(_telegram.Tap(Office, card.Id, forged)));
        var signer = _host.Services.GetRequiredService<ButtonSigner>();
        var cuongsApprove = signer.Sign("y", $"{request.Id}-0", Cuong.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
        Assert.Equal("Anh/chị không có quyền duyệt gia hạn.", await _telegram.AnswerAsync(_telegram.Tap(Cuong, card.Id, cuongsApprove)));
        Assert.Equal(oldDue, Store.Assignments.Get(assignment.Id)!.DueBefore);
        Assert.Equal(ExtensionState.Asked, Store.Extensions.Get(request.Id)!.State);

        // 📅 Ngày khác: the office gives its own date.
        _telegram.Tap(Office, card.Id, Button(card, "📅 Ngày khác"));
        await Until(Office, m => m.Text.Contains("Anh/chị đồng ý gia hạn đến ngày nào", StringComparison.Ordinal));
        _telegram.SendText(Office, "15/12");
        await Until(Office, m => m.Text.StartsWith("✅ Đã gia hạn đến hết ngày 15/12/2023", StringComparison.Ordinal));
        var told = await Until(Binh, m => m.Text.StartsWith("✅ Đề nghị gia hạn đã được Trần Thị Thư đồng ý", StringComparison.Ordinal));
        Assert.Contains("Hạn mới: hết ngày 15/12/2023", told.Text, StringComparison.Ordinal);
        Assert.Contains("ngày khác ngày anh/chị đề nghị", told.Text, StringComparison.Ordinal);

        var moved = Store.Assignments.Get(assignment.Id)!;
        Assert.Equal(new DateTimeOffset(2023, 12, 16, 0, 0, 0, TimeSpan.FromHours(7)), moved.DueBefore);
        var extension = Assert.Single(moved.Extensions);
        Assert.Equal((oldDue, "chờ số liệu của các xã", "0900000038"), (extension.From!.Value, extension.Reason, extension.ApprovedByPhone));
        Assert.Contains(Store.Assignments.AuditOf(assignment.Id), e => e.Action == "extend" && e.ByPhone == "0900000038");

        // The card's buttons are spent: a second approve changes nothing.
        Assert.StartsWith("Đề nghị này đã được Trần Thị Thư đồng ý", await _telegram.AnswerAsync(_telegram.Tap(Office, card.Id, approve)), StringComparison.Ordinal);
        Assert.Single(Store.Assignments.Get(assignment.Id)!.Extensions);
    }

    [Fact]
    public async Task A_refusal_sends_its_reason_back_and_a_cancelled_request_sends_nothing()
    {
        _telegram.SendText(Binh, "viec cua toi");
        await Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal));
        var assignment = OfficialsTask(2);

        // Typed in one message, accents left out: nothing more to ask.
        _telegram.SendText(Binh, "xin gia han viec 2 den 30/11 vi cho so lieu cua cac xa");
        await Until(Binh, m => m.Text.StartsWith("⏳ Đã gửi đề nghị gia hạn đến hết ngày 30/11/2023", StringComparison.Ordinal));
        var card = await Until(Office, m => m.Text.StartsWith("⏳ Đề nghị gia hạn", StringComparison.Ordinal));
        Assert.Contains("Lý do: cho so lieu cua cac xa", card.Text, StringComparison.Ordinal);

        _telegram.Tap(Office, card.Id, Button(card, "✖️ Không đồng ý"));
        await Until(Office, m => m.Text.StartsWith("Anh/chị cho biết lý do không đồng ý", StringComparison.Ordinal));
        _telegram.SendText(Office, "Đề nghị hoàn thành đúng hạn, số liệu đã đủ");
        await Until(Office, m => m.Text.StartsWith("✖️ Đã trả lời không đồng ý gia hạn", StringComparison.Ordinal));
        var refused = await Until(Binh, m => m.Text.StartsWith("✖️ Đề nghị gia hạn không được Trần Thị Thư đồng ý", StringComparison.Ordinal));
        Assert.Contains("Lý do: Đề nghị hoàn thành đúng hạn, số liệu đã đủ.", refused.Text, StringComparison.Ordinal);
        Assert.Equal(assignment.DueBefore, Store.Assignments.Get(assignment.Id)!.DueBefore);
        Assert.Empty(Store.Assignments.Get(assignment.Id)!.Extensions);

        // A new request may follow a decided one; «hủy» half way sends nothing.
        var cards = _telegram.Chat(Office).Count(m => m.Text.StartsWith("⏳ Đề nghị gia hạn", StringComparison.Ordinal));
        _telegram.SendText(Binh, "viec cua toi");
        await Until(Binh, m => m.Text.StartsWith("📋 Việc còn phải làm", StringComparison.Ordinal) && m.Id > refused.Id);
        _telegram.SendText(Binh, "xin gia hạn việc 2");
        await Until(Binh, m => m.Text.Contains("muốn gia hạn đến ngày nào", StringComparison.Ordinal));
        _telegram.SendText(Binh, "hủy");
        await Until(Binh, m => m.Text == "Đã thôi, không gửi đề nghị gia hạn.");
        Assert.Null(Store.Extensions.OpenOf(assignment.Id));
        _telegram.SendText(Binh, "30/11"); // no longer an answer: read as a question about work due then
        await Until(Binh, m => m.Text.Contains("11/2023", StringComparison.Ordinal) && !m.Text.StartsWith('⏳') && m.Text.Contains("Phòng Nội vụ", StringComparison.Ordinal));
        Assert.Equal(cards, _telegram.Chat(Office).Count(m => m.Text.StartsWith("⏳ Đề nghị gia hạn", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_leaders_report_arrives_as_a_ranking_a_photo_and_a_document()
    {
        await LinkAsync(4004, "0900000002"); // Phạm Văn Lãnh, lãnh đạo huyện
        _telegram.SendText(4004, "báo cáo quý IV");
        await Until(4004, m => m.Text.StartsWith("📊 Báo cáo tiến độ quý IV/2023 — toàn huyện", StringComparison.Ordinal));
        var photo = await Until(4004, m => m.File is { } f && f.Name.EndsWith(".png", StringComparison.Ordinal));
        Assert.Equal("Biểu đồ tiến độ quý IV/2023", photo.Text);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.File!.Content[..4]);
        var workbook = await Until(4004, m => m.File is { } f && f.Name.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Equal([(byte)'P', (byte)'K'], workbook.File!.Content[..2]); // a zip, as .xlsx is
    }

    private BotStore Store => _host.Services.GetRequiredService<BotStore>();

    /// <summary>Task <paramref name="number"/> of Bình's last list.</summary>
    private Bot.Domain.Assignments.Assignment OfficialsTask(int number)
    {
        var list = Store.Conversation.LastList("telegram:" + Binh)!;
        return Store.Assignments.Get(list.AssignmentIds[number - 1])!;
    }

    private async Task LinkAsync(long user, string phone)
    {
        _telegram.ShareContact(user, phone);
        await Until(user, m => m.Text.Contains("Tài khoản đã được liên kết", StringComparison.Ordinal));
    }

    private Task<FakeMessage> Until(long chat, Func<FakeMessage, bool> seen) => _telegram.UntilAsync(chat, seen, TimeSpan.FromSeconds(30));

    private static string Button(FakeMessage message, string text) =>
        message.Buttons.SelectMany(r => r).Single(b => b.Text == text).Data;
}

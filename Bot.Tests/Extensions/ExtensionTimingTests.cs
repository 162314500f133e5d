using Bot.Domain.Conversation;
using Bot.Domain.Extensions;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Words;
using Bot.Scheduling;

namespace Bot.Tests.Extensions;

/// <summary>
/// Extension requests on a fake clock: a half-said request lapses, an unanswered one is put to the approver again
/// after a working day (once), and once approved the reminders follow the new deadline, not the old one.
/// </summary>
public sealed class ExtensionTimingTests : IDisposable
{
    private const string Binh = "5002";    // Trần Thị Bình, Phòng Nội vụ
    private const string Office = "5001";  // Trần Thị Thư, văn thư: the approver

    private readonly BotWorld _world = BotWorld.Create();
    private readonly TestBot _bot;

    public ExtensionTimingTests()
    {
        _bot = _world.Open();
        _bot.Link("0900000004", new ChatAccount("telegram", Binh));
        _bot.Link("0900000038", new ChatAccount("telegram", Office));
    }

    public void Dispose()
    {
        _bot.Dispose();
        _world.Dispose();
    }

    [Fact]
    public void A_request_left_half_said_lapses_and_the_words_after_it_are_read_as_any()
    {
        Say(Binh, "việc của tôi");
        Assert.Contains("muốn gia hạn đến ngày nào", Say(Binh, "xin gia hạn việc 2"), StringComparison.Ordinal);
        _bot.Clock.Advance(ExtensionRules.DraftingWindow + TimeSpan.FromMinutes(1));
        var later = Say(Binh, "30/12");
        Assert.DoesNotContain("lý do", later, StringComparison.Ordinal);
        Assert.Contains("Phòng Nội vụ", later, StringComparison.Ordinal); // read as work due by then
        // The lapsed draft does not block a new request.
        Assert.StartsWith("⏳ Đã gửi đề nghị gia hạn", Say(Binh, "xin gia hạn việc 2 đến 30/12 vì chờ kết quả rà soát"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unanswered_request_is_reminded_after_a_working_day_and_once_approved_the_reminders_follow_the_new_deadline()
    {
        Say(Binh, "việc của tôi");
        var list = _bot.Store.Conversation.LastList("telegram:" + Binh)!;
        var task = _bot.Store.Assignments.Get(list.AssignmentIds[1])!; // hạn 16:00 ngày 23/10/2023
        Assert.StartsWith("⏳ Đã gửi", Say(Binh, "xin gia hạn việc 2 đến 30/11 vì chờ số liệu của các xã"), StringComparison.Ordinal);
        DeliverPending();
        Assert.Single(Cards(), m => m.Text.StartsWith("⏳ Đề nghị gia hạn", StringComparison.Ordinal));

        // Friday 08:00 → Monday 08:05: one working day later the office is reminded, once.
        _bot.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(5));
        _bot.Remind();
        _bot.Remind();
        var reminder = Assert.Single(Cards(), m => m.Text.StartsWith("⏰ Nhắc: đề nghị gia hạn", StringComparison.Ordinal));

        // Approved from the reminder's own buttons.
        var approve = reminder.Buttons.SelectMany(r => r).Single(b => b.Text == Phrases.ApproveButton).Data;
        var reply = _bot.Handle(new Inbound("telegram", Office, Office) { Tap = new ButtonTap(approve, "m1", "q1") });
        Assert.StartsWith("✅ Đã gia hạn đến hết ngày 30/11/2023", reply.Messages[0].Text, StringComparison.Ordinal);
        DeliverPending();
        Assert.Contains(_bot.Channel.Chat(Binh), m => m.Message.Text.StartsWith("✅ Đề nghị gia hạn đã được Trần Thị Thư đồng ý", StringComparison.Ordinal));

        // The old deadline passes: no overdue reminder of it. 3 working days before the new one: a reminder of that.
        var summary = Wording.Summary(task.TaskText);
        var before = _bot.Channel.Chat(Binh).Count;
        for (var day = 1; day <= 40; day++)
        {
            _bot.Clock.Advance(TimeSpan.FromDays(1));
            _bot.Remind();
        }
        var about = _bot.Channel.Chat(Binh).Skip(before).Select(m => m.Message.Text).Where(t => t.Contains(summary, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(about);
        Assert.All(about, t => Assert.DoesNotContain("hạn 16:00 ngày 23/10/2023", t, StringComparison.Ordinal));
        var sentAbout = _bot.Store.Outbox.RecordedSince(Bot.Domain.Time.VietnamTime.StartOfDay(new DateOnly(2023, 10, 24)))
            .Where(n => n.AssignmentId == task.Id && n.Kind is NudgeKind.Before or NudgeKind.DueToday or NudgeKind.Overdue).ToList();
        Assert.NotEmpty(sentAbout);
        Assert.All(sentAbout, n => Assert.Equal(new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)), n.DueBefore));
        Assert.Contains(sentAbout, n => n.Kind == NudgeKind.Before
            && n.PlannedAt >= Bot.Domain.Time.VietnamTime.StartOfDay(new DateOnly(2023, 11, 27)) && n.PlannedAt < Bot.Domain.Time.VietnamTime.StartOfDay(new DateOnly(2023, 11, 28)));
    }

    private List<Outbound> Cards() => [.. _bot.Channel.Chat(Office).Select(m => m.Message).Where(m => m.Text.Contains("Đề nghị gia hạn", StringComparison.Ordinal) || m.Text.Contains("đề nghị gia hạn", StringComparison.Ordinal))];

    private void DeliverPending()
    {
        var delivery = _bot.Get<NudgeDelivery>();
        foreach (var id in _bot.Store.Outbox.Pending()) _bot.Drive(delivery.DeliverAsync(id, CancellationToken.None));
    }

    private string Say(string user, string text) =>
        string.Join("\n", _bot.Handle(new Inbound("telegram", user, user) { Text = text }).Messages.Select(m => m.Text));
}

using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Scheduling;
using Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Scheduling;

/// <summary>
/// An official on Telegram and Zalo gets each reminder once, on the channel they last wrote on; one who
/// cannot be written to keeps their reminder until they write again, while it is still worth sending.
/// On a fake clock with recording channels.
/// </summary>
public sealed class LastChannelTests : IDisposable
{
    private const string Phone = "0900000000";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "last-channel-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingChannel _telegram = new("telegram");
    private readonly RecordingChannel _zalo = new("zalo");

    private string StorePath => Path.Combine(_folder, "bot.db");

    private static string TelegramUser => ReminderFixture.UserId(0).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One official with one task due at 17:00 on the working morning, on the given accounts.</summary>
    private TestBot Prepared(params ChatAccount[] accounts)
    {
        ReminderFixture.Prepare(StorePath, 1, ReminderFixture.WorkingMorning, _ => { });
        var bot = new TestBot(StorePath, new FakeTimeProvider(ReminderFixture.WorkingMorning), _telegram, others: [_zalo]);
        bot.Store.Directory.Upsert([bot.Store.Directory.ByPhone(Phone)! with { ChatAccounts = accounts }]);
        return bot;
    }

    private static int Reminders(RecordingChannel channel, string chat) =>
        channel.Chat(chat).Count(m => m.Message.Text.StartsWith("⏰ Nhắc việc", StringComparison.Ordinal));

    [Fact]
    public void An_official_on_both_channels_gets_one_reminder_on_the_one_last_used()
    {
        using var bot = Prepared(new ChatAccount("telegram", TelegramUser), new ChatAccount("zalo", "z1"));
        bot.Handle(new Inbound("zalo", "z1", "z1") { Text = "xin chào" });

        Assert.Equal([DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(1, Reminders(_zalo, "z1"));
        Assert.Equal(0, Reminders(_telegram, TelegramUser));

        // The next working morning the task is overdue; they wrote on Telegram meanwhile: it goes there, once.
        bot.Clock.Advance(TimeSpan.FromDays(1));
        bot.Handle(new Inbound("telegram", TelegramUser, TelegramUser) { Text = "việc của tôi" });
        Assert.Equal([DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(1, Reminders(_telegram, TelegramUser));
        Assert.Equal(1, Reminders(_zalo, "z1"));
        Assert.Equal("telegram", bot.Store.Preferences.Preferences(Phone).LastChannel);
    }

    [Fact]
    public void A_reminder_that_could_not_be_sent_waits_and_goes_when_they_write()
    {
        using var bot = Prepared(new ChatAccount("zalo", "z1"));
        _zalo.Fail("z1", Bot.Channels.ChannelFailure.Unreachable); // Zalo's window closed
        Assert.Equal([DeliveryOutcome.Waiting], bot.Remind());
        var waiting = Assert.Single(bot.Get<INudgeOutbox>().Waiting());
        Assert.NotNull(bot.Store.Preferences.Preferences(Phone).UnreachableSince);

        bot.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(bot.Remind()); // nobody wrote: it keeps waiting, and nothing new is planned for them

        _zalo.Heal("z1");
        bot.Handle(new Inbound("zalo", "z1", "z1") { Text = "xin chào" });
        Assert.Null(bot.Store.Preferences.Preferences(Phone).UnreachableSince);
        Assert.Equal([DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(OutboxState.Sent, bot.Get<INudgeOutbox>().Get(waiting.Id)!.State);
        Assert.Equal(1, Reminders(_zalo, "z1"));
    }

    [Fact]
    public void A_reminder_whose_deadline_passed_while_it_waited_is_passed_over_for_the_overdue_one()
    {
        using var bot = Prepared(new ChatAccount("zalo", "z1"));
        _zalo.Fail("z1", Bot.Channels.ChannelFailure.Unreachable);
        Assert.Equal([DeliveryOutcome.Waiting], bot.Remind());
        var dueToday = Assert.Single(bot.Get<INudgeOutbox>().Waiting());

        bot.Clock.Advance(TimeSpan.FromDays(1)); // past 17:00: "due today" would be wrong now
        _zalo.Heal("z1");
        bot.Handle(new Inbound("zalo", "z1", "z1") { Text = "xin chào" });
        Assert.Equal([DeliveryOutcome.Sent], bot.Remind());
        Assert.Equal(OutboxState.PassedOver, bot.Get<INudgeOutbox>().Get(dueToday.Id)!.State);
        var sent = Assert.Single(_zalo.Chat("z1")).Message.Text;
        Assert.Contains("⚠️", sent, StringComparison.Ordinal); // the overdue reminder
    }

    [Fact]
    public void What_is_still_worth_sending_after_waiting()
    {
        var now = ReminderFixture.WorkingMorning;
        Nudge Of(NudgeKind kind, DateTimeOffset due) => new("a1", Phone, kind, 0, due, now);
        OutboxMessage Message(DateTimeOffset created, OutboxKind kind, params Nudge[] nudges) =>
            new("m1", kind, Phone, nudges, created, OutboxState.Waiting, 1, created, null, null, "unreachable");

        Assert.True(WaitingMessages.StillWorthSending(Message(now.AddDays(-1), OutboxKind.Nudges, Of(NudgeKind.Before, now.AddDays(2))), now));
        Assert.False(WaitingMessages.StillWorthSending(Message(now.AddDays(-3), OutboxKind.Nudges, Of(NudgeKind.Before, now.AddDays(-1))), now));
        Assert.True(WaitingMessages.StillWorthSending(Message(now.AddDays(-3), OutboxKind.Nudges, Of(NudgeKind.Overdue, now.AddDays(-4))), now));
        Assert.False(WaitingMessages.StillWorthSending(Message(now.AddDays(-8), OutboxKind.Nudges, Of(NudgeKind.Overdue, now.AddDays(-9))), now));
        Assert.True(WaitingMessages.StillWorthSending(Message(now.AddHours(-1), OutboxKind.Digest), now));
        Assert.False(WaitingMessages.StillWorthSending(Message(now.AddDays(-1), OutboxKind.Digest), now));
    }
}

using Bot.Domain.Organization;
using Bot.Domain.Time;
using Bot.Scheduling;

namespace Bot.Tests.Reports;

/// <summary>The weekly digest of leaders and the office, on a fake clock: on Monday from 08:00, once a week, to them only.</summary>
public sealed class WeeklyDigestTests : IDisposable
{
    private readonly BotWorld _world = BotWorld.Create();
    private readonly TestBot _bot;

    public WeeklyDigestTests() => _bot = _world.Open();

    public void Dispose()
    {
        _bot.Dispose();
        _world.Dispose();
    }

    [Fact]
    public void Leaders_and_the_office_get_the_ranking_and_what_fell_due_unfinished_on_the_weeks_first_working_morning_once()
    {
        _bot.Link("0900000002", new ChatAccount("telegram", "8002"));   // lãnh đạo huyện
        _bot.Link("0900000038", new ChatAccount("telegram", "8038"));   // văn thư
        _bot.Link("0900000004", new ChatAccount("telegram", "8004"));   // cán bộ Phòng Nội vụ: not for her
        var pass = _bot.Get<ReminderPass>();
        Assert.Empty(pass.RecordWeeklyDigests());                          // Friday

        _bot.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(5)); // Monday 07:55
        Assert.Empty(pass.RecordWeeklyDigests());
        _bot.Clock.Advance(TimeSpan.FromMinutes(10));                      // Monday 08:05
        var ids = pass.RecordWeeklyDigests();
        Assert.Equal(2, ids.Count);
        Assert.Empty(pass.RecordWeeklyDigests());                          // once a week
        var delivery = _bot.Get<NudgeDelivery>();
        foreach (var id in ids) Assert.Equal(DeliveryOutcome.Sent, _bot.Drive(delivery.DeliverAsync(id, CancellationToken.None)));

        var digest = Assert.Single(_bot.Channel.Chat("8002")).Message.Text;
        Assert.StartsWith("📅 Tóm tắt tuần — chào anh/chị Phạm Văn Lãnh.", digest, StringComparison.Ordinal);
        Assert.Contains("Xếp hạng đơn vị tháng 10/2023", digest, StringComparison.Ordinal);
        // What fell due last week (16/10–22/10) and is still open, counted from the store.
        var now = _bot.Clock.GetUtcNow();
        var (from, to) = (VietnamTime.StartOfDay(new DateOnly(2023, 10, 16)), VietnamTime.StartOfDay(new DateOnly(2023, 10, 23)));
        var open = _bot.Units.Units.SelectMany(u => _bot.Store.Assignments.OpenOfUnit(u.Code)).Count(a => a.DueBefore >= from && a.DueBefore < to);
        Assert.Contains(open == 0 ? "Tuần 16/10–22/10/2023: không có việc nào quá hạn" : $"Tuần 16/10–22/10/2023: {open} việc đến hạn mà chưa xong", digest, StringComparison.Ordinal);
        Assert.Single(_bot.Channel.Chat("8038"));
        Assert.Empty(_bot.Channel.Chat("8004"));

        _bot.Clock.Advance(TimeSpan.FromDays(1));                          // Tuesday: nothing more
        Assert.Empty(pass.RecordWeeklyDigests());
        _bot.Clock.Advance(TimeSpan.FromDays(6));                          // next Monday 08:05
        Assert.Equal(2, pass.RecordWeeklyDigests().Count);
        Assert.True(now < _bot.Clock.GetUtcNow());
    }
}

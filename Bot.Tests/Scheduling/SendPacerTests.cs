using Bot.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Scheduling;

public class SendPacerTests
{
    private static readonly DateTimeOffset Start = new(2023, 10, 20, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sends_to_one_chat_are_a_second_apart()
    {
        var clock = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacerOptions { PerChatPerSecond = 1, OverallPerSecond = 30 }, clock);
        await pacer.WaitTurnAsync("a", CancellationToken.None); // the first goes at once
        var second = pacer.WaitTurnAsync("a", CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Different_chats_share_the_overall_rate()
    {
        var clock = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacerOptions { PerChatPerSecond = 1, OverallPerSecond = 10 }, clock);
        var turns = Enumerable.Range(0, 20).Select(i => pacer.WaitTurnAsync("chat" + i, CancellationToken.None)).ToList();
        Assert.Equal(1, turns.Count(t => t.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(950));
        Assert.Equal(10, turns.Count(t => t.IsCompleted)); // 10 per second: one every 100 ms
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_429_holds_the_chat_back_for_retry_after()
    {
        var clock = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacerOptions(), clock);
        await pacer.WaitTurnAsync("a", CancellationToken.None);
        pacer.Backoff("a", TimeSpan.FromSeconds(7), global: false);
        var next = pacer.WaitTurnAsync("a", CancellationToken.None);
        var other = pacer.WaitTurnAsync("b", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(next.IsCompleted);
        Assert.True(other.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

using System.Threading.Channels;
using Bot.Domain.Reminders;

namespace Bot.Scheduling;

/// <summary>
/// Marks sent messages in the outbox in groups: every delivery waits until its mark is written, but
/// the marks of deliveries finishing together share one transaction, so the store's one write gate
/// (and its disk flush) does not cap the send rate. Nothing is lost: a delivery job ends only after
/// its mark is committed, so a crash can repeat only what was in flight.
/// </summary>
public sealed class SentMarks : IDisposable
{
    private readonly INudgeOutbox _outbox;
    private readonly Channel<(string Id, string ChannelMessageId, DateTimeOffset At, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(string, string, DateTimeOffset, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public SentMarks(INudgeOutbox outbox)
    {
        _outbox = outbox;
        _writer = Task.Run(WriteAsync);
    }

    public Task MarkAsync(string id, string channelMessageId, DateTimeOffset at)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_queue.Writer.TryWrite((id, channelMessageId, at, done))) return done.Task;
        _outbox.MarkSent(id, channelMessageId, at); // shutting down: write it here
        return Task.CompletedTask;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(string Id, string ChannelMessageId, DateTimeOffset At, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 500 && _queue.Reader.TryRead(out var mark)) batch.Add(mark);
            try
            {
                _outbox.MarkSent([.. batch.Select(b => (b.Id, b.ChannelMessageId, b.At))]);
                foreach (var b in batch) b.Done.SetResult();
            }
            catch (Exception e) when (e is LiteDB.LiteException or IOException or KeyNotFoundException or InvalidOperationException)
            {
                foreach (var b in batch) b.Done.SetException(e);
            }
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(5));
    }
}

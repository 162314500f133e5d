using Microsoft.Extensions.Time.Testing;

namespace Bot.Testing;

/// <summary>
/// A fake clock that knows whether anything waits on it (a retry's backoff, a throttle, a pacer's slot), so a
/// test driver moves time only while code waits on it, never while code merely runs slowly on a busy machine.
/// </summary>
public sealed class WaitAwareClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _armed;

    /// <summary>Timers that are due some time (not stopped, not fired once and done, not disposed).</summary>
    public bool AnythingWaits => Volatile.Read(ref _armed) > 0;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new CountedTimer(this);
        timer.Inner = base.CreateTimer(s => timer.Fire(callback, s), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class CountedTimer(WaitAwareClock clock) : ITimer
    {
        private readonly Lock _gate = new();
        private bool _armed;
        private bool _periodic;
        public ITimer Inner { get; set; } = null!;

        public void Fire(TimerCallback callback, object? state)
        {
            if (!_periodic) Arm(false);
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
                Arm(dueTime != Timeout.InfiniteTimeSpan);
                return Inner.Change(dueTime, period);
            }
        }

        private void Arm(bool armed)
        {
            lock (_gate)
            {
                if (armed == _armed) return;
                _armed = armed;
                Interlocked.Add(ref clock._armed, armed ? 1 : -1);
            }
        }

        public void Dispose()
        {
            Arm(false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Arm(false);
            return Inner.DisposeAsync();
        }
    }
}

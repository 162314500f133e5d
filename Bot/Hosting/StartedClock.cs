using System.Diagnostics;
using System.Globalization;

namespace Bot.Hosting;

/// <summary>
/// A clock that starts at a given instant and then runs at real speed (configuration `Clock:Now`):
/// the demo lives on 2023-10-20 so the sample deadlines are still ahead, and black-box tests pick
/// their day. Everything else reads <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class StartedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_startedAt);

    public override TimeZoneInfo LocalTimeZone => Bot.Domain.Time.VietnamTime.Zone;

    /// <summary>The clock for a configuration value: null or empty gives the system clock.</summary>
    public static TimeProvider From(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return TimeProvider.System;
        if (!DateTimeOffset.TryParse(configured, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var start))
            throw new FormatException($"Clock:Now \"{configured}\" is not a date and time (e.g. 2023-10-20T08:00:00+07:00).");
        return new StartedClock(start);
    }
}

namespace Bot.Domain.Time;

/// <summary>
/// Asia/Ho_Chi_Minh: what people see. Vietnam has kept UTC+7 without daylight saving since
/// 1975, so the zone is found by name when the machine has tzdata and is a fixed +07:00 otherwise.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The wall-clock time in Vietnam at an instant.</summary>
    public static DateTime ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;

    /// <summary>The instant of a Vietnamese wall-clock time.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    public static DateTimeOffset StartOfDay(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()));
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", Offset, "Giờ Việt Nam", "ICT");
        }
    }
}

namespace Bot.Domain.Time;

/// <summary>The unit a time phrase is stated in: "4:00 chiều" is a minute, "4 giờ chiều" an hour, "tháng 5" a month.</summary>
public enum TimeGrain
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

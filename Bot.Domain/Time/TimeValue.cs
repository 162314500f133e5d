using System.Globalization;
using Microsoft.Recognizers.Text.DataTypes.TimexExpression;

namespace Bot.Domain.Time;

/// <summary>
/// A resolved time, in Vietnam wall-clock time: [Start, End) stated in a grain. <see cref="Interval"/>
/// marks a stated span ("tối nay", "3 ngày tới", "6 tháng đầu năm") rather than one unit;
/// <see cref="Absolute"/> marks a time that names its year ("ngày 19/9/2023", "Quý I năm 2023").
/// </summary>
internal sealed record TimeValue(DateTime Start, DateTime End, TimeGrain Grain, bool Interval = false, bool Absolute = false)
{
    public static TimeValue Unit(DateTime start, TimeGrain grain, bool absolute = false) =>
        new(start, Add(start, grain, 1), grain, Interval: false, absolute);

    public static TimeValue Day(DateOnly day, bool absolute = false) =>
        Unit(day.ToDateTime(TimeOnly.MinValue), TimeGrain.Day, absolute);

    public static TimeValue Span(DateTime start, DateTime end, TimeGrain grain, bool absolute = false) =>
        new(start, end, grain, Interval: true, absolute);

    public static DateTime Add(DateTime start, TimeGrain grain, int n) => grain switch
    {
        TimeGrain.Second => start.AddSeconds(n),
        TimeGrain.Minute => start.AddMinutes(n),
        TimeGrain.Hour => start.AddHours(n),
        TimeGrain.Day => start.AddDays(n),
        TimeGrain.Week => start.AddDays(7 * n),
        TimeGrain.Month => start.AddMonths(n),
        TimeGrain.Quarter => start.AddMonths(3 * n),
        TimeGrain.Year => start.AddYears(n),
        _ => start,
    };

    /// <summary>The start of the grain unit that holds <paramref name="t"/> (weeks start on Monday).</summary>
    public static DateTime Floor(DateTime t, TimeGrain grain) => grain switch
    {
        TimeGrain.Second => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second),
        TimeGrain.Minute => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0),
        TimeGrain.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0),
        TimeGrain.Day => t.Date,
        TimeGrain.Week => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        TimeGrain.Month => new DateTime(t.Year, t.Month, 1),
        TimeGrain.Quarter => new DateTime(t.Year, ((t.Month - 1) / 3 * 3) + 1, 1),
        TimeGrain.Year => new DateTime(t.Year, 1, 1),
        _ => t,
    };

    /// <summary>
    /// The TIMEX value, written so that TimexExpression 1.8.13 reads it back unchanged: single
    /// units as dates, months, years or date-times; everything else as a range with a day or
    /// time duration (the package cannot carry month durations across a year end).
    /// </summary>
    public string Timex()
    {
        var text = Interval ? RangeTimex(Start, End) : Grain switch
        {
            TimeGrain.Year => Start.ToString("yyyy", CultureInfo.InvariantCulture),
            TimeGrain.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            TimeGrain.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeGrain.Hour => Start.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture),
            TimeGrain.Minute => Start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            TimeGrain.Second => Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            _ => RangeTimex(Start, End),
        };
        return RoundTrip(text);
    }

    // Parsing a TIMEX is costly next to scanning; the same values recur, so keep their read-back.
    private static readonly WordMemo<string> ReadBack = new(static text => new TimexProperty(text).TimexValue);

    private static string RoundTrip(string text) => ReadBack.Get(text);

    private static string RangeTimex(DateTime start, DateTime end)
    {
        var span = end - start;
        if (start.TimeOfDay == TimeSpan.Zero && end.TimeOfDay == TimeSpan.Zero)
            return Invariant($"({start:yyyy-MM-dd},{end:yyyy-MM-dd},P{(int)span.TotalDays}D)");
        var duration = span.TotalSeconds % 3600 == 0 ? Invariant($"PT{(int)span.TotalHours}H")
            : span.TotalSeconds % 60 == 0 ? Invariant($"PT{(int)span.TotalMinutes}M")
            : Invariant($"PT{(int)span.TotalSeconds}S");
        return Invariant($"({Moment(start)},{Moment(end)},{duration})");
    }

    private static string Moment(DateTime t) => t.Second != 0
        ? t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

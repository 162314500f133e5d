using System.Globalization;
using Bot.Domain.Time;

namespace Bot.Domain.Assignments;

/// <summary>One period of a repeating duty: the period's first day (its key) and its deadline.</summary>
public sealed record Occurrence(DateOnly Period, DateTimeOffset DueBefore);

/// <summary>
/// A repeating duty as the directive reader writes it: the RRULE subset FREQ=MONTHLY|YEARLY,
/// INTERVAL, BYMONTH, BYMONTHDAY. Periods are calendar periods in Vietnam time (months,
/// quarters from January, halves, years). A duty with a day ("trước ngày 15 hằng tháng") is due
/// before that day of the period's last month; one without a day is due when the period ends.
/// With BYMONTH each listed month closes a period that began after the previous listed month.
/// </summary>
public sealed record Recurrence(Recurrence.Frequency Freq, int Interval, IReadOnlyList<int> ByMonth, int? ByMonthDay)
{
    public enum Frequency { Monthly, Yearly }

    public static bool TryParse(string? rrule, out Recurrence recurrence)
    {
        recurrence = new Recurrence(Frequency.Monthly, 1, [], null);
        if (string.IsNullOrWhiteSpace(rrule)) return false;
        Frequency? freq = null;
        var interval = 1;
        var byMonth = new List<int>();
        int? byMonthDay = null;
        var text = rrule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)) text = text[6..];
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return false;
            var value = part[(eq + 1)..];
            switch (part[..eq].ToUpperInvariant())
            {
                case "FREQ" when value.Equals("MONTHLY", StringComparison.OrdinalIgnoreCase): freq = Frequency.Monthly; break;
                case "FREQ" when value.Equals("YEARLY", StringComparison.OrdinalIgnoreCase): freq = Frequency.Yearly; break;
                case "INTERVAL" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 12:
                    interval = n;
                    break;
                case "BYMONTHDAY" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31:
                    byMonthDay = d;
                    break;
                case "BYMONTH":
                    foreach (var m in value.Split(','))
                    {
                        if (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12) return false;
                        byMonth.Add(month);
                    }
                    break;
                default: return false; // a rule we cannot honour is refused, not guessed
            }
        }
        if (freq is null) return false;
        recurrence = new Recurrence(freq.Value, interval, byMonth.Distinct().Order().ToList(), byMonthDay);
        return true;
    }

    /// <summary>Period length in months when no months are listed.</summary>
    private int MonthsPerPeriod => Freq == Frequency.Monthly ? Interval : 12 * Interval;

    /// <summary>The first <paramref name="count"/> occurrences still ahead at <paramref name="now"/> (deadline after now).</summary>
    public IReadOnlyList<Occurrence> Upcoming(DateTimeOffset now, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var local = VietnamTime.ToLocal(now);
        var fromMonth = (local.Year - 1) * 12 + local.Month - 1 - 24; // start well behind: a period may have begun long ago
        return From(fromMonth).Where(o => o.DueBefore > now).Take(count).ToList();
    }

    /// <summary>
    /// What a roll-forward job adds: the upcoming occurrences (keeping <paramref name="ahead"/>
    /// periods materialised) whose periods are not there yet. Running it twice adds nothing.
    /// </summary>
    public IReadOnlyList<Occurrence> RollForward(IReadOnlyCollection<DateOnly> existingPeriods, DateTimeOffset now, int ahead)
    {
        ArgumentNullException.ThrowIfNull(existingPeriods);
        return Upcoming(now, ahead).Where(o => !existingPeriods.Contains(o.Period)).ToList();
    }

    // Occurrences in order, from the period containing the absolute month index (year * 12 + month - 1).
    private IEnumerable<Occurrence> From(int monthIndex)
    {
        if (ByMonth.Count == 0)
        {
            var length = MonthsPerPeriod;
            for (var start = monthIndex / length * length; ; start += length)
            {
                var lastMonth = start + length - 1;
                yield return new Occurrence(FirstDay(start), Due(lastMonth, start + length));
            }
        }
        for (var year = monthIndex / 12; ; year += Interval)
        {
            for (var k = 0; k < ByMonth.Count; k++)
            {
                var closing = year * 12 + ByMonth[k] - 1;
                var previous = k > 0 ? year * 12 + ByMonth[k - 1] - 1 : (year - Interval) * 12 + ByMonth[^1] - 1;
                yield return new Occurrence(FirstDay(previous + 1), Due(closing, closing + 1));
            }
        }
    }

    private DateTimeOffset Due(int lastMonth, int nextPeriodStart)
    {
        if (ByMonthDay is not { } day) return VietnamTime.StartOfDay(FirstDay(nextPeriodStart));
        var first = FirstDay(lastMonth);
        var clamped = Math.Min(day, DateTime.DaysInMonth(first.Year, first.Month));
        return VietnamTime.StartOfDay(new DateOnly(first.Year, first.Month, clamped));
    }

    private static DateOnly FirstDay(int monthIndex) => new(monthIndex / 12 + 1, monthIndex % 12 + 1, 1);
}

using System.Globalization;

namespace Bot.Domain.Time;

/// <summary>Deadlines, counts of days and repetitions: the time language of duties in directives.</summary>
internal sealed partial class TimeParser
{
    /// <summary>
    /// A cue, then a time: "chậm nhất ngày 30/11/2023", "trước 16 giờ ngày 23/10/2023", "ngay trong
    /// tháng 5/2023", "đến hết năm 2023", "hoàn thành trong 05 ngày làm việc kể từ ngày nhận được văn bản".
    /// "trong …" is a deadline only while its time is not over, and never for a bare year
    /// ("trong năm 2023" tells when things happen, not by when).
    /// </summary>
    private Found? Deadline(int i)
    {
        var afterComplete = Words(i, TimeWords.Complete);
        var j = afterComplete > 0 ? afterComplete : i;
        DueRule rule;
        int k;
        string[] cueWords = [];
        if (AnyOf(j, DeadlineCues) is { } cue)
            (rule, k, cueWords) = (TimeWords.DeadlineCues[cue.Which].Rule, cue.End, TimeWords.DeadlineCues[cue.Which].Words);
        else if (afterComplete > 0) (rule, k) = (DueRule.ByEnd, j);
        else return null;
        if (Sym(k, ':')) k++;
        if (Is(k, "la")) k++;
        // "đến"/"tới" alone lead a deadline only before "ngày N" or "cuối": "đến ngày 30/11", "đến cuối tháng".
        if (cueWords is ["den"] or ["toi"] && !(Key(k, "ngay") && Num(k + 1) is not null) && !Is(k, "cuoi")) return null;
        if (cueWords is ["toi"] && !Spelled(j, "tới")) return null;

        var time = At(k);
        // "hạn nộp báo cáo quý 3": up to three words may stand between an outright cue and its time.
        if (time is null && TimeWords.CuesThatMayStandApart.Any(c => c.SequenceEqual(cueWords)))
        {
            for (var gap = 1; gap <= 3 && time is null && Has(k + gap - 1) && _t[k + gap - 1].IsWord; gap++) time = At(k + gap);
        }
        if (rule != DueRule.Before && DayCount(k) is { } count && (time is null || count.End > time.Value.To))
            return new Found(i, count.End, new Due(null, null, count.Lasting, count.From));
        if (time is null) return null;
        var v = time.Value.Value;
        if (rule == DueRule.Within && ((v.Grain == TimeGrain.Year && !v.Interval) || v.End <= _now)) return null;
        var isClock = v.Grain is TimeGrain.Second or TimeGrain.Minute or TimeGrain.Hour && !v.Interval;
        var due = isClock || rule == DueRule.Before ? v.Start : v.End;
        // "từ nay đến hết năm 2023" spans from today.
        var today = _today.ToDateTime(TimeOnly.MinValue);
        if (Is(j, "tu") && Is(j + 1, "nay") && !isClock && v.Start < today && v.End > today)
            v = TimeValue.Span(today, v.End, TimeGrain.Day, v.Absolute);
        return new Found(i, time.Value.To, new Due(v, due));
    }

    /// <summary>"05 ngày làm việc kể từ ngày nhận được văn bản", "10 ngày kể từ ngày ký", "2 tuần" (from today).</summary>
    private (int End, Lasting Lasting, CountFrom From)? DayCount(int i)
    {
        if (Count(i) is not { Value: >= 1 and <= 366 } n) return null;
        TimeGrain unit;
        if (Key(n.End, "ngay")) unit = TimeGrain.Day;
        else if (Is(n.End, "tuan")) unit = TimeGrain.Week;
        else if (Is(n.End, "thang")) unit = TimeGrain.Month;
        else return null;
        var j = n.End + 1;
        var afterWorking = unit == TimeGrain.Day ? Words(j, TimeWords.WorkingDay) : -1;
        var working = afterWorking > 0;
        if (working) j = afterWorking;
        var from = CountFrom.Today;
        // "…, kể từ ngày …": a comma may stand before the start.
        var start = Sym(j, ',') ? j + 1 : j;
        if (AnyOf(start, FromReceipt) is { } receipt)
        {
            (from, j) = (CountFrom.Receipt, receipt.End);
            if (AnyOf(j, ReceivedThings) is { } thing) j = thing.End;
        }
        else if (AnyOf(start, FromSigning) is { } signing) (from, j) = (CountFrom.Signing, signing.End);
        // "kể từ ngày tiếp nhận đủ hồ sơ": counted from an event the text does not date.
        else if (Words(start, ["ke", "tu"]) is > 0 and var since)
        {
            from = CountFrom.Event;
            j = since;
            if (Key(j, "ngay")) j++;
            for (var words = 0; words < 6 && Has(j) && _t[j].IsWord && !_t[j].LineStart; words++) j++;
        }
        return (j, new Lasting(n.Value, unit, working), from);
    }

    /// <summary>A length of time on its own: "3 tháng", "5 ngày làm việc".</summary>
    private (int End, Lasting Lasting)? Duration(int i)
    {
        // "s" for seconds only counts with a direction ("3 s tiếp theo"): alone it is OCR noise ("18 s6").
        if (Count(i) is not { Value: >= 1 } n || Word(n.End) is not { } unitWord || unitWord == "s"
            || !TimeWords.Units.TryGetValue(unitWord, out var unit))
            return null;
        if (unit == TimeGrain.Day && Words(n.End + 1, TimeWords.WorkingDay) is > 0 and var end)
            return (end, new Lasting(n.Value, unit, WorkingDays: true));
        return (n.End + 1, new Lasting(n.Value, unit));
    }

    // ---- Repetitions -----------------------------------------------------------------------

    /// <summary>
    /// "trước ngày 15 hằng tháng" (FREQ=MONTHLY;BYMONTHDAY=15), "trước ngày 20 của tháng cuối quý"
    /// (FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20), "định kỳ hằng quý, 6 tháng, hằng năm" (one
    /// duty at its most frequent period: FREQ=MONTHLY;INTERVAL=3), "hằng tháng".
    /// </summary>
    private Found? Repetition(int i)
    {
        Found? best = null;
        Keep(ref best, DayOfPeriod(i));
        Keep(ref best, DaysOfPeriod(i));
        Keep(ref best, Weekly(i));
        Keep(ref best, NthWeekday(i));
        Keep(ref best, DailyAt(i));
        Keep(ref best, WorkingDays(i));
        if (best is null) Keep(ref best, Periodic(i));
        return best;
    }

    /// <summary>
    /// A weekday each week: "thứ Hai hằng tuần", "vào các ngày thứ bảy và Chủ nhật hằng tuần", "từ thứ Hai đến thứ Sáu hằng
    /// tuần", "hằng tuần vào thứ Năm", "trước 16 giờ thứ Sáu hằng tuần" → FREQ=WEEKLY;BYDAY=… (with BYHOUR for a clock time).
    /// </summary>
    private Found? Weekly(int i)
    {
        var j = AnyOf(i, DeadlineCues) is { } cue ? cue.End : i;
        var clock = Clock(Is(j, "vao") ? j + 1 : j, withDay: false);
        if (clock is not null) j = clock.Value.End;
        if (Every(j) is { } every && Key(every, "tuan"))
        {
            var k = every + 1;
            if (Is(k, "vao")) k++;
            if (Weekdays(k) is not { } after) return null;
            return Schedule(i, after.End, WeeklyRule(after.Days, clock), null, null);
        }
        if (Weekdays(j) is not { } days) return null;
        var e = days.End;
        if (PartOfDay(e) is not null) e++;
        if (Every(e) is not { } each || !Key(each, "tuan")) return null;
        return Schedule(i, each + 1, WeeklyRule(days.Days, clock), null, null);
    }

    private static string WeeklyRule(IEnumerable<DayOfWeek> days, ClockRead? clock) =>
        "FREQ=WEEKLY;BYDAY=" + string.Join(',', days.Distinct().OrderBy(d => ((int)d + 6) % 7).Select(d => TimeWords.DayCodes[(int)d])) + HourPart(clock);

    private static string HourPart(ClockRead? clock) => clock is { } c
        ? Invariant($";BYHOUR={c.Hour24(null)}") + (c.Minute != 0 ? Invariant($";BYMINUTE={c.Minute}") : "")
        : "";

    /// <summary>The index after "hằng", "hàng", "mỗi" (perhaps after "vào"), or null.</summary>
    private int? Every(int i)
    {
        var j = Is(i, "vao") ? i + 1 : i;
        return IsEvery(j) ? j + 1 : null;
    }

    /// <summary>
    /// One weekday or several: "thứ Hai", "các ngày thứ bảy và Chủ nhật", "thứ 3, thứ 5", "từ thứ Hai đến thứ Sáu"
    /// (each day between); perhaps after "vào", "ngày", "các ngày", a part of the day ("sáng thứ Hai").
    /// </summary>
    private (List<DayOfWeek> Days, int End)? Weekdays(int i)
    {
        var j = i;
        if (Is(j, "vao")) j++;
        if (PartOfDay(j) is not null || Is(j, "buoi") && PartOfDay(j + 1) is not null) j += Is(j, "buoi") ? 2 : 1;
        if (Is(j, "cac") || Is(j, "nhung")) j++;
        if (Key(j, "ngay")) j++;
        var range = Is(j, "tu");
        if (range) j++;
        if (WeekdayAt(j) is not { } first) return null;
        var days = new List<DayOfWeek> { first.Day };
        var end = first.End;
        while (true)
        {
            var k = end;
            var through = false;
            if (Sym(k, ',') || Is(k, "va") || Is(k, "hoac")) k++;
            else if (Is(k, "den") || Sym(k, '-')) (k, through) = (k + 1, true);
            else break;
            if (Is(k, "ngay")) k++;
            if (WeekdayAt(k) is not { } next) break;
            if (through)
                for (var d = ((int)days[^1] + 1) % 7; d != (int)next.Day; d = (d + 1) % 7) days.Add((DayOfWeek)d);
            days.Add(next.Day);
            end = next.End;
        }
        return range && days.Count < 2 ? null : (days, end);
    }

    /// <summary>"thứ Hai", "thứ 6", "chủ nhật": a weekday's name, accents checked as <see cref="Weekday"/> does.</summary>
    private (DayOfWeek Day, int End)? WeekdayAt(int i)
    {
        if (Is(i, "thu") && Spelled(i, "thứ") && Has(i + 1) && TimeWords.Weekdays.TryGetValue(_t[i + 1].Text, out var named)
            && (_t[i + 1].IsNumber || Spelled(i + 1, TimeWords.WeekdaySpellings[_t[i + 1].Text])) && !Sym(i + 2, '/'))
            return (named, i + 2);
        if (Word(i) is { } w && TimeWords.SundayFirstWords.Contains(w) && Is(i + 1, "nhat")) return (DayOfWeek.Sunday, i + 2);
        return null;
    }

    /// <summary>
    /// A weekday of a given week of each month: "thứ Sáu tuần cuối", "thứ Tư tuần thứ hai hằng tháng", "thứ Hai đầu tiên
    /// của tháng", "thứ Sáu cuối cùng của mỗi tháng" → FREQ=MONTHLY;BYDAY=-1FR, 2WE, 1MO.
    /// </summary>
    private Found? NthWeekday(int i)
    {
        var j = AnyOf(i, DeadlineCues) is { } cue ? cue.End : i;
        if (Is(j, "vao")) j++;
        if (Key(j, "ngay")) j++;
        if (WeekdayAt(j) is not { } day) return null;
        var k = day.End;
        if (Is(k, "cua")) k++;
        var week = Key(k, "tuan");
        if (week) k++;
        // "tuần lễ": the week.
        if (week && Is(k, "le")) k++;
        int? nth = null;
        // "tuần thứ 3": the number of the week.
        if (Is(k, "thu") && Num(k + 1, 1, 5) is int number) (nth, k) = (number, k + 2);
        foreach (var (words, n) in nth is null ? TimeWords.WeeksOfMonth : [])
        {
            var end = Words(k, words);
            if (end < 0) continue;
            nth = n;
            k = end;
            break;
        }
        if (nth is null) return null;
        var m = Is(k, "cua") || Is(k, "trong") ? k + 1 : k;
        var monthly = false;
        if (IsEvery(m) && Key(m + 1, "thang")) (k, monthly) = (m + 2, true);
        else if (Key(m, "thang") && !Has(m + 1) || Key(m, "thang") && Num(m + 1) is null && MonthNumber(m + 1) is null) (k, monthly) = (m + 1, true);
        // Without "tuần" the month must be said: "thứ Hai đầu tiên của tháng"; "thứ Sáu tuần cuối" is the month's last.
        if (!week && !monthly) return null;
        var code = TimeWords.DayCodes[(int)day.Day];
        return Schedule(i, k, Invariant($"FREQ=MONTHLY;BYDAY={nth}{code}"), null, null);
    }

    /// <summary>"vào tất cả các ngày làm việc (trong tuần|trong năm)", "các ngày làm việc trong tuần": Monday to Friday each week.</summary>
    private Found? WorkingDays(int i)
    {
        var j = Is(i, "vao") ? i + 1 : i;
        if (Is(j, "tat") && Is(j + 1, "ca")) j += 2;
        if (!Is(j, "cac") || !Key(j + 1, "ngay")) return null;
        var k = Words(j + 2, TimeWords.WorkingDay);
        if (k < 0) return null;
        if (Is(k, "trong") && (Key(k + 1, "tuan") || Key(k + 1, "nam"))) k += 2;
        return Schedule(i, k, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", null, null);
    }

    /// <summary>A time each day: "vào 15h00 hằng ngày", "trước 16 giờ hàng ngày", "hằng ngày lúc 8 giờ" → FREQ=DAILY;BYHOUR=15.</summary>
    private Found? DailyAt(int i)
    {
        var j = AnyOf(i, DeadlineCues) is { } cue ? cue.End : i;
        if (Clock(Is(j, "vao") ? j + 1 : j, withDay: false) is { } clock && Every(clock.End) is { } every && Key(every, "ngay"))
            return Schedule(i, every + 1, "FREQ=DAILY" + HourPart(clock), null, null);
        if (Every(i) is { } each && Key(each, "ngay"))
        {
            var k = each + 1;
            if (AnyOf(k, DeadlineCues) is { } after) k = after.End;
            else if (AnyOf(k, ClockLeads) is not null) { }
            if (Clock(k, withDay: false) is { } at) return Schedule(i, at.End, "FREQ=DAILY" + HourPart(at), null, null);
        }
        return null;
    }

    /// <summary>
    /// Several days of each month or year: "vào ngày 15 và 25 hàng tháng" (BYMONTHDAY=15,25), "trước ngày 10/7 và 10/01 hằng
    /// năm" (FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=10), "trước 30/01 hàng năm" (BYMONTH=1;BYMONTHDAY=30).
    /// </summary>
    private Found? DaysOfPeriod(int i)
    {
        var j = i;
        if (AnyOf(i, DeadlineCues) is { } cue) j = cue.End;
        else if (Is(i, "vao")) j = i + 1;
        if (Key(j, "ngay")) j++;
        var days = new List<(int Day, int? Month)>();
        var k = j;
        while (Num(k, 1, 31) is int d)
        {
            int? month = Sym(k + 1, '/') && Num(k + 2, 1, 12) is int m && !Sym(k + 3, '/') ? m : null;
            days.Add((d, month));
            k += month is null ? 1 : 3;
            if (!(Is(k, "va") || Sym(k, ','))) break;
            var next = Key(k + 1, "ngay") ? k + 2 : k + 1;
            if (Num(next, 1, 31) is null) break;
            k = next;
        }
        if (days.Count == 0 || !IsEvery(k)) return null;
        var dated = days.All(x => x.Month is not null);
        if (dated && Key(k + 1, "nam") && Num(k + 2) is null)
        {
            if (days.Any(x => SafeDate(2024, x.Month!.Value, x.Day) is null)) return null;
            var months = string.Join(',', days.Select(x => x.Month!.Value).Distinct().Order());
            var monthDays = string.Join(',', days.Select(x => x.Day).Distinct().Order());
            return Schedule(i, k + 2, $"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={monthDays}", null, null);
        }
        if (!dated && days.Count > 1 && days.All(x => x.Month is null) && Key(k + 1, "thang"))
            return Schedule(i, k + 2, "FREQ=MONTHLY;BYMONTHDAY=" + string.Join(',', days.Select(x => x.Day).Distinct().Order()), null, null);
        return null;
    }

    private Found? DayOfPeriod(int i)
    {
        var j = i;
        if (AnyOf(i, DeadlineCues) is { } cue) j = cue.End;
        else if (Is(i, "vao")) j = i + 1;
        if (!Key(j, "ngay") || Num(j + 1, 1, 31) is not int day) return null;
        var k = j + 2;
        if (IsEvery(k) && Key(k + 1, "thang"))
            return Schedule(i, k + 2, Invariant($"FREQ=MONTHLY;BYMONTHDAY={day}"), Invariant($"XXXX-XX-{day:00}"), NextDay(day, m => true));
        if (IsEvery(k) && Key(k + 1, "quy"))
            return Schedule(i, k + 2, Invariant($"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY={day}"), Invariant($"XXXX-XX-{day:00}"), NextDay(day, m => true));
        var q = Is(k, "cua") ? k + 1 : k;
        if (Key(q, "thang") && Key(q + 2, "quy"))
        {
            foreach (var (word, months) in TimeWords.MonthOfQuarter)
            {
                if (!Key(q + 1, word)) continue;
                var set = months.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
                return Schedule(i, q + 3, Invariant($"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={day}"), null, NextDay(day, set.Contains));
            }
        }
        if (Key(k, "thang") && MonthNumber(k + 1) is { } month && IsEvery(month.End) && Key(month.End + 1, "nam") && SafeDate(2024, month.Month, day) is not null)
        {
            return Schedule(i, month.End + 2, Invariant($"FREQ=YEARLY;BYMONTH={month.Month};BYMONTHDAY={day}"),
                Invariant($"XXXX-{month.Month:00}-{day:00}"), NextDay(day, m => m == month.Month));
        }
        return null;
    }

    private static Found Schedule(int from, int to, string rule, string? anchor, DateOnly? next) =>
        new(from, to, new Repeating(rule, anchor, next, Duty: true));

    /// <summary>The next day-of-month <paramref name="day"/>, today included, in a month the filter allows.</summary>
    private DateOnly? NextDay(int day, Func<int, bool> monthAllowed)
    {
        for (var k = 0; k < 24; k++)
        {
            var month = _today.AddMonths(k);
            if (monthAllowed(month.Month) && SafeDate(month.Year, month.Month, day) is { } d && d >= _today) return d;
        }
        return null;
    }

    /// <summary>
    /// "định kỳ" and a list of periods, or "hằng/hàng/mỗi" and a period. The most frequent period
    /// wins. Without "định kỳ", it is a duty only after a reporting verb ("báo cáo hằng tháng");
    /// see <see cref="TimeWords.Periodically"/> for the rule.
    /// </summary>
    private Found? Periodic(int i)
    {
        var afterCue = Words(i, TimeWords.Periodically);
        var periodic = afterCue > 0;
        var j = periodic ? afterCue : i;
        if (Period(j, periodic) is not { } first) return null;
        var best = first;
        var end = first.End;
        while (true)
        {
            var join = Sym(end, ',') || (Word(end) is { } w && TimeWords.ListJoins.Contains(w)) ? end + 1 : -1;
            if (join < 0 || Period(join, listed: true) is not { } more) break;
            if (more.Order < best.Order) best = more;
            end = more.End;
        }
        var duty = periodic || DutyVerbBefore(i);
        var rule = best.Rule;
        if (DayInPeriod(end, rule) is { } day) (rule, end, duty) = (rule + day.Part, day.End, true);
        return new Found(i, end, new Repeating(rule, null, null, duty));
    }

    /// <summary>
    /// A day right after a repetition names the day in the period: "hằng tháng, trước ngày 25"
    /// (;BYMONTHDAY=25), "hằng năm trước ngày 15/12" (;BYMONTH=12;BYMONTHDAY=15).
    /// </summary>
    private (string Part, int End)? DayInPeriod(int i, string rule)
    {
        var j = Sym(i, ',') ? i + 1 : i;
        if (AnyOf(j, DeadlineCues) is { } cue) j = cue.End;
        else if (Is(j, "vao")) j++;
        if (!Key(j, "ngay") || Num(j + 1, 1, 31) is not int day) return null;
        var k = j + 2;
        var monthly = rule.StartsWith("FREQ=MONTHLY", StringComparison.Ordinal);
        var dated = Sym(k, '/') && Num(k + 1, 1, 12) is not null && !Sym(k + 2, '/');
        if (monthly && !Sym(k, '/') && !Key(k, "thang")) return (Invariant($";BYMONTHDAY={day}"), k);
        if (rule == "FREQ=YEARLY" && dated && SafeDate(2024, Num(k + 1)!.Value, day) is not null)
            return (Invariant($";BYMONTH={Num(k + 1)};BYMONTHDAY={day}"), k + 2);
        return null;
    }

    /// <summary>One period: "hằng quý", "hàng năm", "mỗi tuần"; in a list or after "định kỳ" also "6 tháng", "quý", "năm".</summary>
    private (int End, int Order, string Rule)? Period(int i, bool listed)
    {
        var j = i;
        var every = IsEvery(j);
        if (every) j++;
        else if (!listed) return null;
        int months;
        if (Key(j, "ngay") && every) return (j + 1, 0, "FREQ=DAILY");
        if (Key(j, "tuan")) return (j + 1, 1, "FREQ=WEEKLY");
        // "định kỳ năm năm một lần": "năm" five, then "năm" the year.
        if (!every && Count(j) is { Value: >= 2 and <= 10 } years && Key(years.End, "nam") && Num(years.End + 1) is null)
        {
            var after = years.End + 1;
            if ((Is(after, "mot") || Num(after) == 1) && Is(after + 1, "lan")) after += 2;
            return (after, 1 + 12 * years.Value, Invariant($"FREQ=YEARLY;INTERVAL={years.Value}"));
        }
        if (Key(j, "thang")) months = 1;
        else if (Key(j, "quy")) months = 3;
        else if (Key(j, "nam")) months = 12;
        else if (!every && Count(j) is { Value: >= 1 and <= 24 } n && Key(n.End, "thang")) (months, j) = (n.Value, n.End);
        else return null;
        // "hằng năm 2023" is not a repetition, nor "năm 2024" in a list.
        if (Num(j + 1) is not null) return null;
        var end = j + 1;
        if ((Is(end, "mot") || Num(end) == 1) && Is(end + 1, "lan")) end += 2;
        var rule = months switch
        {
            1 => "FREQ=MONTHLY",
            12 => "FREQ=YEARLY",
            _ => Invariant($"FREQ=MONTHLY;INTERVAL={months}"),
        };
        return (end, 1 + months, rule);
    }

    private bool IsEvery(int i) => Key(i, "hang") || Is(i, "moi");

    private bool DutyVerbBefore(int i)
    {
        foreach (var verb in TimeWords.DutyVerbs)
        {
            var from = i - verb.Length;
            if (from >= 0 && Words(from, verb) == i) return true;
        }
        return false;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using Bot.Domain.Text;

namespace Bot.Domain.Time;

/// <summary>Days, weeks, months, quarters, years, seasons and counts from now.</summary>
internal sealed partial class TimeParser
{
    /// <summary>A day as said: a date, a weekday, a day named from today, a holiday.</summary>
    private readonly record struct DayRead(DateOnly Day, int End, bool Absolute);

    private (int To, TimeValue Value)? NowPhrase(int i) =>
        AnyOf(i, NowWords) is { } m
            ? (m.End, TimeValue.Unit(TimeValue.Floor(_now, TimeGrain.Second), TimeGrain.Second))
            : null;

    /// <summary>A day, then perhaps its clock time: "hôm nay lúc 2 giờ chiều", "ngày 23/10 lúc 16h".</summary>
    private (int To, TimeValue Value)? DayFirst(int i)
    {
        if (DaySpec(i) is not { } day) return null;
        var j = day.End;
        var lead = Sym(j, ',') ? j + 1 : j;
        if (Clock(lead) is { } clock)
        {
            var at = clock.On(day.Day);
            return (clock.End, TimeValue.Unit(at, clock.Grain, day.Absolute));
        }
        return (day.End, TimeValue.Day(day.Day, day.Absolute));
    }

    private DayRead? DaySpec(int i)
    {
        DayRead? best = null;
        void Try(DayRead? c)
        {
            if (c is { } x && (best is null || x.End > best.Value.End)) best = x;
        }
        // Lunar days first: of two readings of one length ("ngày 5 tháng Giêng"), the lunar one holds.
        Try(LunarDay(i));
        Try(FullMoon(i));
        Try(LunarFestival(i));
        Try(DayDate(i));
        Try(RelativeDay(i));
        Try(Weekday(i));
        Try(Holiday(i));
        return best;
    }

    /// <summary>
    /// "ngày 25 tháng 9 năm 2023", "mồng 3 tháng ba", "25/9/2023", "30-11-2023", "7/3", "ngày 15",
    /// "ngày đầu tiên của tháng 3". Without a year, the next time that day comes (today included).
    /// </summary>
    private DayRead? DayDate(int i)
    {
        var j = i;
        var saidDay = Key(j, "ngay");
        if (saidDay) j++;
        if (Is(j, "mong") || Is(j, "mung")) { saidDay = true; j++; }
        if (saidDay && Is(j, "dau") && Is(j + 1, "tien"))
        {
            // "ngày đầu tiên của tháng 3": the first day of that month.
            var k = Is(j + 2, "cua") ? j + 3 : j + 2;
            if (MonthPhrase(k) is { } month && month.Value.Grain == TimeGrain.Month)
                return new DayRead(DateOnly.FromDateTime(month.Value.Start), month.To, month.Value.Absolute);
            return null;
        }
        if (Num(j, 1, 31) is not int d) return null;
        var afterDay = j + 1;
        int? m = null, y = null;
        var end = afterDay;
        if (Key(afterDay, "thang") && MonthNumber(afterDay + 1) is { } month2)
        {
            m = month2.Month;
            end = month2.End;
            if (Key(end, "nam") && Year(end + 1) is { } year) (y, end) = (year.Year, year.End);
            else if (Sym(end, '/') && Year(end + 1) is { } year2) (y, end) = (year2.Year, year2.End);
        }
        else if (Sym(afterDay, '/') && Num(afterDay + 1, 1, 12) is int m2)
        {
            m = m2;
            end = afterDay + 2;
            if (Sym(end, '/') && Year(end + 1, allowShort: true) is { } year) (y, end) = (year.Year, year.End);
            else if (!saidDay && (Sym(end, '/') || IsRank(i - 1))) return null;
        }
        else if ((Sym(afterDay, '-') || Sym(afterDay, '.')) && Glued(afterDay) && Glued(afterDay + 1)
                 && Num(afterDay + 1, 1, 12) is int m3 && Sym(afterDay + 2, _t[afterDay].Text[0]) && Glued(afterDay + 3)
                 && Year(afterDay + 3) is { } year3)
        {
            // 30-11-2023 and 30.11.2023 only with a year: "2021-2025" and "1.5" are not dates.
            (m, y, end) = (m3, year3.Year, year3.End);
        }
        else if (!saidDay)
        {
            return null;
        }

        if (m is null)
        {
            // "ngày 15": the next 15th, this month or the next.
            for (var k = 0; k < 3; k++)
            {
                var month = _today.AddMonths(k);
                if (SafeDate(month.Year, month.Month, d) is { } day && day >= _today) return new DayRead(day, end, false);
            }
            return null;
        }
        if (y is int year4) return SafeDate(year4, m.Value, d) is { } day ? new DayRead(day, end, true) : null;
        for (var k = 0; k <= 4; k++)
        {
            if (SafeDate(_today.Year + k, m.Value, d) is { } day && day >= _today) return new DayRead(day, end, false);
        }
        return null;
    }

    /// <summary>"thứ" before "11/12" makes a rank (11th of 12), not a date; OCR writes it "thir" too.</summary>
    private bool IsRank(int i) => Word(i) is { } w && (w == "thu" || LikeThu.Get(w));

    private static readonly WordMemo<bool> LikeThu = new(static w => OcrDistance.Like(w, "thu"));

    /// <summary>A month number after "tháng": 1–12 in digits or words ("ba", "mười một", "giêng").</summary>
    private (int Month, int End)? MonthNumber(int i)
    {
        if (Num(i, 1, 12) is int m) return (m, i + 1);
        if (Has(i) && _t[i].IsNumber) return null;
        if (Word(i) is { } w && TimeWords.MonthNames.TryGetValue(w, out var named)) return (named, i + 1);
        if (Count(i, afterUnit: true) is { Value: >= 1 and <= 12 } c) return (c.Value, c.End);
        return null;
    }

    private DayRead? RelativeDay(int i)
    {
        if (AnyOf(i, RelativeDays) is not { } m) return null;
        var (words, days) = TimeWords.RelativeDays[m.Which];
        // "Mai" with a capital is a name; "mai" is tomorrow.
        if (words is ["mai"] && (_t[i].Capital || !Spelled(i, "mai"))) return null;
        // A bare "mot" is far more often "một" (one) than "mốt" (the day after tomorrow): only with its accent.
        if (words is ["mot"] && _t[i].Spelled != "mốt") return null;
        return new DayRead(_today.AddDays(days), m.End, false);
    }

    /// <summary>
    /// "thứ hai", "thứ 5 tuần sau", "thứ tư của tuần tới", "thứ ba vừa rồi", "chủ nhật". A bare
    /// weekday or one with "tới" is the next one after today; a following date wins ("thứ 2 ngày 6 tháng 2").
    /// </summary>
    private DayRead? Weekday(int i)
    {
        DayOfWeek dow;
        int j;
        if (Is(i, "thu") && Spelled(i, "thứ") && Has(i + 1) && TimeWords.Weekdays.TryGetValue(_t[i + 1].Text, out var named)
            && (_t[i + 1].IsNumber || Spelled(i + 1, TimeWords.WeekdaySpellings[_t[i + 1].Text])) && !Sym(i + 2, '/'))
        {
            (dow, j) = (named, i + 2);
        }
        else if (Word(i) is { } w && TimeWords.SundayFirstWords.Contains(w) && Is(i + 1, "nhat"))
        {
            (dow, j) = (DayOfWeek.Sunday, i + 2);
        }
        else return null;

        var k = Sym(j, ',') ? j + 1 : j;
        if (DayDate(k) is { } date) return date;

        var monday = DateOnly.FromDateTime(TimeValue.Floor(_now, TimeGrain.Week));
        var offset = ((int)dow + 6) % 7;
        var weekAt = Is(j, "cua") ? j + 1 : j;
        if (Key(weekAt, "tuan") && Shift(weekAt + 1) is { } shift)
            return new DayRead(monday.AddDays((7 * shift.Shift) + offset), shift.End, false);
        var pastEnd = Words(j, ["vua", "roi"]);
        if (pastEnd < 0) pastEnd = Words(j, ["vua", "qua"]);
        if (pastEnd > 0)
        {
            var back = _today.AddDays(-1);
            while (back.DayOfWeek != dow) back = back.AddDays(-1);
            return new DayRead(back, pastEnd, false);
        }
        var next = _today.AddDays(1);
        while (next.DayOfWeek != dow) next = next.AddDays(1);
        var end = (Is(j, "toi") && Spelled(j, "tới")) || Is(j, "nay") ? j + 1 : j;
        return new DayRead(next, end, false);
    }

    private DayRead? Holiday(int i)
    {
        var j = Is(i, "ngay") || Is(i, "le") ? i + 1 : i;
        if (AnyOf(j, Holidays) is not { } m) return null;
        var (_, month, day) = TimeWords.Holidays[m.Which];
        var date = new DateOnly(_today.Year, month, day);
        if (date < _today) date = date.AddYears(1);
        return new DayRead(date, m.End, false);
    }

    /// <summary>"tháng 5/2023", "tháng 10 năm 2017", "tháng sáu", "tháng 3 tới", "tháng này", "5/2023".</summary>
    private (int To, TimeValue Value)? MonthPhrase(int i)
    {
        if (Num(i, 1, 12) is int bare && Sym(i + 1, '/') && Year(i + 2) is { } bareYear)
            return (bareYear.End, TimeValue.Unit(new DateTime(bareYear.Year, bare, 1), TimeGrain.Month, absolute: true));
        if (!Key(i, "thang")) return null;
        // An OCR-damaged "tháng" is trusted before digits only: "thống Một", "thống kê" are not months.
        var written = Is(i, "thang");
        var thisMonth = new DateTime(_today.Year, _today.Month, 1);
        // "tháng sáu" is June, "tháng sau" (or unaccented "thang sau") next month.
        var six = Is(i + 1, "sau") && _t[i + 1].Spelled == "sáu";
        if (written && !six && Shift(i + 1) is { } shift) return (shift.End, TimeValue.Unit(thisMonth.AddMonths(shift.Shift), TimeGrain.Month));
        if (MonthNumber(i + 1) is not { } m || (!written && !_t[i + 1].IsNumber)) return null;
        var j = m.End;
        if ((Key(j, "nam") || Sym(j, '/')) && Year(j + 1) is { } year)
            return (year.End, TimeValue.Unit(new DateTime(year.Year, m.Month, 1), TimeGrain.Month, absolute: true));
        if (Key(j, "nam") && Is(j + 1, "nay"))
            return (j + 2, TimeValue.Unit(new DateTime(_today.Year, m.Month, 1), TimeGrain.Month));
        var strictlyNext = (Is(j, "toi") && Spelled(j, "tới")) || (Is(j, "sau") && Spelled(j, "sau"));
        var first = new DateTime(_today.Year, m.Month, 1);
        if (first < thisMonth || (strictlyNext && first == thisMonth)) first = first.AddYears(1);
        return (strictlyNext ? j + 1 : j, TimeValue.Unit(first, TimeGrain.Month));
    }

    /// <summary>"Quý I năm 2023", "quý 3/2024", "quý IV/2023", "quý 4 của năm 2018", "quý ba", "quý này", "quý tới".</summary>
    private (int To, TimeValue Value)? QuarterPhrase(int i)
    {
        if (!Key(i, "quy")) return null;
        var thisQuarter = TimeValue.Floor(_now, TimeGrain.Quarter);
        if (Is(i, "quy") && Shift(i + 1) is { } shift) return (shift.End, TimeValue.Unit(thisQuarter.AddMonths(3 * shift.Shift), TimeGrain.Quarter));
        int q, j;
        if (Num(i + 1, 1, 4) is int n) (q, j) = (n, i + 2);
        else if (Word(i + 1) is { } w && TimeWords.Roman.TryGetValue(w, out var r) && _t[i + 1].Capital) (q, j) = (r, i + 2);
        else if (Has(i + 1) && !_t[i + 1].IsNumber && Count(i + 1, afterUnit: true) is { Value: >= 1 and <= 4 } c) (q, j) = (c.Value, c.End);
        else return null;
        var k = Is(j, "cua") ? j + 1 : j;
        var (year, end, absolute) = (_today.Year, j, false);
        if ((Key(k, "nam") || Sym(k, '/')) && Year(k + 1) is { } y) (year, end, absolute) = (y.Year, y.End, true);
        else if (Key(k, "nam") && Is(k + 1, "nay")) end = k + 2;
        var start = new DateTime(year, (3 * (q - 1)) + 1, 1);
        return (end, TimeValue.Unit(start, TimeGrain.Quarter, absolute));
    }

    /// <summary>"năm 2023", "năm nay", "năm ngoái", "năm tới", "năm tiếp theo".</summary>
    private (int To, TimeValue Value)? YearPhrase(int i)
    {
        if (!Key(i, "nam")) return null;
        if (Year(i + 1) is { } y) return (y.End, TimeValue.Unit(new DateTime(y.Year, 1, 1), TimeGrain.Year, absolute: true));
        if (Is(i, "nam") && Shift(i + 1) is { } shift)
            return (shift.End, TimeValue.Unit(new DateTime(_today.Year + shift.Shift, 1, 1), TimeGrain.Year));
        return null;
    }

    /// <summary>"tuần này", "tuần sau", "cuối tuần", "tuần đầu tiên của tháng 9 năm 2017".</summary>
    private (int To, TimeValue Value)? WeekPhrase(int i)
    {
        var monday = TimeValue.Floor(_now, TimeGrain.Week);
        if (Is(i, "tuan"))
        {
            if (Shift(i + 1) is { } shift) return (shift.End, TimeValue.Unit(monday.AddDays(7 * shift.Shift), TimeGrain.Week));
            if (Is(i + 1, "dau") && Is(i + 2, "tien"))
            {
                var k = Is(i + 3, "cua") ? i + 4 : i + 3;
                if (MonthPhrase(k) is not { } month || month.Value.Grain != TimeGrain.Month) return null;
                var first = month.Value.Start;
                while (first.DayOfWeek != DayOfWeek.Monday) first = first.AddDays(1);
                return (month.To, TimeValue.Unit(first, TimeGrain.Week, month.Value.Absolute));
            }
            return null;
        }
        if (Is(i, "cuoi") && Is(i + 1, "tuan"))
        {
            // The weekend: Saturday and Sunday of this week, or of the week named.
            var (weeks, end) = Shift(i + 2) is { } s ? (s.Shift, s.End) : (0, i + 2);
            var saturday = monday.AddDays((7 * weeks) + 5);
            return (end, TimeValue.Span(saturday, saturday.AddDays(2), TimeGrain.Day));
        }
        return null;
    }

    /// <summary>
    /// The ends of a month or a year: "cuối tháng" (from the 21st), "đầu tháng sau" (1st–10th),
    /// "cuối tháng 11", "cuối năm 2023" (December), "đầu năm nay" (January). A year needs its number
    /// or "nay": "khen thưởng cuối năm" names an occasion, not a time.
    /// </summary>
    private (int To, TimeValue Value)? EdgeOfPeriod(int i)
    {
        var end = Is(i, "cuoi");
        if (!end && !Is(i, "dau")) return null;
        if (Is(i + 1, "thang"))
        {
            DateTime month;
            int to;
            if (MonthPhrase(i + 1) is { Value.Grain: TimeGrain.Month } named) (month, to) = (named.Value.Start, named.To);
            else (month, to) = (new DateTime(_today.Year, _today.Month, 1), i + 2);
            return end
                ? (to, TimeValue.Span(month.AddDays(20), month.AddMonths(1), TimeGrain.Day))
                : (to, TimeValue.Span(month, month.AddDays(10), TimeGrain.Day));
        }
        if (Is(i + 1, "nam") && YearPhrase(i + 1) is { } year && (year.Value.Absolute || Is(i + 2, "nay")))
        {
            var first = end ? year.Value.Start.AddMonths(11) : year.Value.Start;
            return (year.To, TimeValue.Span(first, first.AddMonths(1), TimeGrain.Month, year.Value.Absolute));
        }
        if (!end && Is(i + 1, "tuan"))
        {
            var (weeks, to) = Shift(i + 2) is { } s ? (s.Shift, s.End) : (0, i + 2);
            var monday = TimeValue.Floor(_now, TimeGrain.Week).AddDays(7 * weeks);
            return (to, TimeValue.Span(monday, monday.AddDays(2), TimeGrain.Day));
        }
        return null;
    }

    /// <summary>"từ ngày 1/10 đến ngày 31/10/2023", "từ thứ hai đến thứ sáu", "từ 8h đến 11h30": a span.</summary>
    private (int To, TimeValue Value)? FromTo(int i)
    {
        if (!Is(i, "tu") || At(i + 1) is not { } from) return null;
        var j = from.To;
        if (!(Is(j, "den") || (Is(j, "toi") && Spelled(j, "tới")) || Sym(j, '-'))) return null;
        if (At(j + 1) is not { } to) return null;
        var until = to.Value;
        // "từ thứ hai đến thứ sáu" said on a Wednesday: the Friday after that Monday.
        if (until.End <= from.Value.Start && !until.Absolute && until.Grain == TimeGrain.Day && !until.Interval)
            until = TimeValue.Day(DateOnly.FromDateTime(until.Start).AddDays(7));
        if (until.End <= from.Value.Start) return null;
        var grain = from.Value.Grain < until.Grain ? from.Value.Grain : until.Grain;
        return (to.To, TimeValue.Span(from.Value.Start, until.End, grain, from.Value.Absolute || until.Absolute));
    }

    /// <summary>"6 tháng đầu năm 2024", "3 tháng cuối năm 2023", "4 tháng cuối năm".</summary>
    private (int To, TimeValue Value)? MonthsOfYear(int i)
    {
        if (Count(i) is not { Value: >= 1 and <= 12 } n || !Key(n.End, "thang")) return null;
        var j = n.End + 1;
        // "hai tháng còn lại (của năm)": the months left of the year.
        if (Is(j, "con") && Is(j + 1, "lai"))
        {
            var to = j + 2;
            if (Is(to, "cua") && Key(to + 1, "nam")) to = Is(to + 2, "nay") ? to + 3 : to + 2;
            var yearEnd = new DateTime(_today.Year + 1, 1, 1);
            return (to, TimeValue.Span(yearEnd.AddMonths(-n.Value), yearEnd, TimeGrain.Month));
        }
        var fromStart = Key(j, "dau");
        if (!fromStart && !Key(j, "cuoi")) return null;
        if (!Key(j + 1, "nam")) return null;
        var (year, end, absolute) = Year(j + 2) is { } y ? (y.Year, y.End, true)
            : Is(j + 2, "nay") ? (_today.Year, j + 3, false) : (_today.Year, j + 2, false);
        var yearStart = new DateTime(year, 1, 1);
        var start = fromStart ? yearStart : yearStart.AddMonths(12 - n.Value);
        return (end, TimeValue.Span(start, start.AddMonths(n.Value), TimeGrain.Month, absolute));
    }

    /// <summary>"mùa hè này", "mùa đông năm nay", "mùa xuân năm 2024", "mùa thu tới" (astronomical seasons).</summary>
    private (int To, TimeValue Value)? Season(int i)
    {
        if (!Is(i, "mua") || Word(i + 1) is not { } w || !TimeWords.Seasons.TryGetValue(w, out var first)) return null;
        var j = i + 2;
        TimeValue In(int year)
        {
            var start = new DateTime(year, first.Month, first.Day);
            return TimeValue.Span(start, SeasonEnd(start), TimeGrain.Day);
        }
        if (Key(j, "nam") && Year(j + 1) is { } y) return (y.End, In(y.Year));
        if (Is(j, "nay") || (Is(j, "nam") && Is(j + 1, "nay")))
        {
            // "mùa đông này" in February is the winter that began last December.
            var last = In(_today.Year - 1);
            return (Is(j, "nay") ? j + 1 : j + 2, _now < last.End ? last : In(_today.Year));
        }
        if ((Is(j, "toi") && Spelled(j, "tới")) || Is(j, "sau"))
        {
            var coming = In(_today.Year);
            return (j + 1, coming.Start > _now ? coming : In(_today.Year + 1));
        }
        return (j, In(_today.Year));
    }

    /// <summary>A season ends on the day the next one starts, that day included (Duckling's count).</summary>
    private static DateTime SeasonEnd(DateTime start) =>
        TimeWords.Seasons.Values
            .Select(s => new DateTime(start.Year, s.Month, s.Day))
            .Select(d => d <= start ? d.AddYears(1) : d)
            .Min()
            .AddDays(1);

    /// <summary>
    /// Counts from now: "3 ngày nữa", "sau 3 ngày" (a day); "3 ngày tới" (the next three days,
    /// today excluded); "2 tháng vừa qua" (the last two months, this one excluded); "3 ngày trước" (ago).
    /// </summary>
    private (int To, TimeValue Value)? Counted(int i)
    {
        var after = Is(i, "sau") ? 1 : Is(i, "cach") && Is(i + 1, "day") ? 2 : 0;
        var ago = after == 2;
        if (Count(i + after) is not { } n || n.Value < 1 || Word(n.End) is not { } unitWord
            || !TimeWords.Units.TryGetValue(unitWord, out var unit))
            return null;
        var j = n.End + 1;
        if (after == 0)
        {
            if (Is(j, "nua")) return (j + 1, Point(unit, n.Value));
            if (Is(j, "toi") && !Spelled(j, "tới")) return null;
            if (Key(j, "truoc") && unit >= TimeGrain.Day) return (j + 1, Point(unit, -n.Value));
            if (AnyOf(j, CountDirections) is not { } m) return null;
            var direction = TimeWords.CountDirections[m.Which].Direction;
            var current = TimeValue.Floor(_now, unit);
            return direction > 0
                ? (m.End, TimeValue.Span(TimeValue.Add(current, unit, 1), TimeValue.Add(current, unit, n.Value + 1), unit))
                : (m.End, TimeValue.Span(TimeValue.Add(current, unit, -n.Value), current, unit));
        }
        return (j, Point(unit, ago ? -n.Value : n.Value));
    }

    /// <summary>Now moved by n units: a day for days and longer, else the minute ("sau 2 giờ" at 9:30 is 11:30) or second.</summary>
    private TimeValue Point(TimeGrain unit, int n)
    {
        var moved = TimeValue.Add(_now, unit, n);
        if (unit >= TimeGrain.Day) return TimeValue.Day(DateOnly.FromDateTime(moved));
        var grain = unit == TimeGrain.Second ? TimeGrain.Second : TimeGrain.Minute;
        return TimeValue.Unit(TimeValue.Floor(moved, grain), grain);
    }
}

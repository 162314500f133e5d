namespace Bot.Domain.Time;

/// <summary>Clock times and parts of the day: "16h00", "9:30", "2 giờ chiều", "sáng mai 8 giờ", "tối nay".</summary>
internal sealed partial class TimeParser
{
    /// <summary>A clock time as said, with its part of the day and perhaps its own day.</summary>
    private readonly record struct ClockRead(int Hour, int Minute, int Second, TimeGrain Grain, string? Part, DayRead? Day, int End)
    {
        /// <summary>The hour on a 24-hour clock once the part of the day is known: "2 giờ chiều" → 14.</summary>
        public int Hour24(string? part) => (part ?? Part) switch
        {
            "chieu" or "toi" when Hour < 12 => Hour + 12,
            "trua" when Hour is >= 1 and <= 4 => Hour + 12,
            "dem" when Hour is >= 6 and < 12 => Hour + 12,
            _ => Hour,
        };

        public DateTime On(DateOnly day, string? part = null) =>
            day.ToDateTime(TimeOnly.MinValue).AddHours(Hour24(part)).AddMinutes(Minute).AddSeconds(Second);
    }

    /// <summary>A clock time first: "vào lúc 2 giờ sáng", "16 giờ ngày 23/10/2023", "2:30" (the next 2:30).</summary>
    private (int To, TimeValue Value)? ClockFirst(int i)
    {
        if (Clock(i) is not { } clock) return null;
        if (clock.Day is { } day) return (clock.End, TimeValue.Unit(clock.On(day.Day), clock.Grain, day.Absolute));
        return (clock.End, TimeValue.Unit(NextClock(clock), clock.Grain));
    }

    /// <summary>
    /// The next time the clock shows this time, now included. Without a part of the day, an hour
    /// up to 12 may be morning or afternoon: the earlier one still to come.
    /// </summary>
    private DateTime NextClock(ClockRead clock)
    {
        var now = TimeValue.Floor(_now, clock.Grain);
        var today = clock.On(_today);
        if (clock.Part is null && clock.Hour is >= 1 and < 12 && today < now)
        {
            var afternoon = today.AddHours(12);
            if (afternoon >= now) return afternoon;
        }
        return today >= now ? today : today.AddDays(1);
    }

    /// <summary>"[vào lúc] 3 giờ rưỡi chiều [ngày mai]", "16h00 ngày 23/10", "11 giờ kém 15", "15:23:24".</summary>
    private ClockRead? Clock(int i, bool withDay = true)
    {
        var j = AnyOf(i, ClockLeads) is { } lead ? lead.End : i;
        if (Count(j) is not { } h || h.Value > 24) return null;
        var k = h.End;
        int minute = 0, second = 0, end;
        TimeGrain grain;
        var hour = h.Value;
        if (_t[j].IsNumber && Sym(k, ':') && Glued(k) && Glued(k + 1) && _t[k + 1].Length == 2 && Num(k + 1, 0, 59) is int mm)
        {
            (minute, grain, end) = (mm, TimeGrain.Minute, k + 2);
            if (Sym(end, ':') && Glued(end) && Glued(end + 1) && Num(end + 1, 0, 59) is int ss) (second, grain, end) = (ss, TimeGrain.Second, end + 2);
        }
        else if (_t[j].IsNumber && Word(k) is "h" or "g" && Glued(k))
        {
            (grain, end) = (TimeGrain.Hour, k + 1);
            if (Glued(k + 1) && Num(k + 1, 0, 59) is int hm) (minute, grain, end) = (hm, TimeGrain.Minute, k + 2);
        }
        else if (Key(k, "gio"))
        {
            (grain, end) = (TimeGrain.Hour, k + 1);
            if (Is(end, "ruoi")) (minute, grain, end) = (30, TimeGrain.Minute, end + 1);
            else if (Is(end, "kem") && Num(end + 1, 1, 59) is int before && hour > 0)
                (hour, minute, grain, end) = (hour - 1, 60 - before, TimeGrain.Minute, Is(end + 2, "phut") ? end + 3 : end + 2);
            else if (Num(end, 0, 59) is int gm && !Sym(end + 1, '/'))
                (minute, grain, end) = (gm, TimeGrain.Minute, Is(end + 1, "phut") ? end + 2 : end + 1);
        }
        else return null;
        if (hour > 23) return null;

        string? part = null;
        if (PartOfDay(end) is { } p) (part, end) = (p, end + 1);
        DayRead? day = null;
        if (!withDay) return new ClockRead(hour, minute, second, grain, part, null, end);
        if (part is not null && Word(end) is { } shortDay && TimeWords.ShortDays.TryGetValue(shortDay, out var shift)
            && !(shortDay == "mai" && (_t[end].Capital || !Spelled(end, "mai"))) && DaySpec(end) is null)
        {
            day = new DayRead(_today.AddDays(shift), end + 1, false);
        }
        else if (DaySpec(Sym(end, ',') ? end + 1 : end) is { } spec) day = spec; // "16 giờ 00, ngày 25/10/2023"
        return new ClockRead(hour, minute, second, grain, part, day, day?.End ?? end);
    }

    /// <summary>"sáng", "trưa", "chiều", "tối", "đêm" — but not "tới" (next) nor "tôi" (I), which fold like "tối".</summary>
    private string? PartOfDay(int i) =>
        Word(i) is { } p && TimeWords.PartsOfDay.ContainsKey(p) && (p != "toi" || Spelled(i, "tối")) ? p : null;

    /// <summary>
    /// A part of the day first: "tối nay", "buổi sáng nay", "trưa ngày mai", "sáng chủ nhật" (spans),
    /// "sáng mai 8 giờ" (a time); and "sau bữa trưa" (13–17 today).
    /// </summary>
    private (int To, TimeValue Value)? PartOfDayFirst(int i)
    {
        if (Words(i, ["sau", "bua", "trua"]) is > 0 and var afterLunch)
            return (afterLunch, TimeValue.Span(At(_today, 13), At(_today, 17), TimeGrain.Hour));
        var j = Is(i, "buoi") ? i + 1 : i;
        if (PartOfDay(j) is not { } part) return null;
        var window = TimeWords.PartsOfDay[part];
        DayRead day;
        if (DaySpec(j + 1) is { } spec) day = spec;
        else if (Word(j + 1) is { } w && TimeWords.ShortDays.TryGetValue(w, out var shift) && !(w == "mai" && (_t[j + 1].Capital || !Spelled(j + 1, "mai"))))
            day = new DayRead(_today.AddDays(shift), j + 2, false);
        else return null;
        if (Clock(day.End) is { Day: null } clock)
            return (clock.End, TimeValue.Unit(clock.On(day.Day, part), clock.Grain, day.Absolute));
        return (day.End, TimeValue.Span(At(day.Day, window.From), At(day.Day, window.To), TimeGrain.Hour, day.Absolute));
    }
}

using System.Globalization;

namespace Bot.Domain.Time;

/// <summary>What a found phrase means, before its role in the sentence is decided.</summary>
internal abstract record Meaning;

/// <summary>A point or a span of time: "ngày 30/11/2023", "tuần sau", "tối nay".</summary>
internal sealed record Moment(TimeValue Value) : Meaning;

/// <summary>A deadline: a time with a cue ("chậm nhất ngày 30/11/2023"), or a count of days from a starting day.</summary>
internal sealed record Due(TimeValue? Value, DateTime? DueBefore, Lasting? Count = null, CountFrom From = CountFrom.Today) : Meaning;

/// <summary>Where a count of days starts: today, the day the document is received, or the day it is signed.</summary>
internal enum CountFrom
{
    Today,
    Receipt,
    Signing,

    /// <summary>From an event the text does not date ("kể từ ngày tiếp nhận đủ hồ sơ"): no day can be computed.</summary>
    Event,
}

/// <summary>A length of time: "5 ngày làm việc", "3 tháng".</summary>
internal sealed record Lasting(int Amount, TimeGrain Unit, bool WorkingDays = false) : Meaning;

/// <summary>A repetition as an RRULE; <see cref="Duty"/> when a duty cue stands before it (see <see cref="TimeWords.Periodically"/>).</summary>
internal sealed record Repeating(string Rule, string? Anchor, DateOnly? Next, bool Duty) : Meaning;

/// <summary>A phrase found by the grammar: tokens [From, To) and what they mean.</summary>
internal sealed record Found(int From, int To, Meaning Meaning);

/// <summary>
/// The extract-and-parse stage: a left-to-right scan over tokens that, at each token, tries the
/// grammar's rules and keeps the longest phrase found; the scan resumes after it. Every rule
/// looks at a bounded number of tokens, so the work is linear in the text. Times are resolved
/// against the reference wall-clock time as they are parsed (the recognizer picks dates itself,
/// as TimexExpression's own resolution gives candidates, not a choice).
/// </summary>
internal sealed partial class TimeParser
{
    private readonly List<TimeToken> _t;
    private readonly DateTime _now;
    private readonly DateOnly _today;

    public TimeParser(List<TimeToken> tokens, DateTime referenceLocal)
    {
        _t = tokens;
        _now = referenceLocal;
        _today = DateOnly.FromDateTime(referenceLocal);
    }

    public List<Found> Scan()
    {
        var found = new List<Found>();
        var i = 0;
        while (i < _t.Count)
        {
            var best = Longest(i);
            if (best is null) { i++; continue; }
            found.Add(best);
            i = best.To;
        }
        return found;
    }

    /// <summary>
    /// The words a phrase may start with: the first words of the word lists and of the grammar's
    /// rules. Most words of a text are none of these, and the scan passes them at once.
    /// </summary>
    private static readonly HashSet<string> StartWords = new(
        TimeWords.Now.Select(w => w[0])
            .Concat(TimeWords.ClockLeads.Select(w => w[0]))
            .Concat(TimeWords.RelativeDays.Select(r => r.Words[0]))
            .Concat(TimeWords.Holidays.Select(h => h.Words[0]))
            .Concat(TimeWords.LunarFestivals.Select(f => f.Words[0]))
            .Concat(TimeWords.DeadlineCues.Select(c => c.Words[0]))
            .Concat(TimeWords.Numbers.Keys)
            .Concat(TimeWords.PartsOfDay.Keys)
            .Concat(TimeWords.SundayFirstWords)
            .Concat(TimeWords.Every)
            .Concat([TimeWords.Complete[0], TimeWords.Periodically[0]])
            // ngày/mồng D …, thứ …, tháng, quý, năm, tuần, cuối/đầu …, mùa, sau/cách đây N …, buổi sáng, lễ, vào ngày, từ … đến …
            .Concat(["ngay", "mong", "mung", "thu", "thang", "quy", "nam", "tuan", "cuoi", "dau", "mua", "sau", "cach", "buoi", "le", "vao", "tu",
                "cac", "nhung", "sang", "chieu", "ram"]),
        StringComparer.Ordinal);

    private bool MayStart(int i)
    {
        var t = _t[i];
        if (t.IsNumber) return true;
        if (!t.IsWord) return false;
        return StartWords.Contains(t.Text) || (t.Keyword.Length > 0 && StartWords.Contains(t.Keyword));
    }

    private Found? Longest(int i)
    {
        if (!MayStart(i)) return null;
        Found? best = null;
        Keep(ref best, Repetition(i));
        Keep(ref best, Deadline(i));
        if (At(i) is var (to, value)) Keep(ref best, new Found(i, to, new Moment(value)));
        if (best is null && Duration(i) is var (end, lasting)) best = new Found(i, end, lasting);
        return best;
    }

    private static void Keep(ref Found? best, Found? candidate)
    {
        if (candidate is not null && (best is null || candidate.To > best.To)) best = candidate;
    }

    /// <summary>The longest time phrase starting at token i, or null.</summary>
    private (int To, TimeValue Value)? At(int i)
    {
        if (!Has(i) || _t[i].Kind == TokenKind.Symbol) return null;
        (int To, TimeValue Value)? best = null;
        void Try((int To, TimeValue Value)? c)
        {
            if (c is { } x && (best is null || x.To > best.Value.To)) best = x;
        }
        Try(NowPhrase(i));
        Try(ClockFirst(i));
        Try(PartOfDayFirst(i));
        Try(DayFirst(i));
        Try(MonthPhrase(i));
        Try(QuarterPhrase(i));
        Try(YearPhrase(i));
        Try(WeekPhrase(i));
        Try(MonthsOfYear(i));
        Try(Season(i));
        Try(Counted(i));
        Try(EdgeOfPeriod(i));
        Try(FromTo(i));
        return best;
    }

    // ---- Token helpers ---------------------------------------------------------------------

    private bool Has(int i) => i >= 0 && i < _t.Count;

    private string? Word(int i) => Has(i) && _t[i].IsWord ? _t[i].Text : null;

    /// <summary>Exactly this folded word.</summary>
    private bool Is(int i, string word) => Has(i) && _t[i].IsWord && _t[i].Text == word;

    /// <summary>This keyword, read OCR-tolerantly when it is one of <see cref="TimeWords.Keywords"/>.</summary>
    private bool Key(int i, string word)
    {
        if (!Has(i) || !_t[i].IsWord) return false;
        // The token's keyword is one of the keywords or "": no need to ask whether the word is one.
        return _t[i].Text == word || _t[i].Keyword == word;
    }

    /// <summary>
    /// The word may be read as <paramref name="accented"/>: written so, or written without
    /// diacritics at all. Tells apart words that fold alike: "tới" (next) and "tối" (evening),
    /// "sáu" (six) and "sau" (after), "mai" (tomorrow) and "mãi" (ever).
    /// </summary>
    private bool Spelled(int i, string accented) =>
        Has(i) && (_t[i].Spelled == accented || _t[i].Spelled == _t[i].Text);

    private bool Sym(int i, char c) => Has(i) && _t[i].Kind == TokenKind.Symbol && _t[i].Text[0] == c;

    private bool Glued(int i) => Has(i) && _t[i].Glued;

    private int? Num(int i, int min = 0, int max = 9999)
    {
        if (!Has(i) || !_t[i].IsNumber || _t[i].Length > 4) return null;
        var n = int.Parse(_t[i].Text, CultureInfo.InvariantCulture);
        return n >= min && n <= max ? n : null;
    }

    /// <summary>
    /// The words in order from token i (keywords OCR-tolerant, others exact; with <paramref name="loose"/>,
    /// also the words it reads OCR-tolerantly): the index after them, or -1.
    /// </summary>
    private int Words(int i, string[] words, Func<string, string>? loose = null)
    {
        foreach (var w in words)
        {
            if (Key(i, w) || (loose is not null && Word(i) is { } text && loose(text) == w)) i++;
            else if (SplitKey(i, w)) i += 2;
            else return -1;
        }
        return i;
    }

    /// <summary>
    /// A keyword whose first letter OCR read as a digit, so the tokenizer split it: "1am" (làm) is 1 · am.
    /// Only a one-digit number glued to the rest, and only when the whole reads as the keyword.
    /// </summary>
    private bool SplitKey(int i, string word) =>
        Has(i + 1) && _t[i].IsNumber && _t[i].Length == 1 && _t[i + 1].IsWord && _t[i + 1].Glued
        && TimeWords.Keywords.Contains(word) && TimeWords.KeywordOf(_t[i].Text + _t[i + 1].Text) == word;

    /// <summary>The longest of several phrases at token i: (index after it, which one), or null.</summary>
    private (int End, int Which)? AnyOf(int i, PhraseList phrases)
    {
        if (!Has(i) || !_t[i].IsWord) return null;
        (int End, int Which)? best = null;
        foreach (var p in phrases.OpenedBy(_t[i].Text))
        {
            var end = Words(i, phrases[p], phrases.Loose);
            if (end > 0 && (best is null || end > best.Value.End)) best = (end, p);
        }
        return best;
    }

    // The word lists of TimeWords that are tried as phrases at a token.
    private static readonly PhraseList NowWords = new(TimeWords.Now);
    private static readonly PhraseList ClockLeads = new(TimeWords.ClockLeads);
    private static readonly PhraseList RelativeDays = new(TimeWords.RelativeDays.Select(r => r.Words));
    private static readonly PhraseList Holidays = new(TimeWords.Holidays.Select(h => h.Words));
    private static readonly PhraseList CountDirections = new(TimeWords.CountDirections.Select(d => d.Words));
    private static readonly PhraseList UnitShifts = new(TimeWords.UnitShifts.Select(s => s.Words));
    private static readonly PhraseList DeadlineCues = new(TimeWords.DeadlineCues.Select(c => c.Words));
    private static readonly PhraseList FromReceipt = new(TimeWords.FromReceipt, TimeWords.CountStartOf);
    private static readonly PhraseList FromSigning = new(TimeWords.FromSigning, TimeWords.CountStartOf);
    private static readonly PhraseList ReceivedThings = new(TimeWords.ReceivedThings);

    /// <summary>
    /// A count: digits, or a spelled number up to twelve ("ba", "mười một"). <paramref name="afterUnit"/>:
    /// right after "tháng", "quý" or "thứ", where "tư" is four and unaccented "sau" is six.
    /// </summary>
    private (int Value, int End)? Count(int i, bool afterUnit = false)
    {
        if (Num(i) is int n) return (n, i + 1);
        if (SpelledNumber(i, afterUnit) is not { } v) return null;
        // "năm" is five only when no year number follows ("tháng năm" = May, "tháng 9 năm 2023" is a year).
        if (Word(i) == "nam" && Num(i + 1) is not null) return null;
        if (v == 10 && SpelledNumber(i + 1, afterUnit: false) is int unit && unit < 10 && !(Word(i + 1) == "nam" && Num(i + 2) is not null))
            return (10 + unit, i + 2);
        return (v, i + 1);
    }

    private int? SpelledNumber(int i, bool afterUnit)
    {
        if (Word(i) is not { } w || !TimeWords.Numbers.TryGetValue(w, out var number)) return null;
        var plain = _t[i].Spelled == w;
        if (!plain && _t[i].Spelled != number.Written) return null;
        if (!afterUnit && (w == "tu" || (plain && TimeWords.AmbiguousPlainNumbers.Contains(w)))) return null;
        return number.Value;
    }

    /// <summary>A year: four digits, or two (91 → 1991, 17 → 2017).</summary>
    private (int Year, int End)? Year(int i, bool allowShort = false)
    {
        if (!Has(i) || !_t[i].IsNumber) return null;
        var text = _t[i].Text;
        if (text.Length == 4 && Num(i, 1900, 2199) is int y) return (y, i + 1);
        if (allowShort && text.Length == 2 && Num(i) is int s) return (s < 50 ? 2000 + s : 1900 + s, i + 1);
        return null;
    }

    /// <summary>"this / next / last" after a unit word: the shift and the index after it.</summary>
    private (int Shift, int End)? Shift(int i)
    {
        if (Is(i, "toi") && !Spelled(i, "tới")) return null;
        var m = AnyOf(i, UnitShifts);
        return m is { } x ? (TimeWords.UnitShifts[x.Which].Shift, x.End) : null;
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static DateTime At(DateOnly day, int hour) => day.ToDateTime(TimeOnly.MinValue).AddHours(hour);
}

using System.Globalization;
using Bot.Domain.Calendar;

namespace Bot.Domain.Time;

/// <summary>
/// Finds Vietnamese time phrases in a text (directives, clean or OCR-damaged, and chat, with or
/// without accents) and resolves them against a reference wall-clock time in Vietnam. Stages, as
/// in Microsoft.Recognizers.Text: tokens (<see cref="TimeTokenizer"/>) → phrases with their
/// meaning (<see cref="TimeParser"/>, which also picks the dates) → role in the sentence
/// (<see cref="TimeRoles"/>) → <see cref="TimeMention"/> with a TIMEX value, exclusive instants,
/// a due instant for deadlines and an RRULE for repetitions. Results come in text order and do
/// not overlap. Pure: no clock of its own.
/// </summary>
public sealed class TimeRecognizer
{
    private readonly IWorkCalendar _calendar;

    /// <param name="calendar">Working days for "trong 05 ngày làm việc"; Monday to Friday when null.</param>
    public TimeRecognizer(IWorkCalendar? calendar = null) => _calendar = calendar ?? new WeekdaysOnly();

    /// <param name="text">Any text; spans index it as given.</param>
    /// <param name="referenceLocal">Now, as a wall-clock time in Vietnam.</param>
    /// <param name="receivedOn">When the document was received: resolves "… kể từ ngày nhận được văn bản".</param>
    public IReadOnlyList<TimeMention> Recognize(string text, DateTime referenceLocal, DateOnly? receivedOn = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Years are read between 1900 and 2199; a reference far outside would push dates off the calendar.
        if (referenceLocal.Year is < 1900 or > 2199)
            throw new ArgumentOutOfRangeException(nameof(referenceLocal), referenceLocal, "The reference must fall between 1900 and 2199.");
        var tokens = TimeTokenizer.Split(text, TokenBuffer(text.Length));
        var parser = new TimeParser(tokens, referenceLocal);
        var roles = new TimeRoles(text, tokens, referenceLocal);
        var mentions = new List<TimeMention>();
        foreach (var found in parser.Scan())
        {
            var start = tokens[found.From].Start;
            var end = tokens[found.To - 1].End;
            var phrase = text[start..end];
            mentions.Add(Describe(found, phrase, start, roles, DateOnly.FromDateTime(referenceLocal), receivedOn));
        }
        return mentions;
    }

    // The reader calls this for every task of a directive: the tokens of one call are gone when it returns, so each
    // thread keeps one list for them rather than allocate it each time. A long text gets a list of its own, sized for it.
    [ThreadStatic]
    private static List<TimeToken>? _tokens;

    private static List<TimeToken> TokenBuffer(int textLength) =>
        textLength > 64_000 ? new List<TimeToken>(textLength / 4) : _tokens ??= new List<TimeToken>(1024);

    private TimeMention Describe(Found found, string phrase, int index, TimeRoles roles, DateOnly today, DateOnly? receivedOn)
    {
        var length = phrase.Length;
        switch (found.Meaning)
        {
            case Moment { Value: var v }:
                return Mention(phrase, index, v, KindOf(v), roles.Of(found, v));
            case Due { Value: { } v, DueBefore: var due }:
                return Mention(phrase, index, v, TimeKind.Deadline, TimeRole.Deadline) with { DueBefore = Instant(due) };
            case Due { Count: { } count, From: var countFrom }:
                // The reference is the document's own date when a directive is read, so a count from the day it is
                // signed or issued starts there, as one from today; a count from receipt needs the day it was received.
                var from = countFrom switch { CountFrom.Receipt => receivedOn, CountFrom.Event => null, _ => today };
                if (from is not { } anchor)
                    return new TimeMention(phrase, index, length, TimeKind.Duration, TimeRole.Deadline, DurationTimex(count)) { Grain = count.Unit };
                var last = count switch
                {
                    { WorkingDays: true } => _calendar.AddWorkingDays(anchor, count.Amount),
                    { Unit: TimeGrain.Week } => anchor.AddDays(7 * count.Amount),
                    { Unit: TimeGrain.Month } => anchor.AddMonths(count.Amount),
                    _ => anchor.AddDays(count.Amount),
                };
                var span = TimeValue.Span(anchor.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeGrain.Day);
                return new TimeMention(phrase, index, length, TimeKind.Deadline, TimeRole.Deadline, TimeValue.Day(last).Timex(),
                    Instant(span.Start), Instant(span.End), Instant(span.End)) { Grain = TimeGrain.Day };
            case Lasting lasting:
                return new TimeMention(phrase, index, length, TimeKind.Duration, TimeRole.None, DurationTimex(lasting)) { Grain = lasting.Unit };
            case Repeating r:
                return new TimeMention(phrase, index, length, TimeKind.Recurrence, r.Duty ? TimeRole.Deadline : TimeRole.None, r.Anchor,
                    Start: r.Next is { } next ? VietnamTime.StartOfDay(next) : null, Recurrence: r.Rule);
            default:
                throw new InvalidOperationException($"Unknown meaning {found.Meaning}");
        }
    }

    private static TimeMention Mention(string phrase, int index, TimeValue v, TimeKind kind, TimeRole role) =>
        new(phrase, index, phrase.Length, kind, role, v.Timex(), Instant(v.Start), Instant(v.End)) { Grain = v.Grain };

    private static TimeKind KindOf(TimeValue v) => v.Interval ? TimeKind.Range : v.Grain switch
    {
        TimeGrain.Day => TimeKind.Date,
        TimeGrain.Second or TimeGrain.Minute or TimeGrain.Hour => TimeKind.DateTime,
        _ => TimeKind.Range,
    };

    private static DateTimeOffset? Instant(DateTime? local) => local is { } t ? VietnamTime.FromLocal(t) : null;

    /// <summary>P3D, P2W, PT4H … Working days are written as days: TIMEX has no working-day unit, the kind says it.</summary>
    private static string DurationTimex(Lasting l) => l.Unit switch
    {
        TimeGrain.Second => Invariant($"PT{l.Amount}S"),
        TimeGrain.Minute => Invariant($"PT{l.Amount}M"),
        TimeGrain.Hour => Invariant($"PT{l.Amount}H"),
        TimeGrain.Week => Invariant($"P{l.Amount}W"),
        TimeGrain.Month => Invariant($"P{l.Amount}M"),
        TimeGrain.Quarter => Invariant($"P{3 * l.Amount}M"),
        TimeGrain.Year => Invariant($"P{l.Amount}Y"),
        _ => Invariant($"P{l.Amount}D"),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Monday to Friday: the working week when no calendar of holidays is given.</summary>
    private sealed class WeekdaysOnly : IWorkCalendar
    {
        public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }
}

namespace Bot.Domain.Time;

/// <summary>What a time phrase is.</summary>
public enum TimeKind
{
    Date,
    DateTime,
    Range,
    Deadline,
    Recurrence,
    Duration,
}

/// <summary>What a time phrase does in its sentence.</summary>
public enum TimeRole
{
    /// <summary>A time with no part in a duty: "hôm nay", "tuần sau" in chat.</summary>
    None,

    /// <summary>By when something must be done: "chậm nhất ngày 30/11/2023", "trước ngày 15 hằng tháng".</summary>
    Deadline,

    /// <summary>The date of the document itself, in its header: "Tứ Kỳ, ngày 25 tháng 9 năm 2023".</summary>
    IssueDate,

    /// <summary>The date of another document: "Công văn số 3494/UBND-VP ngày 19/9/2023". Never a deadline.</summary>
    Reference,

    /// <summary>A past period that facts are told about: "trong Quý I năm 2023". Never a deadline.</summary>
    Period,
}

/// <summary>
/// One time phrase found in a text, resolved against a reference instant. Instants are in
/// Vietnam time (+07:00). A deadline's <see cref="DueBefore"/> is exclusive: "chậm nhất ngày
/// 30/11/2023" is due before 2023-12-01T00:00+07:00.
/// </summary>
/// <param name="Text">The phrase as written in the source.</param>
/// <param name="Index">Where the phrase starts in the source text.</param>
/// <param name="Length">How long the phrase is in the source text.</param>
/// <param name="Kind">What the phrase is.</param>
/// <param name="Role">What it does in its sentence.</param>
/// <param name="Timex">The TIMEX value (checked by a TimexProperty round trip), or null for recurrences without an anchor.</param>
/// <param name="Start">The first instant the phrase covers.</param>
/// <param name="End">The instant right after the phrase (exclusive), for ranges and dates.</param>
/// <param name="DueBefore">For a deadline: the exclusive instant by which it is due.</param>
/// <param name="Recurrence">For a repeating duty: an RFC 5545 RRULE such as FREQ=MONTHLY;BYMONTHDAY=15.</param>
public sealed record TimeMention(
    string Text,
    int Index,
    int Length,
    TimeKind Kind,
    TimeRole Role,
    string? Timex = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    DateTimeOffset? DueBefore = null,
    string? Recurrence = null)
{
    public int EndIndex => Index + Length;

    /// <summary>The unit the phrase is stated in (a minute for "9h30", a month for "tháng 5"); None for repetitions.</summary>
    public TimeGrain Grain { get; init; }
}

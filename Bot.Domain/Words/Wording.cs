using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Domain.Words;

/// <summary>
/// How the bot writes what it shows: deadlines in Vietnamese terms, instants, repetitions, short
/// task summaries. Every reply, reminder and table uses these, so a date reads the same everywhere.
/// </summary>
public static class Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"hạn 30/11/2023, còn 3 ngày", "hạn hôm nay", "quá hạn 2 ngày", "không ghi hạn".</summary>
    public static string Deadline(DateTimeOffset? dueBefore, bool done, DateTimeOffset now)
    {
        if (dueBefore is not { } due) return "không ghi hạn";
        var shown = DueShown(due);
        if (done) return $"hạn {shown}";
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var lastDay = LastDay(due);
        if (due <= now)
        {
            var late = Math.Max(1, today.DayNumber - lastDay.DayNumber);
            return $"quá hạn {late} ngày (hạn {shown})";
        }
        var left = lastDay.DayNumber - today.DayNumber;
        return left switch
        {
            0 => $"hạn hôm nay ({shown})",
            1 => $"hạn ngày mai ({shown})",
            _ => $"hạn {shown}, còn {left} ngày",
        };
    }

    /// <summary>An exclusive deadline as people say it: before 00:00 of the 1st is "30/11/2023"; a time shows as "16:00 ngày 23/10/2023".</summary>
    public static string DueShown(DateTimeOffset dueBefore)
    {
        var local = VietnamTime.ToLocal(dueBefore);
        return local.TimeOfDay == TimeSpan.Zero
            ? local.AddDays(-1).ToString("dd/MM/yyyy", Invariant)
            : local.ToString("HH:mm 'ngày' dd/MM/yyyy", Invariant);
    }

    /// <summary>An exclusive deadline in a table: "hết ngày 30/11/2023", "trước 16:00 ngày 23/10/2023".</summary>
    public static string DueInFull(DateTimeOffset dueBefore)
    {
        var local = VietnamTime.ToLocal(dueBefore);
        return local.TimeOfDay == TimeSpan.Zero
            ? "hết ngày " + local.AddDays(-1).ToString("dd/MM/yyyy", Invariant)
            : "trước " + local.ToString("HH:mm 'ngày' dd/MM/yyyy", Invariant);
    }

    /// <summary>An exclusive instant after "trước": "30/11/2023", or "16:00 ngày 23/10/2023".</summary>
    public static string Before(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return local.ToString(local.TimeOfDay == TimeSpan.Zero ? "dd/MM/yyyy" : "HH:mm 'ngày' dd/MM/yyyy", Invariant);
    }

    /// <summary>The last day on which the work is on time.</summary>
    public static DateOnly LastDay(DateTimeOffset dueBefore) =>
        DateOnly.FromDateTime(VietnamTime.ToLocal(dueBefore.AddTicks(-1)));

    /// <summary>
    /// A repeating duty's rule in words, from its RRULE: "hằng tháng, trước ngày 15", "hằng quý",
    /// "6 tháng một lần", "hằng năm", "hằng quý, trước ngày 20 tháng cuối quý". Null when it does not repeat.
    /// </summary>
    public static string? Repetition(string? rrule)
    {
        if (string.IsNullOrWhiteSpace(rrule)) return null;
        var parts = rrule.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToUpperInvariant(), p => p[1].Trim().ToUpperInvariant(), StringComparer.Ordinal);
        var freq = parts.GetValueOrDefault("FREQ");
        var interval = int.TryParse(parts.GetValueOrDefault("INTERVAL"), NumberStyles.None, Invariant, out var i) ? i : 1;
        var day = parts.GetValueOrDefault("BYMONTHDAY");
        var months = parts.GetValueOrDefault("BYMONTH");
        var every = (freq, interval, months) switch
        {
            ("YEARLY", _, "3,6,9,12") => "hằng quý",
            ("YEARLY", 1, _) => "hằng năm",
            ("MONTHLY", 1, _) => "hằng tháng",
            ("MONTHLY", 3, _) => "hằng quý",
            ("MONTHLY", 6, _) => "6 tháng một lần",
            ("MONTHLY", var n, _) => $"{n} tháng một lần",
            ("WEEKLY", 1, _) => "hằng tuần",
            ("DAILY", 1, _) => "hằng ngày",
            _ => "định kỳ",
        };
        if (day is null) return every;
        return months == "3,6,9,12" ? $"{every}, trước ngày {day} tháng cuối quý" : $"{every}, trước ngày {day}";
    }

    /// <summary>" (hằng tháng, trước ngày 15)" after a deadline for a repeating duty; empty otherwise.</summary>
    public static string Repeats(string? rrule) => Repetition(rrule) is { } words ? $" ({words})" : "";

    /// <summary>The first words of a text, cut at a word boundary: lists and tables stay readable on a phone.</summary>
    public static string Summary(string text, int max = 110)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max) return flat;
        var cut = flat.LastIndexOf(' ', max);
        return flat[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ':', '.') + "…";
    }

    /// <summary>"09:30 20/10/2023": when something happened, in a list.</summary>
    public static string Moment(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", Invariant);

    /// <summary>"16:00 ngày 23/10/2023": an instant in a sentence or a table.</summary>
    public static string At(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", Invariant);

    private static readonly string[] Weekdays = ["chủ nhật", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy"];

    /// <summary>"07:30 thứ hai, 23/10/2023", or without the time "thứ bảy, 21/10/2023": a day people plan by.</summary>
    public static string Weekday(DateTimeOffset instant, bool withTime = true)
    {
        var local = VietnamTime.ToLocal(instant);
        var day = $"{Weekdays[(int)local.DayOfWeek]}, {local.ToString("dd/MM/yyyy", Invariant)}";
        return withTime ? $"{local.ToString("HH:mm", Invariant)} {day}" : char.ToUpperInvariant(day[0]) + day[1..];
    }

    /// <summary>"20/10/2023".</summary>
    public static string Day(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy", Invariant);

    /// <summary>
    /// Where a task comes from, under it in a list, a reminder or a card: "VB 1259/UBND-VP"; without a number as people
    /// recognise it, «VB “thực hiện chỉ đạo của Phó Thủ tướng…” ngày 19/10/2023»; "văn bản chưa số" when nothing names it.
    /// </summary>
    public static string Source(DirectiveName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Number is not null || name.IssuedOn is not null || !string.IsNullOrWhiteSpace(name.Subject) ? "VB " + Directive(name) : "văn bản chưa số";
    }

    /// <summary>
    /// A directive after "văn bản" in a sentence: its number, else its subject shortened and its date
    /// ("“số hóa hồ sơ…” ngày 11/05/2023", "ngày 19/10/2023"), else "chưa số".
    /// </summary>
    public static string Directive(DirectiveName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Number is { Length: > 0 } number) return number;
        var subject = string.IsNullOrWhiteSpace(name.Subject) ? null : $"“{Subject(name.Subject)}”";
        var day = name.IssuedOn is { } on ? "ngày " + on.ToString("dd/MM/yyyy", Invariant) : null;
        return subject is null && day is null ? "chưa số" : string.Join(' ', new[] { subject, day }.OfType<string>());
    }

    // Words a shortened subject does not end on: it would read as cut in the middle of a phrase.
    // Compared with their accents: folded, "sơ" would be "số".
    private static readonly HashSet<string> Dangling = new(StringComparer.Ordinal)
        { "của", "về", "và", "các", "tại", "trên", "cho", "với", "trong", "theo", "đối", "thuộc", "năm", "số", "những", "để", "ở", "từ", "đến" };

    /// <summary>
    /// A subject (trích yếu) in a few words: without its "V/v" or "Về việc", at most about 36 letters cut between words (at
    /// a comma when there is one after the fourth word), never ending on a word like "của", with "…" when cut.
    /// </summary>
    public static string Subject(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var words = VietnameseText.Normalize(subject).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        string Lead() => words.Count > 0 ? words[0].ToLowerInvariant().TrimEnd(':', '.', ',') : "";
        if (Lead() is "v/v" or "v.v") words.RemoveAt(0);
        else if (Lead() == "về")
        {
            words.RemoveAt(0);
            if (Lead() == "việc") words.RemoveAt(0);
        }
        if (words.Count > 0 && words[0] is ":" or "-") words.RemoveAt(0);
        var kept = new List<string>();
        var length = 0;
        foreach (var word in words)
        {
            if (kept.Count > 0 && length + 1 + word.Length > 36) break;
            kept.Add(word);
            length += (kept.Count > 1 ? 1 : 0) + word.Length;
        }
        var cut = kept.Count < words.Count;
        var comma = cut && kept.Count > 3 ? kept.FindIndex(3, w => w.EndsWith(',') || w.EndsWith(';')) : -1;
        if (comma >= 3) kept.RemoveRange(comma + 1, kept.Count - comma - 1);
        while (cut && kept.Count > 1 && Dangling.Contains(kept[^1].ToLowerInvariant().TrimEnd(',', ';', ':'))) kept.RemoveAt(kept.Count - 1);
        var said = string.Join(' ', kept).TrimEnd(',', ';', ':', '.', '-', ' ');
        return cut ? said + "…" : said;
    }

    /// <summary>
    /// Where a task stands in its directive, as people say it, from its outline path (the `parse --json`
    /// "ref"): "1.-4" is "mục 1, ý 4" (the fourth dash under 1), "1.a" "mục 1.a", "-3" "ý 3", "¶2" "đoạn 2"
    /// (an unnumbered paragraph).
    /// </summary>
    public static string Place(string taskRef)
    {
        ArgumentNullException.ThrowIfNull(taskRef);
        var parts = taskRef.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outline = string.Join('.', parts.Where(p => p[0] is not ('-' or '¶')));
        var rest = parts.Where(p => p[0] is '-' or '¶').Select(p => (p[0] == '-' ? "ý " : "đoạn ") + p[1..]);
        var said = outline.Length > 0 ? rest.Prepend("mục " + outline) : rest;
        return string.Join(", ", said) is { Length: > 0 } place ? place : "mục " + taskRef;
    }

    /// <summary>"10 phút", "1 giờ", "1 giờ 30 phút": a span as people say it.</summary>
    public static string Span(TimeSpan span)
    {
        var hours = (int)span.TotalHours;
        var minutes = span.Minutes;
        if (hours == 0) return $"{minutes} phút";
        return minutes == 0 ? $"{hours} giờ" : $"{hours} giờ {minutes} phút";
    }

    /// <summary>"7 giờ 30", "8 giờ": a time of day.</summary>
    public static string Clock(TimeOnly time) => time.Minute == 0 ? $"{time.Hour} giờ" : $"{time.Hour} giờ {time.Minute:00}";
}

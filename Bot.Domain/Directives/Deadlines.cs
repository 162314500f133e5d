using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Domain.Directives;

/// <summary>
/// A task's deadline, read by the role of its dates: a date is a deadline only when the words around it
/// make it one (the recognizer's cues: "trước", "chậm nhất", "hạn", "hoàn thành", a count of days); the
/// dates of other documents, reference dates of data ("số liệu … tính đến ngày …"), glosses ("(tức ngày
/// mùng 5 Tết)"), programme periods and the past are not. Of several, an outright cue beats a window's
/// end ("lập danh sách trực từ ngày 10/02 đến hết ngày 16/02 gửi về trước ngày 30/01": 30/01), and a
/// repetition with its day beats one without.
/// </summary>
internal sealed class Deadlines(TimeFinder find, DateTime referenceLocal, DateOnly? receivedOn, DateOnly? textDay)
{
    /// <summary>The deadline the text states, by the rules above, or null.</summary>
    public TimeMention? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var deadline = Find(text) ?? FieldDeadline(text);
        // The recognizer leaves a count from the document's own date unresolved ("trong 05 ngày làm việc kể từ
        // ngày ban hành"). The reference is that date, so the count without its "kể từ ..." resolves from it.
        if (deadline is { Kind: TimeKind.Duration, DueBefore: null, Recurrence: null } && FromIssue(deadline.Text) is { } count
            && find(count, referenceLocal, receivedOn).FirstOrDefault(m => m.Role == TimeRole.Deadline) is { DueBefore: not null } resolved)
            deadline = resolved with { Text = deadline.Text, Index = deadline.Index, Length = deadline.Length };
        return deadline;
    }

    /// <summary>The best deadline among the text's time phrases, or null.</summary>
    public TimeMention? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TimeMention? best = null;
        var bestRank = 0;
        string? folded = null; // folded only when a phrase is a deadline: most texts have none
        foreach (var m in find(text, referenceLocal, receivedOn))
        {
            if (m.Role != TimeRole.Deadline || Excluded(text, folded ??= VietnameseText.Fold(text), m)) continue;
            var rank = Rank(m);
            if (rank > bestRank) (best, bestRank) = (m, rank);
        }
        return best;
    }

    /// <summary>A deadline column of a task table: it says "by then" even where the phrase alone would not ("Tháng 6/2024").</summary>
    public TimeMention? OfColumn(string cell)
    {
        var mentions = find(cell, referenceLocal, receivedOn);
        var time = mentions.FirstOrDefault(m => m.Role == TimeRole.Deadline) ?? (mentions.Count > 0 ? mentions[0] : null);
        return time is null ? null : time with { DueBefore = time.Recurrence is null ? time.DueBefore ?? time.End : null };
    }

    /// <summary>How strongly a phrase states a deadline: an outright cue or a repetition with its day, then a window's end.</summary>
    private static int Rank(TimeMention m)
    {
        if (m.Kind == TimeKind.Recurrence)
        {
            var day = m.Recurrence is { } rule && (rule.Contains("BYMONTHDAY", StringComparison.Ordinal) || rule.Contains("BYDAY", StringComparison.Ordinal)
                                                   || rule.Contains("BYHOUR", StringComparison.Ordinal));
            // "trước 15h30 hằng ngày" is the duty's deadline; "vào 15h00 hằng ngày" the time something is done.
            var cued = VietnameseText.Fold(m.Text).TrimStart() is var t && (t.StartsWith("truoc", StringComparison.Ordinal) || t.StartsWith("cham nhat", StringComparison.Ordinal));
            return day ? cued ? 4 : 3 : 2;
        }
        var key = VietnameseText.Fold(m.Text).TrimStart();
        if (key.StartsWith("den", StringComparison.Ordinal) || key.StartsWith("tu ", StringComparison.Ordinal) || key.StartsWith("toi", StringComparison.Ordinal)
            || key.StartsWith("het", StringComparison.Ordinal) || key.StartsWith("trong thang", StringComparison.Ordinal)
            || key.StartsWith("trong quy", StringComparison.Ordinal) || key.StartsWith("trong nam", StringComparison.Ordinal))
            return 2;
        return 3;
    }

    /// <summary>
    /// Not a deadline, whatever its cue: a time already past on the text's own day, the cut-off of data ("tính đến
    /// ngày", "số liệu … đến ngày"), and a gloss of another date ("(tức ngày mùng 5 Tết)").
    /// </summary>
    private bool Excluded(string text, string folded, TimeMention m)
    {
        if (textDay is { } day && m.Kind != TimeKind.Recurrence && m.DueBefore is { } due && due <= VietnamTime.StartOfDay(day)) return true;
        var before = folded.AsSpan(Math.Max(0, m.Index - 40), m.Index - Math.Max(0, m.Index - 40));
        // "tính đến ngày" (counted up to), not "tỉnh" (province), which folds alike.
        var written = text.AsSpan(0, m.Index);
        if (written.Length >= 5 && VietnameseText.IsLowered(written[^5..], "tính ") || written.Length >= 4 && VietnameseText.IsLowered(written[^4..], "tính")) return true;
        if (before.EndsWith("(tuc ", StringComparison.Ordinal) || before.EndsWith("tuc ", StringComparison.Ordinal)) return true;
        if (before.Contains("so lieu", StringComparison.Ordinal) && VietnameseText.Fold(m.Text).TrimStart().StartsWith("den", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>"trong 05 ngày làm việc kể từ ngày ban hành (ký)" → "trong 05 ngày làm việc"; null for other counts.</summary>
    private static string? FromIssue(string phrase)
    {
        var key = VietnameseText.Fold(phrase);
        if (!key.Contains("ban hanh", StringComparison.Ordinal) && !key.TrimEnd().EndsWith("ngay ky", StringComparison.Ordinal)) return null;
        var from = key.IndexOf(" ke tu ", StringComparison.Ordinal);
        if (from < 0) from = key.IndexOf(" tinh tu ", StringComparison.Ordinal);
        return from > 0 ? phrase[..from] : null;
    }

    /// <summary>
    /// "Thời gian hoàn thành: Quý II/2024" on a line of its own: like a table's deadline column, the
    /// field says "by then" even where the phrase alone would not.
    /// </summary>
    private TimeMention? FieldDeadline(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!Outline.IsField(line)) continue;
            var first = Word.Split(VietnameseText.Fold(line), 2).Select(w => w.Text).ToList();
            if (DirectiveWords.IndexOf(first, "thoi") != 0 && DirectiveWords.IndexOf(first, "tien do") != 0) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var times = find(line[(colon + 1)..], referenceLocal, receivedOn);
            if (times.Count > 0) return times[0] with { DueBefore = times[0].DueBefore ?? times[0].End };
        }
        return null;
    }
}

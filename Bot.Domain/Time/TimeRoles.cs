namespace Bot.Domain.Time;

/// <summary>
/// What a time without a deadline cue does in its sentence, read from the tokens around it:
/// the document's own date in its header, the date of another document, a past period, or nothing.
/// </summary>
internal sealed class TimeRoles(string text, IReadOnlyList<TimeToken> tokens, DateTime referenceLocal)
{
    public TimeRole Of(Found found, TimeValue value)
    {
        if (value.Grain == TimeGrain.Day && !value.Interval && IsHeaderDate(found.From)) return TimeRole.IssueDate;
        // Documents are dated by the day: "Báo cáo quý 3" names a report's period, not another document.
        if (FollowsDocumentCode(found.From) || (value.Grain == TimeGrain.Day && FollowsDocumentKind(found.From))) return TimeRole.Reference;
        if (value.Absolute && value.End <= referenceLocal) return TimeRole.Period;
        return TimeRole.None;
    }

    /// <summary>
    /// "&lt;Place&gt;, ngày 25 tháng 9 năm 2023": a comma after one to five capitalised words that open
    /// a line or follow the document's number ("Số: 1259/UBND-VP Tứ Kỳ, ngày …").
    /// </summary>
    private bool IsHeaderDate(int from)
    {
        var comma = from - 1;
        if (comma < 0 || !IsSymbol(comma, ',')) return false;
        for (var w = comma - 1; w >= 0 && comma - w <= 5; w--)
        {
            var t = tokens[w];
            if (!(t.IsWord && t.Capital)) return false;
            if (t.LineStart || w == 0) return true;
            if (w >= 2 && IsAllCaps(w - 1) && (IsSymbol(w - 2, '-') || IsSymbol(w - 2, '/'))) return true;
        }
        return false;
    }

    /// <summary>
    /// A document number right before: "số 3494/UBND-VP ngày …", "33/KH-UBND ngày …",
    /// "107/2021/NĐ-CP ngày …" — a number, a slash, capitals, with no words of a sentence between.
    /// </summary>
    private bool FollowsDocumentCode(int from)
    {
        bool slash = false, number = false;
        var k = from - 1;
        if (k < 0 || !(tokens[k].IsWord && tokens[k].Capital) && !tokens[k].IsNumber) return false;
        for (var steps = 0; k >= 0 && steps < 10 && IsCodePart(k); k--, steps++)
        {
            if (IsSymbol(k, '/')) slash = true;
            if (tokens[k].IsNumber && slash) number = true;
        }
        return slash && number;
    }

    /// <summary>
    /// "Công văn ngày 19/9/2023", "Kế hoạch ngày …": a kind of document right before the date. Its
    /// last word must be exact ("hướng đến năm 2025" is not "hướng dẫn"); earlier words may be OCR-damaged.
    /// </summary>
    private bool FollowsDocumentKind(int from)
    {
        foreach (var kind in TimeWords.DocumentKinds)
        {
            var start = from - kind.Length;
            if (start < 0) continue;
            var all = true;
            for (var w = 0; w < kind.Length && all; w++)
            {
                var t = tokens[start + w];
                all = t.IsWord && (t.Text == kind[w] || (w < kind.Length - 1 && TimeWords.DocumentWordOf(t.Text) == kind[w]));
            }
            if (all) return true;
        }
        return false;
    }

    private bool IsCodePart(int k)
    {
        var t = tokens[k];
        return t.IsNumber || (t.IsWord && t.Capital) || (t.Kind == TokenKind.Symbol && t.Text[0] is '/' or '-' or '&' or '.');
    }

    private bool IsAllCaps(int k)
    {
        var t = tokens[k];
        if (!t.IsWord) return false;
        foreach (var c in text.AsSpan(t.Start, t.Length))
            if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private bool IsSymbol(int k, char c) => tokens[k].Kind == TokenKind.Symbol && tokens[k].Text[0] == c;
}

namespace Bot.Domain.Directives;

/// <summary>What a mention of units does in its sentence.</summary>
public enum UnitRole
{
    /// <summary>The unit is talked about: "đôn đốc UBND các xã", "gửi về UBND huyện (qua Phòng Nội vụ)".</summary>
    Object,

    /// <summary>The unit carries the duty: the sentence's subject, "Giao X", "X chủ trì".</summary>
    Lead,

    /// <summary>The unit helps: "phối hợp với X".</summary>
    Support,
}

/// <summary>A run of words naming one catalogue entry ("Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện").</summary>
public sealed record UnitMention(int Start, int End, UnitCatalog.Entry Entry);

/// <summary>Mentions joined by commas, "và", "cùng": they share one role.</summary>
public sealed record UnitList(IReadOnlyList<UnitMention> Mentions, UnitRole Role)
{
    public IEnumerable<string> Units => Mentions.SelectMany(m => m.Entry.Units);
}

/// <summary>
/// Finds the units a paragraph names and what each does: the subject of a sentence or clause,
/// the units after "Giao", after a sentence-initial "Yêu cầu"/"Đề nghị" or after the issuer's
/// "yêu cầu", and units followed by "chủ trì" carry the duty; units after "phối hợp (với|cùng)"
/// help; every other mention (after a verb, "của", "qua", "về", "tại") is an object.
/// </summary>
public static class UnitMentions
{
    private sealed record Form(UnitCatalog.Entry Entry, string[] Words, bool[] Optional);

    private static readonly Form[] Forms = UnitCatalog.Entries
        .SelectMany(e => e.Forms.Select(f => ParseForm(e, f)))
        .ToArray();

    private static readonly Dictionary<string, Form[]> ByFirstWord =
        Forms.GroupBy(f => f.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly UnitCatalog.Entry Speaker = new([], []);

    private static readonly string[][] Titles = UnitCatalog.Titles.Select(t => t.Split(' ')).ToArray();

    private static readonly HashSet<string> TitleStarts = Titles.Select(t => t[0]).ToHashSet(StringComparer.Ordinal);

    private static readonly string[][] Duties = [["trach", "nhiem", "cua"], ["nhiem", "vu", "cua"]];

    private static readonly string[][] Asks = [["yeu", "cau"], ["de", "nghi"], ["kinh", "de", "nghi"], ["doi", "voi"]];

    /// <summary>Clause openers after which, past a comma, the subject comes: "Trên cơ sở ..., X thực hiện".</summary>
    private static readonly string[][] Openers =
    [
        ["tren", "co", "so"], ["de"], ["can", "cu"], ["theo"], ["thuc", "hien"], ["sau", "khi"], ["truong", "hop"],
        ["ngoai", "ra"], ["dong", "thoi"], ["trong", "do"], ["khi"], ["nham"],
    ];

    /// <summary>Every catalogued mention, longest first at each place, left to right.</summary>
    public static List<UnitMention> Find(WordText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<UnitMention>();
        var i = 0;
        while (i < text.Count)
        {
            var best = MatchAt(text, i);
            for (var t = 0; t < Titles.Length && TitleStarts.Contains(text.Normal[i]); t++)
            {
                var title = Titles[t];
                if (!text.Reads(i, title)) continue;
                var after = MatchAt(text, i + title.Length);
                if (after is not null && (best is null || after.End > best.End)) best = after with { Start = i };
            }
            if (best is null) { i++; continue; }
            // "Trưởng các phòng, ban thuộc UBND huyện": the committee named after "thuộc" is part of the name.
            if (!best.Entry.IsIssuer && best.End + 1 < text.Count && text.Normal[best.End] == "thuoc"
                && MatchAt(text, best.End + 1) is { Entry.IsIssuer: true } owner)
                best = best with { End = owner.End };
            found.Add(best);
            i = best.End;
        }
        return found;
    }

    /// <summary>The mentions grouped into lists, each with its role.</summary>
    /// <param name="text">The paragraph.</param>
    /// <param name="issuerUnit">The unit that issued the directive ("Sở Nội vụ"): in its own directive it speaks, it is not tasked.</param>
    public static List<UnitList> Lists(WordText text, string? issuerUnit = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = Find(text);
        if (issuerUnit is not null)
        {
            for (var m = 0; m < mentions.Count; m++)
                if (mentions[m].Entry.Units is [var only] && only == issuerUnit) mentions[m] = mentions[m] with { Entry = Speaker };
        }
        var lists = new List<UnitList>();
        var k = 0;
        while (k < mentions.Count)
        {
            var group = new List<UnitMention> { mentions[k] };
            while (k + 1 < mentions.Count && Joined(text, group[^1], mentions[k + 1])) group.Add(mentions[++k]);
            k++;
            lists.Add(new UnitList(group, RoleOf(text, mentions, group[0].Start, group[^1].End)));
        }
        return lists;
    }

    private static bool Joined(WordText text, UnitMention left, UnitMention right)
    {
        for (var w = left.End; w < right.Start; w++)
            if (text.Normal[w] is not ("va" or "cung" or "cac")) return false;
        // A sentence break between them ends the list, except the ";" of a list of addressees.
        for (var w = left.End; w <= right.Start && w < text.Count; w++)
        {
            if (!text.BreakBefore[w]) continue;
            if (text.GapBefore(w).IndexOfAny(WordText.SentenceBreaks) >= 0) return false;
        }
        return true;
    }

    private static UnitRole RoleOf(WordText text, List<UnitMention> mentions, int start, int end)
    {
        // "Cơ quan, đơn vị nào chậm trễ ... thì ...": whichever unit, not an assignment; "UBND các xã đã thực
        // hiện ...", "... chưa quan tâm": what units did or failed to do is told, not asked.
        if (end < text.Count && !text.BreakBefore[end] && text.Normal[end] is "nao" or "da" or "chua") return UnitRole.Object;
        if (text.ReadsBeforeLoosely(start, "giao") || text.ReadsBeforeLoosely(start, "giao", "cho")
            || text.ReadsBeforeLoosely(start, "giao", "nhiem", "vu", "cho")) return UnitRole.Lead;
        if (text.ReadsBeforeLoosely(start, "phoi", "hop", "voi") || text.ReadsBeforeLoosely(start, "phoi", "hop", "cung")
            || text.ReadsBeforeLoosely(start, "phoi", "hop") || text.ReadsBeforeLoosely(start, "su", "phoi", "hop", "cua")
            || text.ReadsBeforeLoosely(start, "phoi", "hop", "chat", "che", "voi")) return UnitRole.Support;
        // "phối hợp cùng" with the preposition garbled by OCR ("phdi hop cting").
        if (start >= 3 && text.ReadsBefore(start - 1, "phoi", "hop") && !text.BreakBefore[start - 1] && !text.BreakBefore[start]
            && text.Words[start - 1].Length <= 5) return UnitRole.Support;
        if (text.BreakBefore[start]) return UnitRole.Lead;
        // "Trách nhiệm của Phòng Nội vụ:", "Nhiệm vụ của UBND các xã:" head the duties of the unit.
        foreach (var duty in Duties)
            if (text.ReadsBefore(start, duty) && text.BreakBefore[start - duty.Length]) return UnitRole.Lead;
        foreach (var ask in Asks)
        {
            if (!text.ReadsBeforeLoosely(start, ask)) continue;
            var at = start - ask.Length;
            if (text.BreakBefore[at] || mentions.Exists(m => m.End == at && m.Entry.IsIssuer)) return UnitRole.Lead;
        }
        if (end < text.Count && !text.BreakBefore[end]
            && (text.Reads(end, "chu", "tri") || text.Reads(end, "co", "trach", "nhiem"))) return UnitRole.Lead;
        if (AfterOpeningClause(text, start)) return UnitRole.Lead;
        if (AfterNamedAddressees(text, mentions, start)) return UnitRole.Lead;
        return UnitRole.Object;
    }

    /// <summary>
    /// "... đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, Thủ trưởng các sở, ban, ngành ...": the list of
    /// addressees after the ask may begin with bodies we do not catalogue, each a capitalised name.
    /// </summary>
    private static bool AfterNamedAddressees(WordText text, List<UnitMention> mentions, int start)
    {
        if (text.GapBefore(start).IndexOf(',') < 0) return false;
        for (var k = start - 1; k > 0 && start - k <= 16; k--)
        {
            if (text.BreakBefore[k]) return false;
            var gap = text.GapBefore(k);
            var isAsk = text.ReadsBefore(k, "de", "nghi") || text.ReadsBefore(k, "yeu", "cau") || text.ReadsBefore(k, "giao");
            // each name of the list starts with a capital after the ask or a comma
            if ((isAsk || gap.IndexOf(',') >= 0) && !char.IsUpper(text.Text[text.Words[k].Start])) return false;
            if (!isAsk) continue;
            var ask = text.Reads(k - 1, "giao") ? k - 1 : k - 2;
            return ask >= 0 && (text.BreakBefore[ask] || mentions.Exists(m => m.End == ask && m.Entry.IsIssuer) || text.Reads(ask, "giao"));
        }
        return false;
    }

    /// <summary>"Trên cơ sở kết quả ..., Thủ trưởng các cơ quan ... thực hiện": the subject after an opening clause.</summary>
    private static bool AfterOpeningClause(WordText text, int start)
    {
        if (start == 0) return false;
        if (text.GapBefore(start).IndexOf(',') < 0) return false;
        var sentence = start - 1;
        while (sentence > 0 && !text.BreakBefore[sentence]) sentence--;
        // "Để ..." (in order to) opens a clause; "Đề nghị ..." (folded alike) is an ask, read elsewhere.
        if (text.Reads(sentence, "de", "nghi")) return false;
        return Openers.Any(opener => text.Reads(sentence, opener));
    }

    private static UnitMention? MatchAt(WordText text, int at)
    {
        if (at >= text.Count) return null;
        if (!ByFirstWord.TryGetValue(text.Normal[at], out var forms)) return null;
        UnitMention? best = null;
        foreach (var form in forms)
        {
            var end = Match(text, at, form);
            if (end > 0 && (best is null || end > best.End)) best = new UnitMention(at, end, form.Entry);
        }
        return best;
    }

    /// <summary>Where the form ends when it matches from <paramref name="at"/>, or -1.</summary>
    private static int Match(WordText text, int at, Form form)
    {
        var i = at;
        for (var k = 0; k < form.Words.Length; k++)
        {
            if (i < text.Count && text.Normal[i] == form.Words[k] && (i == at || !SentenceBreak(text, i))) { i++; continue; }
            if (!form.Optional[k]) return -1;
        }
        return i;
    }

    private static bool SentenceBreak(WordText text, int i)
    {
        if (!text.BreakBefore[i]) return false;
        return text.GapBefore(i).IndexOfAny(WordText.SentenceBreaks) >= 0;
    }

    private static Form ParseForm(UnitCatalog.Entry entry, string form)
    {
        var words = new List<string>();
        var optional = new List<bool>();
        foreach (var token in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var isOptional = token.StartsWith('[');
            var word = token.Trim('[', ']');
            if (!word.All(char.IsLetterOrDigit)) continue; // "[,]" documents punctuation, which is never matched
            words.Add(word);
            optional.Add(isOptional);
        }
        return new Form(entry, words.ToArray(), optional.ToArray());
    }
}

using System.Text.RegularExpressions;
using Bot.Domain.Organization;
using Bot.Domain.Text;
using Bot.Domain.Time;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// What a person typed, shared or sent, as an <see cref="Intent"/>. A message is read by the roles
/// of its parts, not by the first number in it: time phrases through the recognizer ("hôm nay",
/// "tháng 11", "23/10" are times, never task numbers), a directive's number ("công văn 1259"),
/// percentages ("50%"), a unit's name through the directory ("xã Nguyên Giáp", "p. nội vụ"), whose
/// work it is about ("của tôi", "các xã", "đơn vị nào"); what is left are the words of the request
/// and its task numbers ("xong việc 5, 6 và 7"), read by <see cref="IntentReader"/>. Telex and VNI
/// typing is read like accents. Taps are read by <see cref="Buttons"/> into the same intents.
/// </summary>
public sealed partial class TurnReader(TimeRecognizer time, NamedUnits units)
{
    // Words that say the asker's own unit, or every unit (of a kind).
    private static readonly string[][] OwnWords =
        [.. new[] { "cua toi", "cua em", "cua minh", "xa minh", "phong minh", "don vi minh", "don vi toi", "co quan minh", "xa toi", "phong toi",
            "cua phong", "cua xa", "cua don vi", "don vi em", "xa em", "phong em" }.Select(p => p.Split(' '))];

    private static readonly (string[] Words, UnitKind[] Of)[] AllWords =
    [
        (["cac", "xa"], [UnitKind.Commune, UnitKind.Town]), (["xa", "nao"], [UnitKind.Commune, UnitKind.Town]),
        (["nhung", "xa"], [UnitKind.Commune, UnitKind.Town]), (["cac", "phong"], [UnitKind.Department]),
        (["phong", "nao"], [UnitKind.Department]), (["cac", "co", "quan"], [UnitKind.Department]),
        (["cac", "don", "vi"], []), (["don", "vi", "nao"], []), (["toan", "huyen"], []), (["ca", "huyen"], []), (["tat", "ca"], []),
        (["noi", "nao"], []), (["nhung", "don", "vi"], []),
    ];

    // After a directive named by what it is about, these begin the question about it: "công văn về số hóa hồ sơ giao gì".
    private static readonly string[][] AboutEnds =
        [.. new[] { "giao gi", "giao viec", "giao nhung", "tien do", "the nao", "ra sao", "con gi", "con viec", "con nhung", "chua xong", "xong chua",
            "da xong", "den dau", "yeu cau gi", "co gi", "co nhung", "can lam", "phai lam", "lam gi", "bao gio", "khi nao", "den han", "don vi nao",
            "xa nao", "phong nao" }.Select(p => p.Split(' '))];

    // Before a unit's name, these end a directive's subject and say whose work is asked: "… cho phòng nội vụ".
    private static readonly HashSet<string> ForWords = new(StringComparer.Ordinal) { "cho", "cua", "o", "tai" };

    // With a directive's number, these ask for its file: "gửi công văn 1259", "xin văn bản 1259", "file cv 1259".
    private static readonly string[][] SendWords = [["gui"], ["xin"], ["tai", "ve"], ["goc"], ["file"], ["tep"]];

    public Intent Read(Inbound inbound, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.Contact is { } contact) return new ContactIntent(contact);
        // A file's caption is read too: "việc 2 đã làm được 60%" with a photo is progress with its evidence.
        if (inbound.Document is { } document)
            return new DocumentIntent(document, string.IsNullOrWhiteSpace(inbound.Text) ? null : Read(inbound.Text, now));
        if (string.IsNullOrWhiteSpace(inbound.Text) || inbound.Text.Length > 1000 || inbound.Text.TrimStart().StartsWith('/'))
            return IntentReader.Read(inbound.Text);
        return Read(inbound.Text, now);
    }

    /// <summary>A typed message, read at <paramref name="now"/>.</summary>
    public Intent Read(string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = VietnameseText.Normalize(message).Trim();
        var folded = VietnameseText.Fold(text);
        var typed = Typing.Fold(folded);
        if (typed != folded) (text, folded) = (typed, typed); // Telex or VNI words: read the folded syllables they spell
        var taken = new bool[folded.Length];

        var numbered = IntentReader.DirectiveNumber().Match(folded) is { Success: true } d ? d : null;
        if (numbered is not null) Take(taken, numbered.Index, numbered.Length);
        var about = numbered is null ? AboutOf(folded) : null;
        if (about is { } said) Take(taken, said.From, said.To - said.From);
        var directive = numbered is not null ? new DirectiveRef(numbered.Groups["number"].Value.ToUpperInvariant())
            : about is { } a ? new DirectiveRef(null, text[a.AboutFrom..a.To]) : null;
        var percent = Percent().Match(folded) is { Success: true } p ? p : null;
        if (percent is not null) Take(taken, percent.Index, percent.Length);
        var times = time.Recognize(text, VietnamTime.ToLocal(now))
            .Where(m => m.Kind is not (TimeKind.Recurrence or TimeKind.Duration) && !Overlaps(taken, m.Index, m.Length) && m.Text.Any(char.IsLetter) | m.Text.Contains('/', StringComparison.Ordinal))
            .ToList();
        foreach (var m in times) Take(taken, m.Index, m.Length);

        var masked = new string([.. folded.Select((c, i) => taken[i] ? ' ' : c)]);
        var words = Word.Split(masked).Select(w => w.Text).ToList();
        var scope = ScopeOf(words);
        var numbers = words.Select(IntentReader.Number).OfType<int>().ToList();
        var intent = IntentReader.Read(words, numbers);

        if (intent is ExtensionIntent extension)
            return extension with { Until = times.Select(Deadline).FirstOrDefault(d => d is not null), Reason = ReasonOf(text, folded) };
        // "báo cáo tháng 11", "tiến độ quý IV", "báo cáo công văn 1259": a report of that period or directive.
        var reportWords = words.Count >= 2 && words[0] == "bao" && words[1] == "cao";
        if (intent is ReportIntent || reportWords || (intent is ProgressIntent && times.Any(m => m.Start is not null)))
        {
            var period = times.FirstOrDefault(m => m.Start is not null);
            var end = period is null ? (DateTimeOffset?)null : period.End ?? period.DueBefore ?? period.Start!.Value.AddDays(1);
            return new ReportIntent(period?.Start, end, null, directive);
        }
        if (percent is not null)
            return new PartProgressIntent(numbers.Count > 0 ? numbers[0] : null, int.Parse(percent.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                NoteAfter(text, percent.Index + percent.Length));
        if (intent is OriginalIntent || (directive is not null && SendWords.Any(w => Has(words, w)) && intent is UnknownIntent or MyTasksIntent or TaskDetailIntent))
            return OriginalOf(directive, folded, words, numbers);
        if (directive is not null && intent is not (DoneIntent or SnoozeIntent or RemindersIntent))
            return intent is ProgressIntent ? new ProgressIntent(scope, directive) : new DirectiveIntent(directive, scope);
        var when = times.Select(m => Window(m, now)).FirstOrDefault(w => w is not null);
        return intent switch
        {
            // A time in a question about tasks means work due then. Alone the time must be most of the
            // message, so "thời tiết hôm nay thế nào" is not read as a question about work.
            MyTasksIntent or DueSoonIntent when when is not null => new DueByIntent(when, scope),
            UnknownIntent when when is not null && MostOf(times[0], text) => new DueByIntent(when, scope),
            SnoozeIntent s => s with { Day = times.Select(m => m.Start).FirstOrDefault(x => x is not null) },
            MyTasksIntent => new MyTasksIntent(scope),
            DueSoonIntent => new DueSoonIntent(scope),
            OverdueIntent => new OverdueIntent(scope),
            ProgressIntent => new ProgressIntent(scope),
            UnknownIntent when scope.Kind == ScopeKind.Named && words.Count <= scope.Units.Count + 4 => new MyTasksIntent(scope),
            _ => intent,
        };

        Scope ScopeOf(List<string> ws)
        {
            if (units.Find(ws) is { } named)
            {
                ws.RemoveRange(named.FirstWord, named.WordCount);
                // "việc của tôi ở phòng nội vụ": a unit named and the asker's own said; Reach asks which.
                return Scope.Named(named.Units) with { AlsoOwn = OwnWords.Any(o => Has(ws, o)) };
            }
            foreach (var (all, of) in AllWords)
                if (Has(ws, all)) return Scope.All(of);
            return OwnWords.Any(o => Has(ws, o)) ? Scope.Own : Scope.Unsaid;
        }
    }

    /// <summary>
    /// A directive named by what it is about: "công văn về cải cách thủ tục hành chính", "văn bản v/v số hóa hồ sơ". Its kind
    /// word and "về" lead it; its subject runs to the end, or to the question about it ("… giao gì", "… tiến độ thế nào"),
    /// to whose work is asked ("… của các xã", "… xã mình") or to a unit's name after "cho", "của" ("… cho phòng nội vụ"),
    /// which are read as in any message. Null when none is said.
    /// </summary>
    private (int From, int AboutFrom, int To)? AboutOf(string folded)
    {
        var lead = AboutLead().Match(folded);
        if (!lead.Success) return null;
        var from = lead.Index + lead.Length;
        var words = Word.Split(folded[from..]);
        var end = words.Count;
        bool Whose(int at) => OwnWords.Any(o => StartsAt(words, at, o)) || AllWords.Any(a => StartsAt(words, at, a.Words));
        for (var i = 0; i < words.Count && end == words.Count; i++)
        {
            if (AboutEnds.Any(e => StartsAt(words, i, e)) || Whose(i)) end = i;
            else if (ForWords.Contains(words[i].Text) && (Whose(i + 1) || units.Find([.. words.Skip(i + 1).Select(w => w.Text)]) is { FirstWord: 0 })) end = i;
        }
        return end == 0 ? null : (lead.Index, from, from + words[end - 1].End);
    }

    private static bool StartsAt(List<Word> words, int at, string[] phrase) =>
        at + phrase.Length <= words.Count && phrase.Select((w, k) => words[at + k].Text == w).All(x => x);

    /// <summary>
    /// Which original is asked for: a directive by its number ("công văn 1259", or the number as written: "1259/UBND-VP",
    /// "bản gốc 1259"), or a task of the last list ("bản gốc việc 3"), or, with neither, the task just shown.
    /// </summary>
    private static OriginalIntent OriginalOf(DirectiveRef? directive, string folded, List<string> words, List<int> numbers)
    {
        if (directive is not null) return new OriginalIntent(directive);
        if (FullNumber().Match(folded) is { Success: true } full) return new OriginalIntent(new DirectiveRef(full.Groups["number"].Value.ToUpperInvariant()));
        if (numbers.Count == 0) return new OriginalIntent();
        var ofTask = words.Contains("viec") || words.Contains("muc") || Has(words, ["nhiem", "vu"]);
        return ofTask ? new OriginalIntent(null, numbers[0]) : new OriginalIntent(new DirectiveRef(numbers[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The deadlines a time phrase asks about: "trước 30/11", "đến cuối tháng" from now until then; a day,
    /// week or month ("hạn 25/10", "tuần sau", "tháng 11") that period, from now when it has begun.
    /// </summary>
    private static DueWindow? Window(TimeMention m, DateTimeOffset now)
    {
        var lead = VietnameseText.Fold(m.Text.TrimStart());
        if (m.DueBefore is { } due && (m.Start is null || lead.StartsWith("truoc", StringComparison.Ordinal) || lead.StartsWith("den", StringComparison.Ordinal)
            || lead.StartsWith("cham nhat", StringComparison.Ordinal) || lead.StartsWith("toi", StringComparison.Ordinal)))
            return due > now ? new DueWindow(null, due, Phrases.BeforeWindow(due)) : null;
        if (m.Start is not { } start) return null;
        var end = m.End ?? m.DueBefore ?? start.AddDays(1);
        if (end <= now) return new DueWindow(start, end, Phrases.PeriodWindow(start, end, now)); // a past period: what was due then
        // "trong 7 ngày tới" starts tomorrow but means from now; "tuần sau" means that week.
        var tomorrow = VietnamTime.StartOfDay(DateOnly.FromDateTime(VietnamTime.ToLocal(now)).AddDays(1));
        var from = start <= now || (m.Kind == TimeKind.Deadline && start <= tomorrow) ? now : start;
        return new DueWindow(from, end, Phrases.PeriodWindow(from == now && start > now ? now : start, end, now));
    }

    /// <summary>The new deadline a phrase asks for: "đến 30/11", "thứ sáu tuần sau" (the end of that day).</summary>
    private static DateTimeOffset? Deadline(TimeMention m) => m.DueBefore ?? m.End ?? m.Start?.AddDays(1);

    /// <summary>The reason given after "vì", "do", "lý do", "bởi": "vì chờ số liệu của các xã" → "chờ số liệu của các xã".</summary>
    internal static string? ReasonOf(string text, string folded)
    {
        var because = Because().Match(folded);
        if (!because.Success) return null;
        var reason = text[(because.Index + because.Length)..].Trim(' ', '.', ',', ':', ';', '-');
        return reason.Count(char.IsLetter) >= 3 ? reason : null;
    }

    /// <summary>What follows a percentage: "60%, còn chờ 3 xã" → "còn chờ 3 xã".</summary>
    private static string? NoteAfter(string text, int from)
    {
        var note = from < text.Length ? text[from..].Trim(' ', '.', ',', ':', ';', '-') : "";
        return note.Count(char.IsLetter) >= 3 ? note : null;
    }

    [GeneratedRegex(@"(?:^|\s)(?:boi vi|ly do la|ly do|vi|do|boi)\s+", RegexOptions.NonBacktracking)]
    private static partial Regex Because();

    private static bool MostOf(TimeMention m, string text) =>
        m.Text.Count(char.IsLetterOrDigit) * 10 >= text.Count(char.IsLetterOrDigit) * 6;

    private static void Take(bool[] taken, int index, int length)
    {
        for (var i = index; i < Math.Min(taken.Length, index + length); i++) taken[i] = true;
    }

    private static bool Overlaps(bool[] taken, int index, int length)
    {
        for (var i = index; i < Math.Min(taken.Length, index + length); i++)
            if (taken[i]) return true;
        return false;
    }

    private static bool Has(List<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
            if (phrase.Select((w, k) => words[i + k] == w).All(x => x)) return true;
        return false;
    }

    // A directive's kind word and "về": what follows says what it is about.
    [GeneratedRegex(@"\b(?:cong van|cv|chi thi|ke hoach|van ban|vb|quyet dinh|thong bao)\s+(?:ve viec|v/v|ve)\s+", RegexOptions.NonBacktracking)]
    private static partial Regex AboutLead();

    // A directive's full number without its kind word: "1259/UBND-VP", "33/KH-UBND".
    [GeneratedRegex(@"\b(?<number>\d{1,5}(?:/[a-z0-9&\-]+)+)", RegexOptions.NonBacktracking)]
    private static partial Regex FullNumber();

    [GeneratedRegex(@"(?<n>\d{1,3})\s*(?:%|phan tram)")]
    private static partial Regex Percent();
}

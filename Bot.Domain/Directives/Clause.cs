using System.Text;
using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// A clause of a directive's prose and what it does: who it names to act (its own lead and support),
/// whether the speaker asks in it, whether it introduces what follows (a lead-in ending ":"), tells
/// what happened rather than asks, or states a duty without naming who (it starts with a verb of
/// duty, a modal, or "… thì" and one).
/// </summary>
public sealed class Clause
{
    internal Clause(string text, WordText words, List<UnitList> lists, bool sentenceStart, bool paragraphStart = false)
    {
        ParagraphStart = paragraphStart;
        Text = text;
        Words = words;
        Lists = lists;
        SentenceStart = sentenceStart;
        // Loops, not LINQ: every clause of a directive is made here.
        var lastLead = -1;
        var refersBack = true;
        foreach (var list in lists)
        {
            var target = list.Role switch { UnitRole.Lead => Lead, UnitRole.Support => Support, _ => null };
            if (target is null) continue;
            foreach (var mention in list.Mentions)
                foreach (var unit in mention.Units)
                    if (!target.Contains(unit)) target.Add(unit);
            if (list.Role != UnitRole.Lead) continue;
            lastLead = list.End;
            refersBack &= list.RefersBack;
            foreach (var mention in list.Mentions) ByShape |= mention.ByShape;
        }
        if (Lead.Count > 0 && Support.Count > 0) Support.RemoveAll(Lead.Contains);
        RefersBack = lastLead >= 0 && refersBack;
        Predicate = lastLead < 0 ? words.Count : words.Count - lastLead;
        SpeakerAsks = Asks(words, lists);
        Told = IsTold(words, lists);
        SpeakerActs = Acts(words, lists);
        Duty = IsDuty(words);
        LeadIn = text.TrimEnd().EndsWith(':') || EndsWithIntroduction(words);
    }

    /// <summary>The clause as written.</summary>
    public string Text { get; }

    internal WordText Words { get; }

    internal List<UnitList> Lists { get; }

    /// <summary>The first clause of its sentence.</summary>
    public bool SentenceStart { get; }

    /// <summary>The first clause of a paragraph (a line of its own: "- Thời gian thực hiện: Quý III/2024").</summary>
    public bool ParagraphStart { get; }

    /// <summary>The units the clause itself names to carry the duty.</summary>
    public List<string> Lead { get; } = [];

    /// <summary>The units it names to help.</summary>
    public List<string> Support { get; } = [];

    /// <summary>Its lead is a group that stands for the addressees named before ("các đơn vị", "các cơ quan, địa phương").</summary>
    public bool RefersBack { get; }

    /// <summary>Some unit of its lead was read by its shape, not found in the vocabulary.</summary>
    public bool ByShape { get; }

    /// <summary>How many words follow its last lead: a list of units with nothing after it names no duty.</summary>
    public int Predicate { get; }

    /// <summary>The speaker asks in it: "Chủ tịch UBND tỉnh yêu cầu …", "Yêu cầu …", "đề nghị …".</summary>
    public bool SpeakerAsks { get; }

    /// <summary>
    /// The speaker itself does the duty ("Chủ tịch UBND huyện tiếp công dân định kỳ …", "Chủ tịch UBND tỉnh quyết định công
    /// nhận … trước 30/01 hàng năm"): the committee, by its tier's name; empty when it asks, tells or issues instead.
    /// </summary>
    public IReadOnlyList<string> SpeakerActs { get; }

    /// <summary>It introduces what follows: "… thực hiện một số nội dung sau:", "… như sau:".</summary>
    public bool LeadIn { get; }

    /// <summary>It tells what was done or issued, not what must be: "UBND huyện đã ban hành …", "Kết quả, …".</summary>
    public bool Told { get; }

    /// <summary>It states a duty: a verb of duty or a modal first ("Tăng cường …", "Cần …"), or "… thì tiếp tục …".</summary>
    public bool Duty { get; }

    /// <summary>It names who leads.</summary>
    public bool HasLead => Lead.Count > 0;

    /// <summary>It only names units, with no duty after them ("Tất cả các sở, ban, ngành;", a heading "2. Trung tâm X").</summary>
    public bool OnlyUnits => HasLead && Predicate <= 1;

    // ---- Words that decide ----------------------------------------------------------------

    /// <summary>Verbs and modals a duty starts with when nobody is named: "Tăng cường …", "Khẩn trương …".</summary>
    private static readonly PhraseSet DutyStarts = Phrases(
        "tiep tuc", "tang cuong", "day manh", "to chuc", "thuc hien", "trien khai", "xay dung", "ra soat", "kiem tra", "chi dao",
        "phan cong", "bo tri", "chuan bi", "bao cao", "tong hop", "lap", "gui", "nop", "tham muu", "phoi hop", "theo doi", "don doc",
        "huong dan", "tuyen truyen", "van dong", "quan triet", "khan truong", "chu dong", "ket hop", "huy dong", "dam bao", "bao dam",
        "nang cao", "phat dong", "duy tri", "thuong xuyen", "kip thoi", "nghiem tuc", "tap trung", "cung cap", "dang tai", "thong bao",
        "cap nhat", "de xuat", "giai quyet", "xu ly", "giam sat", "danh gia", "hoan thanh", "hoan thien", "ung dung", "bo sung",
        "dieu chuyen", "kien quyet", "nghiem cam", "khong de", "tiep nhan", "ho tro", "chuan hoa", "truc", "treo",
        "thu gom", "tiem phong", "phun", "tuan tra", "ngan chan", "tham gia", "cu can bo", "dang ky", "sap xep", "rut kinh nghiem",
        "khac phuc", "ra quan", "chot so lieu", "lua chon", "tuyen chon", "thanh lap", "kien toan", "niem yet", "cong khai", "tich cuc",
        "quan tam", "uu tien", "phan dau", "nghien cuu", "day nhanh", "tich hop", "so hoa", "chi tra", "cap phat", "thao go", "xac minh",
        "bao ve", "phong chong", "don dep", "lien he", "trinh", "tham dinh", "phe duyet", "phat hien", "tiep dan", "tiep cong dan",
        "dieu tra", "thong ke", "kiem ke", "boi duong", "tap huan", "dao tao", "mua sam", "quyet toan", "giai ngan", "thu hoi");

    /// <summary>Verbs by which the speaker asks: after them the units named carry the duty.</summary>
    private static readonly PhraseSet AskVerbs = Phrases(
        "yeu cau", "de nghi", "giao", "chi dao", "nhan manh", "luu y", "phan cong", "ket luan", "kinh de nghi", "quyet dinh giao");

    /// <summary>What tells the issuing of a document or a meeting, or the past: a summary lead, not a duty.</summary>
    private static readonly PhraseSet Issued = Phrases(
        "ban hanh", "vua ban hanh", "da ban hanh", "ky ban hanh", "co cong van", "co van ban", "da co cong van", "da co van ban",
        "vua co cong van", "da to chuc", "vua to chuc", "to chuc hoi nghi", "chu tri hoi nghi", "chu tri cuoc hop", "da ky",
        "tham du", "phat bieu", "ket qua");

    private static readonly PhraseSet Conditions = Phrases("truong hop", "trong truong hop", "khi", "neu", "sau khi", "truoc khi", "ngay khi");

    private static readonly PhraseSet Introductions = Phrases("nhu sau", "sau day", "cu the nhu sau", "mot so noi dung sau", "cac noi dung sau");

    private static readonly PhraseSet Past = Phrases("da", "vua", "chua", "da duoc", "duoc");

    private static PhraseSet Phrases(params string[] phrases) => new(phrases);

    /// <summary>Words of the sentence around a name, where a name read by its shape ends: verbs of duty, role words, prepositions.</summary>
    private static readonly HashSet<string> StopWords = new(
        DutyStarts.Select(p => p[0]).Concat(AskVerbs.Select(p => p[0])).Concat(Past.Select(p => p[0]))
            .Concat(["chu", "phoi", "co", "chiu", "la", "ve", "tai", "trong", "tren", "cua", "cho", "voi", "de", "theo", "tu", "den", "qua",
                     "va", "hoac", "cac", "nhung", "moi", "se", "nham", "bang", "ngay", "thang", "nam", "truoc", "sau", "khi", "neu", "thi",
                     "duoc", "bi", "noi", "sot", "nay", "do", "tren", "dia", "ban"]),
        StringComparer.Ordinal);

    /// <summary>A word at which a name read by its shape stops.</summary>
    internal static bool Stops(WordText words, int k) => StopWords.Contains(words.Normal[k]);

    /// <summary>The words this reading looks for, which OCR-tolerant reading must keep as they are ("khai" is not "khi").</summary>
    internal static IEnumerable<string> Vocabulary =>
        DutyStarts.Concat(AskVerbs).Concat(Issued).Concat(Introductions).Concat(Documents).Concat(Past).SelectMany(p => p);

    private static bool StartsWith(WordText words, int at, PhraseSet phrases) => phrases.StartsAt(words, at);

    /// <summary>The speaker (or a lone ask at the start) asks in the clause.</summary>
    private static bool Asks(WordText words, List<UnitList> lists)
    {
        if (words.Count == 0) return false;
        if (StartsWith(words, 0, AskVerbs) && !words.Reads(0, "giao", "thong")) return true;
        foreach (var speaker in lists)
        {
            if (speaker.Role != UnitRole.Speaker || !Subject(words, speaker)) continue;
            var k = speaker.End;
            var names = 0;
            while (k < words.Count && names < 5 && char.IsUpper(words.Text[words.Words[k].Start]) && !words.BreakBefore[k]) { k++; names++; }
            if (k + 1 < words.Count && StartsWith(words, k, AskVerbs) && words.GapBefore(k + 1).IndexOf('(') < 0) return true;
        }
        // "Trường hợp …, yêu cầu …", "Theo đó, giao …": an ask after an opening clause.
        for (var k = 1; k < words.Count; k++)
            if (words.GapBefore(k).IndexOf(',') >= 0 && (words.Reads(k, "yeu", "cau") || words.Reads(k, "giao") || words.Reads(k, "de", "nghi"))
                && !words.Reads(k, "giao", "thong"))
                return true;
        return false;
    }

    /// <summary>What a speaker says rather than does: after these it asks, tells or issues.</summary>
    private static readonly PhraseSet Speech = Phrases(
        "thong bao", "co y kien", "ket luan", "quyet dinh giao", "ban hanh", "ky", "chu tri hoi nghi", "chu tri cuoc hop", "phat bieu",
        "se", "da", "vua", "chua", "dong y", "nhat tri", "de nghi", "yeu cau", "giao", "chi dao", "nhan manh", "luu y", "can", "kinh",
        "tham du", "tiep tuc chi dao", "to chuc hoi nghi", "du", "la", "va", "cung");

    private static List<string> Acts(WordText words, List<UnitList> lists)
    {
        if (lists.Exists(l => l.Role == UnitRole.Lead)) return [];
        foreach (var speaker in lists)
        {
            if (speaker.Role != UnitRole.Speaker || speaker.Start > 3 || !Subject(words, speaker)) continue;
            var k = speaker.End;
            var names = 0;
            while (k < words.Count && names < 5 && char.IsUpper(words.Text[words.Words[k].Start]) && !words.BreakBefore[k]) { k++; names++; }
            if (k >= words.Count || words.BreakBefore[k] || StartsWith(words, k, Speech) || StartsWith(words, k, Issued) || StartsWith(words, k, AskVerbs)) continue;
            var m = speaker.Mentions[0];
            if (m.Entry.Kind != UnitCatalog.EntryKind.Committee) continue;
            return [UnitNames.CommitteeName(words, m)];
        }
        return [];
    }

    /// <summary>
    /// The speaker stands as the clause's subject: at its start, after a comma or a connective ("Theo đó UBND tỉnh
    /// giao …"), or after a person's name and title ("Đồng chí Ngọc Kim Nam - Chủ tịch UBND huyện"); not inside a
    /// phrase ("chỉ tiêu UBND tỉnh giao", "văn bản của UBND tỉnh").
    /// </summary>
    internal static bool Subject(WordText words, UnitList speaker)
    {
        var k = speaker.Start;
        while (k > 0 && !words.BreakBefore[k] && words.GapBefore(k).IndexOf(',') < 0
               && (char.IsUpper(words.Text[words.Words[k - 1].Start]) || words.Reads(k - 2, "dong", "chi") || words.Normal[k - 1] == "dong"))
            k--;
        if (k == 0 || words.BreakBefore[k] || words.GapBefore(k).IndexOf(',') >= 0) return true;
        // "Ngày 08/10/2020 Chủ tịch UBND huyện …", "Chiều ngày 24/10 UBND huyện …": a date opens the sentence.
        var d = k;
        while (d > 0 && !words.BreakBefore[d] && (words.Normal[d - 1].All(char.IsAsciiDigit) || words.Normal[d - 1] is "ngay" or "thang" or "nam" or "sang" or "chieu" or "toi" or "trua"))
            d--;
        if (d < k && (d == 0 || words.BreakBefore[d])) return true;
        return words.Reads(k - 2, "theo", "do") || words.Reads(k - 2, "do", "do") || words.Reads(k - 2, "vi", "vay")
               || words.Reads(k - 2, "dong", "thoi") || words.Reads(k - 2, "hoi", "nghi") || words.Reads(k - 2, "cuoc", "hop")
               || words.Reads(k - 2, "phien", "hop") || words.Reads(k - 2, "ket", "luan") || words.Reads(k - 1, "thi");
    }

    /// <summary>
    /// It tells rather than asks: the speaker issued something, held a meeting, or did something ("đã", "vừa"), and
    /// nobody is asked in it; or no unit is named and it reports a past period.
    /// </summary>
    private static bool IsTold(WordText words, List<UnitList> lists)
    {
        foreach (var speaker in lists)
        {
            if (speaker.Role != UnitRole.Speaker || !Subject(words, speaker)) continue;
            var k = speaker.End;
            var names = 0;
            while (k < words.Count && names < 6 && (char.IsUpper(words.Text[words.Words[k].Start]) || words.Normal[k] == "dong" && words.Reads(k, "dong", "chi")) && !words.BreakBefore[k])
            {
                k++;
                names++;
            }
            if (k >= words.Count) continue;
            if (StartsWith(words, k, Issued) || StartsWith(words, k, Past) && !StartsWith(words, k + 1, AskVerbs)) return true;
        }
        // "Thời gian qua, UBND huyện, UBND các xã, thị trấn đã quan tâm …": units that did something, in subject position.
        foreach (var list in lists)
            if (list.End < words.Count && !words.BreakBefore[list.End] && words.Normal[list.End] is "da" or "vua" && Subject(words, list)) return true;
        return false;
    }

    /// <summary>A duty with nobody named: it starts with a verb of duty or a modal, or "… thì" comes before one.</summary>
    private static bool IsDuty(WordText words)
    {
        if (words.Count == 0) return false;
        var start = 0;
        // "Đồng thời, …", "Ngoài ra, …", "Riêng …,": a connective first.
        if (words.Reads(0, "dong", "thoi") || words.Reads(0, "ngoai", "ra") || words.Reads(0, "mat", "khac") || words.Reads(0, "tiep", "theo"))
            start = 2;
        else if (words.Reads(0, "theo", "do") || words.Reads(0, "cu", "the")) start = 2;
        // "Thực hiện Công văn số … của UBND tỉnh, …", "Căn cứ …": what the directive rests on, not a duty.
        if (words.Reads(start, "thuc", "hien") && DocumentAt(words, start + 2)) return false;
        if (StartsWith(words, start, DutyStarts) && !StartsWith(words, start, Past)) return true;
        for (var k = 1; k < words.Count - 1; k++)
            if (words.Reads(k, "thi") && !words.BreakBefore[k] && StartsWith(words, k + 1, DutyStarts)
                // "đơn vị nào không nộp thì …": the consequence for whoever fails, not a duty.
                && !Enumerable.Range(0, k).Any(j => words.Normal[j] == "nao"))
                return true;
        // "… , cần tăng cường …": a modal after a fronted time or place.
        for (var k = 1; k < words.Count - 1; k++)
            if (words.GapBefore(k).IndexOf(',') >= 0 && (words.Reads(k, "can") || words.Reads(k, "phai")) && StartsWith(words, k + 1, DutyStarts))
                return true;
        // "Việc phát phiếu … được thực hiện từ nay đến hết ngày 24/4": a duty in the passive.
        for (var k = 1; k < words.Count - 1; k++)
            if ((words.Reads(k, "duoc") || words.Reads(k, "phai", "duoc")) && (StartsWith(words, k + 1, DutyStarts) || words.Reads(k + 2, "thuc", "hien"))
                && words.Reads(0, "viec"))
                return true;
        // "Cần tăng cường …", "Trong lĩnh vực môi trường cần theo dõi …": a modal, perhaps after a few fronted words.
        for (var k = 0; k < Math.Min(words.Count - 1, 9); k++)
            if ((words.Reads(k, "can") || words.Reads(k, "phai")) && StartsWith(words, k + 1, DutyStarts) && (k == 0 || !words.Reads(k - 1, "khong"))) return true;
        // "Trường hợp xảy ra sự cố, báo cáo ngay …", "Khi có dịch, tổ chức …": a condition, then the duty.
        if (StartsWith(words, start, Conditions))
            for (var k = start + 1; k < words.Count - 1; k++)
                if (words.GapBefore(k).IndexOf(',') >= 0 && StartsWith(words, k, DutyStarts)) return true;
        return false;
    }

    private static readonly PhraseSet Documents = Phrases(
        "cong van", "ke hoach", "chi thi", "quyet dinh", "nghi quyet", "nghi dinh", "thong tu", "thong bao", "huong dan", "chuong trinh",
        "van ban", "cong dien", "y kien", "ket luan", "phuong an", "de an", "luat", "chi dao");

    private static bool DocumentAt(WordText words, int k) => StartsWith(words, k, Documents);

    private static bool EndsWithIntroduction(WordText words)
    {
        foreach (var p in Introductions)
            if (words.Count >= p.Length && words.Reads(words.Count - p.Length, p)) return true;
        return false;
    }

    // ---- Splitting ---------------------------------------------------------------------

    /// <summary>
    /// The clauses of a paragraph: sentences end at ". ! ?" before a capital, a line break, or ";" before a
    /// capital; a sentence splits at ":" (a lead-in and what it introduces), at ";", and before a list of units
    /// that leads a clause of its own ("…, và giao Phòng Nội vụ theo dõi", "…; Phòng X phối hợp …").
    /// </summary>
    public static List<Clause> Of(string paragraph, UnitScope scope)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(scope);
        var clauses = new List<Clause>();
        foreach (var line in paragraph.Split('\n'))
        {
            var lineStart = true;
            foreach (var sentence in Sentences(line))
            {
                var first = true;
                foreach (var piece in Pieces(sentence))
                {
                    foreach (var clause in SplitAtLeads(piece, scope, first, lineStart))
                    {
                        clauses.Add(clause);
                        first = lineStart = false;
                    }
                }
            }
        }
        return clauses;
    }

    /// <summary>A piece of a clause read as a clause of its own.</summary>
    internal static Clause Part(string text, UnitScope scope, bool sentenceStart)
    {
        var words = new WordText(text);
        return new Clause(text, words, UnitMentions.Lists(words, scope), sentenceStart);
    }

    /// <summary>Where, after <paramref name="from"/> (a character), a comma opens another duty: "…, tiếp tục tổ chức …". -1 if nowhere.</summary>
    internal int DutyAfter(int from)
    {
        for (var k = 1; k < Words.Count; k++)
        {
            if (Words.Words[k].Start < from || Words.GapBefore(k).IndexOf(',') < 0) continue;
            if (StartsWith(Words, k, DutyStarts) && !Lists.Exists(l => l.Start <= k && k < l.End)) return Words.Words[k].Start;
        }
        return -1;
    }

    /// <summary>A clause split before each later list of units that starts a clause of its own and leads it.</summary>
    private static IEnumerable<Clause> SplitAtLeads(string piece, UnitScope scope, bool sentenceStart, bool paragraphStart)
    {
        var words = new WordText(piece);
        var lists = UnitMentions.Lists(words, scope);
        var cuts = new List<int>();
        for (var k = 1; k < words.Count; k++)
        {
            // "…; Phòng X phối hợp …": a semicolon ends a clause, unless it separates the units of one list.
            if (words.GapBefore(k).IndexOf(';') < 0 || lists.Exists(l => l.Start < k && l.End > k)) continue;
            cuts.Add(k);
        }
        foreach (var list in lists)
        {
            if (list.Role != UnitRole.Lead || list.Start == 0) continue;
            var start = ClauseStartBefore(words, list.Start);
            if (start <= 0) continue;
            // Only where the clause before has a duty of its own: "giao A chỉ đạo …, và giao B theo dõi".
            var previous = cuts.Where(c => c <= start).DefaultIfEmpty(0).Max();
            if (start - previous < 3) continue;
            if (!lists.Exists(l => l.Role == UnitRole.Lead && l.End <= start && l.Start >= previous) && !StartsWith(words, previous, DutyStarts)) continue;
            cuts.Add(start);
        }
        cuts = cuts.Distinct().Order().ToList();
        if (cuts.Count == 0)
        {
            yield return new Clause(piece, words, lists, sentenceStart, paragraphStart);
            yield break;
        }
        var from = 0;
        cuts.Add(words.Count);
        foreach (var cut in cuts)
        {
            var start = from == 0 ? 0 : words.Words[from].Start;
            var end = cut >= words.Count ? piece.Length : words.Words[cut].Start;
            // The clause keeps its punctuation: a task read from several shows them as written.
            while (start < end && char.IsWhiteSpace(piece[start])) start++;
            while (end > start && char.IsWhiteSpace(piece[end - 1])) end--;
            if (end > start)
            {
                // Its words are the piece's, already read: only their roles are read again, as a clause of its own.
                var part = words.Slice(from, cut, start, end);
                yield return new Clause(part.Text, part, UnitMentions.Lists(part, scope), sentenceStart && from == 0, paragraphStart && from == 0);
            }
            from = cut;
        }
    }

    /// <summary>
    /// Where a clause starts that a list of units leads: right at it after a comma, or at the "và", "đồng thời",
    /// "giao" before it ("…, và giao Phòng Nội vụ …"); -1 when the list continues the clause.
    /// </summary>
    private static int ClauseStartBefore(WordText words, int listStart)
    {
        // ", trừ một số đơn vị Phòng A, Phòng B được giao …", ", riêng Phòng X …": a few words that single the units out.
        for (var back = 1; back <= 5 && listStart - back > 0; back++)
        {
            var w = listStart - back;
            if (words.BreakBefore[w + 1] && back > 1) break;
            if (!SingleOut.Contains(words.Normal[w])) break;
            if (words.GapBefore(w).IndexOf(',') >= 0 && words.Normal[w] is "tru" or "rieng" or "con") return w;
        }
        var k = listStart;
        if (words.Reads(k - 1, "giao") || words.Reads(k - 1, "cho") && words.Reads(k - 2, "giao")) k -= words.Reads(k - 1, "cho") ? 2 : 1;
        if (k > 0 && words.Reads(k - 1, "va") && !words.BreakBefore[k - 1]) k--;
        else if (k > 1 && words.Reads(k - 2, "dong", "thoi")) k -= 2;
        if (k == listStart && words.GapBefore(k).IndexOf(',') < 0) return -1;
        if (k < listStart || words.GapBefore(k).IndexOf(',') >= 0) return k;
        return -1;
    }

    private static readonly HashSet<string> SingleOut = new(["tru", "rieng", "con", "mot", "so", "don", "vi", "cac", "doi", "voi", "cho"], StringComparer.Ordinal);

    /// <summary>The sentences of a paragraph (see <see cref="Of"/>).</summary>
    public static List<string> Sentences(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var sentences = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c == '\n')
            {
                Flush(i);
                start = i + 1;
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            if (depth > 0 || c is not ('.' or '!' or '?')) continue;
            // The next word after spaces: a capital starts a new sentence ("… an toàn. Công an tỉnh …").
            var j = i + 1;
            while (j < paragraph.Length && paragraph[j] == ' ') j++;
            if (j == i + 1 || j >= paragraph.Length) continue;
            var next = paragraph[j];
            if (!(char.IsUpper(next) || next is '"' or '“')) continue;
            if (c == '.' && EndsWithAbbreviation(paragraph.AsSpan(start, i - start))) continue;
            Flush(i + 1);
            start = i + 1;
        }
        Flush(paragraph.Length);
        return sentences;

        void Flush(int end)
        {
            var s = paragraph.AsSpan(start, end - start).Trim();
            if (s.Length > 0) sentences.Add(s.ToString());
            depth = 0;
        }
    }

    /// <summary>"TP.", "Tp.", "v.v." and initials do not end a sentence (<paramref name="before"/>: the sentence up to the dot).</summary>
    private static bool EndsWithAbbreviation(ReadOnlySpan<char> before)
    {
        var start = before.Length;
        while (start > 0 && char.IsLetter(before[start - 1])) start--;
        var word = before[start..];
        return word is "TP" or "Tp" or "tp" or "v.v" or "TW" || word.Length == 1 && char.IsUpper(word[0]);
    }

    /// <summary>A sentence's pieces: at ":" when something follows (";" is read with the units, see <see cref="SplitAtLeads"/>).</summary>
    private static List<string> Pieces(string sentence)
    {
        var pieces = new List<string>();
        var depth = 0;
        var from = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            if (depth > 0 || c != ':') continue;
            // "Thời gian: …", "8:30", a field label, and "các xã: Đồng Tân và Tân Thành" (names of the places): the colon stays.
            if (c == ':' && (i + 1 < sentence.Length && char.IsDigit(sentence[i + 1]) || Outline.IsField(sentence[from..]) || NamesFollow(sentence, i))) continue;
            var piece = sentence[from..(i + 1)].Trim();
            if (piece.Length > 0 && piece.Any(char.IsLetter)) pieces.Add(piece);
            from = i + 1;
        }
        var last = sentence[from..].Trim();
        if (last.Length > 0 && last.Any(char.IsLetter)) pieces.Add(last);
        else if (pieces.Count > 0 && last.Length > 0) pieces[^1] += last;
        return pieces;
    }

    private static readonly string[] TierNouns = ["xa", "phuong", "huyen", "thi tran", "thi xa", "tinh", "thon", "ap", "ban", "quan"];

    /// <summary>"các xã: Đồng Tân và Tân Thành": a tier before the colon and a capitalised name after it.</summary>
    private static bool NamesFollow(string sentence, int colon)
    {
        var j = colon + 1;
        while (j < sentence.Length && sentence[j] == ' ') j++;
        if (j >= sentence.Length || !char.IsUpper(sentence[j])) return false;
        var before = VietnameseText.Fold(sentence[..colon]).TrimEnd();
        return TierNouns.Any(t => before.EndsWith("cac " + t, StringComparison.Ordinal));
    }

    /// <summary>The words of a clause outside brackets and outside the given span (a time phrase): what is left of its content.</summary>
    internal static int WordsOutside(string text, int from, int length)
    {
        var folded = VietnameseText.Fold(text);
        var count = 0;
        var depth = 0;
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            if (!char.IsLetterOrDigit(c)) { i++; continue; }
            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i])) i++;
            if (depth == 0 && (start < from || start >= from + length)) count++;
        }
        return count;
    }
}

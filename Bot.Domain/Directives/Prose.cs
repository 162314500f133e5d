using System.Text;

namespace Bot.Domain.Directives;

/// <summary>Where a task's lead comes from: what the reader saw, which says how sure it is.</summary>
internal enum LeadSource
{
    /// <summary>The clause names it: "Giao X", "X chủ trì", X as the subject.</summary>
    Own,

    /// <summary>The clause names it by a group that stands for the addressees ("các đơn vị", "mỗi cơ quan").</summary>
    BackReference,

    /// <summary>The item above names it (a lead-in "1. Thủ trưởng các cơ quan …:").</summary>
    Parent,

    /// <summary>The sentence introducing the list, or the speaker's ask before it.</summary>
    LeadIn,

    /// <summary>A sentence with no unit of its own continues the request of the sentence before.</summary>
    Previous,

    /// <summary>The addressees of "Kính gửi".</summary>
    Addressees,

    /// <summary>Nobody is named.</summary>
    None,
}

/// <summary>A task being read: its words so far and its units.</summary>
internal sealed class TaskDraft(string reference, int line, TaskKind kind, List<string> lead, List<string> support, LeadSource source)
{
    public string Ref { get; } = reference;

    public int Line { get; } = line;

    public TaskKind Kind { get; } = kind;

    public List<string> Lead { get; } = lead;

    public List<string> Support { get; } = support;

    public LeadSource Source { get; } = source;

    /// <summary>Some unit was read by its shape, not found in the vocabulary.</summary>
    public bool ByShape { get; set; }


    public StringBuilder Text { get; } = new();

    /// <summary>
    /// Words whose schedule holds when the task states no time of its own: the lead-in's repetition and the time it
    /// gives the item ("… vào các ngày cố định hằng tuần, gồm: Vào chiều thứ Sáu: …"), or the first task of the item.
    /// </summary>
    public string? Frame { get; set; }

    /// <summary>Adds a clause; one that starts a paragraph goes on a line of its own, as fields ("Thời gian thực hiện: …") are read by line.</summary>
    public void Add(string clause, bool newLine = false)
    {
        if (Text.Length > 0) Text.Append(newLine ? '\n' : ' ');
        Text.Append(clause);
    }
}

/// <summary>
/// Turns the clauses of a directive's prose into tasks, as a careful reader of a tracker would: one task per
/// clause that gives its own unit a distinct duty; a clause with no unit joins the task of its sentence, and a
/// sentence with no unit joins the task before when it only adds a time or a circumstance ("Trong thời gian cao
/// điểm, cần …", "Báo cáo nhanh gửi trước 14h00 …"), or is a task of its own for the units asked before when it
/// states a duty ("Tăng cường …", "… thì tiếp tục …"). Lead-ins ("… yêu cầu X thực hiện:") and the reports of a
/// document's issuing ("Ngày …, UBND tỉnh có Công văn … yêu cầu X …") name the addressees, whom later groups
/// ("các đơn vị", "các cơ quan, địa phương") stand for. Pure; one instance reads one directive.
/// </summary>
internal sealed class Prose(UnitScope scope, Func<string, (int Index, int Length)?> deadlineIn, Func<string, (int Index, int Length)?> timeIn)
{
    private List<string>? _last;
    private TaskDraft? _current;
    private int _number;
    private bool _told;
    private bool _asking;

    // A lead-in's repetition ("… hằng tuần, gồm:") and a time that heads what follows ("Vào các ngày thứ bảy và Chủ nhật:").
    private string? _frame;
    private string? _pendingTime;

    /// <summary>Whom the directive asks, as named by its lead-ins or its "Kính gửi".</summary>
    public List<string>? Addressees { get; set; }

    public List<TaskDraft> Drafts { get; } = [];

    /// <summary>Running paragraphs: letters, digests, meeting conclusions.</summary>
    public void Narrative(string paragraph, int line)
    {
        foreach (var clause in Clause.Of(paragraph, scope))
            foreach (var part in AtDeadline(clause)) Narrative(part, line);
    }

    /// <summary>
    /// "… rà soát các chỉ tiêu để hoàn thành trong hai tháng còn lại, tiếp tục tổ chức chiến dịch …": a deadline binds
    /// the duty it closes, so a duty that a comma adds after it is another task.
    /// </summary>
    private IEnumerable<Clause> AtDeadline(Clause c)
    {
        // (Not when the duty after the comma has a time of its own: "chốt số liệu vào 15h00 hằng ngày, báo cáo … trước 15h30".)
        if (deadlineIn(c.Text) is not { } time || c.DutyAfter(time.Index + time.Length) is not (> 0 and var cut) || deadlineIn(c.Text[cut..]) is not null)
        {
            yield return c;
            yield break;
        }
        yield return Clause.Part(c.Text[..cut].TrimEnd(' ', ','), scope, c.SentenceStart);
        // The duty after the comma stands as a sentence of its own, for the same units.
        yield return Clause.Part(c.Text[cut..], scope, true);
    }

    private void Narrative(Clause c, int line)
    {
        var (lead, source) = LeadOf(c);
        // A sentence that tells ("Thời gian qua, UBND các xã đã …; giải quyết …") tells to its end.
        if (c.SentenceStart) _told = c.Told;
        else if (_told && lead.Count == 0) return;
        if (c.Told)
        {
            if (lead.Count > 0) Addressees = lead;
            _current = null;
            return;
        }
        if (c.LeadIn || c.OnlyUnits)
        {
            if (lead.Count > 0) Addressees = _last = lead;
            if (c.LeadIn) _asking = lead.Count == 0 && Asking(c);
            if (c.LeadIn && timeIn(c.Text) is { } time && Clause.WordsOutside(c.Text, time.Index, time.Length) <= 4) _pendingTime = c.Text.TrimEnd(':', ' ');
            else if (c.LeadIn) (_frame, _pendingTime) = (Repetition(c.Text), null);
            _current = null;
            return;
        }
        // "…; công chức tư pháp - hộ tịch ghi nội dung …": the same unit in the same sentence goes on with its duty.
        if (lead.Count > 0 && !c.SentenceStart && _current is not null && lead.SequenceEqual(_current.Lead))
        {
            Join(_current, c);
            return;
        }
        if (lead.Count > 0)
        {
            if (c.SpeakerAsks && (Addressees is null || source == LeadSource.Own && c.SentenceStart)) Addressees = lead;
            Start(c, line, lead, c.Support, source);
            _last = lead;
            return;
        }
        if (_current is not null && (!c.SentenceStart || OnlyAddsTime(c) || Circumstance(c)))
        {
            Join(_current, c);
            return;
        }
        // "Chủ tịch UBND tỉnh quyết định công nhận … trước 30/01 hàng năm": the speaker's own duty, when it has a time.
        if (c.SpeakerActs.Count > 0 && deadlineIn(c.Text) is not null)
        {
            Start(c, line, Actor(c), c.Support, LeadSource.Own);
            return;
        }
        var asked = c.SpeakerAsks ? Addressees ?? _last : _last ?? Addressees;
        if ((c.SpeakerAsks || c.Duty) && asked is { Count: > 0 })
        {
            Start(c, line, asked, c.Support, c.SpeakerAsks ? LeadSource.LeadIn : LeadSource.Previous);
            return;
        }
        // After "… kết luận:", "… yêu cầu:" naming nobody, a duty is still a task, whoever is to do it.
        if (c.Duty && _asking)
        {
            Start(c, line, [], c.Support, LeadSource.None);
            return;
        }
        // A support with no lead ("Phối hợp với …") joins the task before; anything else tells, not asks.
        if (_current is not null && c.Support.Count > 0) Join(_current, c);
    }

    /// <summary>
    /// A leaf of the outline: one task, with the units of its first clause that names them, else those it
    /// inherits; a later clause naming other units to lead is a task of its own. Clauses with no unit join it.
    /// </summary>
    public void Leaf(string reference, string text, int line, List<string> inherited, List<string> helping, LeadSource inheritedFrom, TaskKind kind)
    {
        var clauses = Clause.Of(text, scope);
        TaskDraft? draft = null;
        var splits = 0;
        // What the item tells or introduces before its duty ("UBND huyện đã ban hành … . Trên cơ sở đó, … yêu cầu X …")
        // stays in its text, but does not decide who leads.
        var prefix = new List<Clause>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            var (lead, source) = LeadOf(c);
            if (draft is null)
            {
                var later = clauses.Skip(i + 1).Any(x => x.HasLead);
                if (lead.Count == 0 && (c.LeadIn || c.Told) && later) { prefix.Add(c); continue; }
                if (kind == TaskKind.Task && IsRequest(c, lead)) kind = TaskKind.Request;
                if (lead.Count == 0 && inherited.Count == 0 && c.SpeakerActs.Count > 0) (lead, source) = (Actor(c), LeadSource.Own);
                draft = lead.Count > 0 && kind == TaskKind.Task
                    ? new TaskDraft(reference, line, kind, lead, c.Support.Except(lead).ToList(), source) { ByShape = c.ByShape }
                    : new TaskDraft(reference, line, kind, kind == TaskKind.Task ? inherited.ToList() : [],
                        kind == TaskKind.Task ? helping.Union(c.Support).ToList() : [], kind == TaskKind.Task ? inheritedFrom : LeadSource.None);
                foreach (var p in prefix) draft.Add(p.Text, p.ParagraphStart);
                draft.Add(c.Text, c.ParagraphStart);
                Drafts.Add(draft);
                continue;
            }
            // The speaker acting in a later clause of the item: "1. Tiếp công dân định kỳ / Chủ tịch UBND xã … tiếp công dân …".
            if (lead.Count == 0 && kind == TaskKind.Task && c.SpeakerActs.Count > 0)
                (lead, source) = (Actor(c), LeadSource.Own);
            // "- Cơ quan chủ trì: Phòng X" names the item's own units; so does the first clause to name any when the item had none.
            if (kind == TaskKind.Task && lead.Count > 0 && (Outline.IsField(c.Text) || draft.Source == LeadSource.None))
            {
                draft = Adopt(draft, lead, c, source);
                continue;
            }
            if (kind == TaskKind.Task && lead.Count > 0 && !c.OnlyUnits && !lead.All(draft.Lead.Contains) && !c.LeadIn && !c.Told)
            {
                // A sentence of the item naming other units works to the item's schedule ("Trong các ngày tiếp công dân định kỳ …").
                var first = Drafts.Last(d => d.Ref == reference);
                draft = new TaskDraft($"{reference}+{++splits}", line, kind, lead, c.Support.Except(lead).ToList(), source)
                {
                    ByShape = c.ByShape,
                    Frame = first.Text.ToString(),
                };
                draft.Add(c.Text, c.ParagraphStart);
                Drafts.Add(draft);
                continue;
            }
            Join(draft, c);
        }
        if (draft is null && prefix.Count > 0)
        {
            draft = new TaskDraft(reference, line, kind, kind == TaskKind.Task ? inherited : [], [], kind == TaskKind.Task ? inheritedFrom : LeadSource.None);
            foreach (var p in prefix) draft.Add(p.Text, p.ParagraphStart);
            Drafts.Add(draft);
        }
        _current = null;
        if (draft is not null) _last = draft.Lead;
    }

    /// <summary>
    /// The closing: a clause is a task only when it gives its own unit a duty by "giao" or with a deadline
    /// ("Giao Phòng Nội vụ theo dõi …", "Yêu cầu Phòng X báo cáo trước ngày …"); the closing formula
    /// ("Yêu cầu Thủ trưởng các cơ quan … nghiêm túc triển khai thực hiện./.") asks nothing new.
    /// </summary>
    public void Closing(string paragraph, int line)
    {
        foreach (var c in Clause.Of(paragraph, scope))
        {
            var (lead, source) = LeadOf(c);
            if (lead.Count == 0 || c.Told || c.OnlyUnits) continue;
            var given = c.Lists.Exists(l => l.Role == UnitRole.Lead && (c.Words.ReadsBeforeLoosely(l.Start, "giao") || c.Words.ReadsBeforeLoosely(l.Start, "giao", "cho")));
            if (!given && deadlineIn(c.Text) is null && !OwnDuty(c)) continue;
            Start(c, line, lead, c.Support, source);
        }
        _current = null;
    }

    /// <summary>The draft with the units a later clause of its item names: a field "Cơ quan chủ trì:" or the first to name any.</summary>
    private TaskDraft Adopt(TaskDraft draft, List<string> lead, Clause c, LeadSource source)
    {
        var adopted = new TaskDraft(draft.Ref, draft.Line, draft.Kind, lead, c.Support.Except(lead).ToList(), source) { ByShape = c.ByShape };
        adopted.Add(draft.Text.ToString());
        adopted.Add(c.Text, c.ParagraphStart);
        Drafts[Drafts.IndexOf(draft)] = adopted;
        return adopted;
    }

    /// <summary>
    /// A closing sentence that asks named units (not the directive's groups) for a duty of its own words: "Đề nghị Đài
    /// truyền thanh xã, các đồng chí Trưởng thôn thông báo liên tục trên hệ thống truyền thanh …", unlike the formula.
    /// </summary>
    private bool OwnDuty(Clause c)
    {
        var leads = c.Lists.Where(l => l.Role == UnitRole.Lead).ToList();
        if (leads.Count == 0 || leads.SelectMany(l => l.Mentions).All(m => m.Entry.Kind == UnitCatalog.EntryKind.Collective || m.RefersBack)) return false;
        if (Addressees is { Count: > 0 } addressed && leads.SelectMany(l => l.Units).All(addressed.Contains)) return false;
        var words = c.Words;
        var beyond = 0;
        for (var k = leads[^1].End; k < words.Count; k++)
            if (!Formula.Contains(words.Normal[k]) && !words.Normal[k].All(char.IsAsciiDigit)) beyond++;
        return beyond >= 4;
    }

    /// <summary>The words of the closing formula ("… nghiêm túc triển khai thực hiện Công văn này").</summary>
    private static readonly HashSet<string> Formula = new(
        ["nghiem", "tuc", "khan", "truong", "trien", "khai", "thuc", "hien", "to", "chuc", "quan", "triet", "noi", "dung", "tren", "cong",
         "van", "nay", "chi", "thi", "ke", "hoach", "quyet", "dinh", "theo", "dung", "quy", "bao", "dam", "hieu", "qua", "kip", "thoi",
         "chu", "dong", "tot", "cac", "nhiem", "vu", "sau", "va", "biet", "co", "de", "cua", "nhan", "dan", "dia", "phuong",
         // a decision's: "… và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này"
         "chiu", "trach", "hanh", "ong", "ba", "ten", "dieu", "can", "lien", "quan"],
        StringComparer.Ordinal);

    private void Start(Clause c, int line, List<string> lead, List<string> support, LeadSource source)
    {
        var kind = IsRequest(c, lead) ? TaskKind.Request : TaskKind.Task;
        _current = kind == TaskKind.Request
            ? new TaskDraft($"¶{++_number}", line, kind, [], [], LeadSource.None)
            : new TaskDraft($"¶{++_number}", line, kind, lead.ToList(), support.Except(lead).ToList(), source) { ByShape = c.ByShape };
        if (_pendingTime is not null) _current.Add(_pendingTime + ":");
        _current.Add(c.Text);
        if (_frame is not null || _pendingTime is not null) _current.Frame = $"{_pendingTime} {_frame}".Trim();
        _pendingTime = null;
        Drafts.Add(_current);
    }

    /// <summary>A lead-in that gives duties: "… đưa ra kết luận:", "… yêu cầu:", "… giao nhiệm vụ như sau:".</summary>
    private static bool Asking(Clause c) => Bot.Domain.Text.VietnameseText.Fold(c.Text) is var key
        && (key.Contains("ket luan", StringComparison.Ordinal) || key.Contains("yeu cau", StringComparison.Ordinal)
            || key.Contains("giao nhiem vu", StringComparison.Ordinal) || key.Contains("chi dao", StringComparison.Ordinal));

    /// <summary>The words of an undated repetition a lead-in states ("hằng tuần", "định kỳ hằng tháng"), or null.</summary>
    private string? Repetition(string text) => deadlineIn(text) is null && Bot.Domain.Text.VietnameseText.Fold(text) is var key
        && (key.Contains("hang tuan", StringComparison.Ordinal) || key.Contains("moi tuan", StringComparison.Ordinal)
            || key.Contains("hang thang", StringComparison.Ordinal) || key.Contains("moi thang", StringComparison.Ordinal))
        ? key.Contains("tuan", StringComparison.Ordinal) ? "hằng tuần" : "hằng tháng"
        : null;

    private static void Join(TaskDraft draft, Clause c)
    {
        draft.Add(c.Text, c.ParagraphStart);
        if (draft.Kind != TaskKind.Task) return;
        foreach (var unit in c.Support)
            if (!draft.Support.Contains(unit) && !draft.Lead.Contains(unit)) draft.Support.Add(unit);
    }

    /// <summary>The speaker that acts, by the issuer's full name when the text names the committee by its tier alone ("UBND xã").</summary>
    private List<string> Actor(Clause c)
    {
        var name = c.SpeakerActs[0];
        if (scope.IssuerName is { } issuer && issuer.Length > name.Length
            && Bot.Domain.Text.VietnameseText.Key(issuer).StartsWith(Bot.Domain.Text.VietnameseText.Key(name) + " ", StringComparison.Ordinal))
            name = issuer;
        return [name];
    }

    /// <summary>The clause's own lead, a group standing for the addressees replaced by them.</summary>
    private (List<string> Lead, LeadSource Source) LeadOf(Clause c)
    {
        if (!c.HasLead) return ([], LeadSource.None);
        if (c.RefersBack && Addressees is { Count: > 0 } addressees) return (addressees.ToList(), LeadSource.BackReference);
        return (c.Lead.ToList(), LeadSource.Own);
    }

    /// <summary>A sentence that only adds a time to the task before: a deadline and a few words ("Báo cáo nhanh gửi trước 14h00 …").</summary>
    private bool OnlyAddsTime(Clause c) =>
        c.Words.Count <= 16 && deadlineIn(c.Text) is { } time && Clause.WordsOutside(c.Text, time.Index, time.Length) <= 5;

    /// <summary>A sentence opening with the time or occasion of the duty before it: "Trong thời gian cao điểm …, cần …".</summary>
    private static bool Circumstance(Clause c) =>
        c.Words.Reads(0, "trong", "thoi", "gian") || c.Words.Reads(0, "trong", "dip") || c.Words.Reads(0, "trong", "cac", "ngay")
        || c.Words.Reads(0, "thoi", "gian") && !c.Duty || c.Words.Reads(0, "dia", "diem") || c.Words.Reads(0, "hinh", "thuc")
        || c.Words.Reads(0, "luu", "y") || c.Words.Reads(0, "trong", "do");

    /// <summary>
    /// Asked of the Party, the Front or bodies outside the committee: "Kính đề nghị …", or "Đề nghị" with only such bodies after it.
    /// "Đề nghị UBND các xã …" to the committee's own units is an instruction.
    /// </summary>
    private static bool IsRequest(Clause c, List<string> lead)
    {
        var words = c.Words;
        for (var k = 0; k + 2 < words.Count && k < 12; k++)
            if (words.Reads(k, "kinh", "de", "nghi") || words.ReadsBeforeLoosely(k + 3, "kinh", "de", "nghi")) return true;
        // "Đề nghị …" opening the clause, or right before the units asked.
        var asks = words.ReadsBeforeLoosely(2, "de", "nghi")
                   || c.Lists.Exists(l => l.Role == UnitRole.Lead && words.ReadsBefore(l.Start, "de", "nghi"));
        if (!asks) return false;
        if (lead.Count == 0) return true;
        return lead.All(IsOutside);
    }

    /// <summary>The Front, the mass organisations, the Party and the councils: asked, not instructed.</summary>
    private static bool IsOutside(string unit)
    {
        var key = Bot.Domain.Text.VietnameseText.Key(unit);
        return key.StartsWith("uy ban mat tran", StringComparison.Ordinal) || key.StartsWith("mat tran", StringComparison.Ordinal)
               || key.StartsWith("cac doan the", StringComparison.Ordinal) || key.Contains("huyen uy", StringComparison.Ordinal)
               || key.Contains("tinh uy", StringComparison.Ordinal) || key.Contains("dang uy", StringComparison.Ordinal)
               || key.StartsWith("hdnd", StringComparison.Ordinal) || key.StartsWith("hoi dong nhan dan", StringComparison.Ordinal)
               || key.StartsWith("cac to chuc chinh tri", StringComparison.Ordinal);
    }
}

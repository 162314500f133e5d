using System.Text;
using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Domain.Directives;

/// <summary>
/// Finds the time phrases of a text, resolved against a reference time (the time recognizer);
/// <paramref name="receivedOn"/> resolves "... kể từ ngày nhận được văn bản".
/// </summary>
public delegate IReadOnlyList<TimeMention> TimeFinder(string text, DateTime referenceLocal, DateOnly? receivedOn);

/// <summary>
/// Reads a directive's text into its header and tasks, as a careful human reader of these texts
/// would put them in a tracker. The header is read in the layout of Decree 30/2020; the body as an
/// outline (leaves are tasks, lead-ins give their children units), as prose (one task per clause
/// that gives its own unit a distinct duty, see <see cref="Prose"/>) where it has no outline, and
/// as task tables. Its dates are read by their role (<see cref="Deadlines"/>) against the text's own
/// date (<see cref="TextDate"/>), and each task says how sure the reader is (<see cref="Ratings"/>).
/// </summary>
public sealed class DirectiveReader(TimeFinder findTimes)
{
    /// <summary>
    /// Reads a directive. <paramref name="reference"/> resolves its dates when it carries no date of its own;
    /// <paramref name="receivedOn"/>, when known, resolves periods counted from its receipt (else its own date does).
    /// </summary>
    public Directive Read(string text, DateOnly reference, DateOnly? receivedOn = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = VietnameseText.Normalize(text).Split('\n');
        var header = DirectiveHeader.Read(lines);
        var body = lines.Skip(header.BodyStart).Take(header.BodyEnd - header.BodyStart).Select(PageChrome.Clean).ToList();
        var (day, dateSource) = TextDate.Of(header, header.BodyStart > 0 ? lines : body.ToArray(), reference);
        var when = new When(day, receivedOn ?? day, dateSource);
        var scope = ScopeOf(header, body);
        var find = Remembered(findTimes);
        var deadlines = new Deadlines(find, when.ReferenceLocal, when.ReceivedOn, dateSource == DateSource.Reference ? null : day);

        var tables = TaskTable.Extract(body);
        var outline = Outline.Parse(tables.Remaining);
        var prose = new Prose(scope, t => deadlines.Find(t) is { } m ? (m.Index, m.Length) : null,
            t => find(t, when.ReferenceLocal, when.ReceivedOn) is { Count: > 0 } times ? (times[0].Index, times[^1].Index + times[^1].Length - times[0].Index) : null);
        var recipients = header.Recipients.SelectMany(r => UnitMentions.Find(new WordText(r), scope).SelectMany(m => m.Units)).Distinct().ToList();
        if (recipients.Count > 0) prose.Addressees = recipients;

        // The preamble: the sentence introducing the list, or the whole of a letter or digest without an outline.
        for (var p = 0; p < outline.Preamble.Count; p++) prose.Narrative(Clean(outline.Preamble[p]), outline.PreambleLines[p]);
        var introduced = prose.Addressees;
        var itemUnits = new Dictionary<OutlineItem, (List<string> Lead, List<string> Support)>();
        var requests = new Dictionary<OutlineItem, bool>();
        foreach (var leaf in outline.Items.SelectMany(i => i.Leaves()))
        {
            var leafText = Clean(leaf.Text);
            if (IsHeadingOnly(leaf) || InNonTaskSection(leaf) || IsProvision(leafText)) continue;
            var (inherited, helping, from) = Inherited(leaf, scope, itemUnits, introduced, recipients);
            var kind = UnderRequest(leaf, requests) ? TaskKind.Request : TaskKind.Task;
            prose.Leaf(leaf.Ref, leafText, leaf.Line, inherited, helping, from, kind);
        }
        foreach (var paragraph in outline.Closing) prose.Closing(Clean(paragraph), int.MaxValue);

        var tasks = new List<(int Line, DirectiveTask Task)>();
        foreach (var draft in prose.Drafts)
        {
            var task = Finish(draft, deadlines, when);
            // A decision's articles that name no unit enact ("Điều 1. Thành lập Tổ kiểm tra ..."), and a notice's items that name
            // none announce ("1. Tạm dừng hoạt động tiếp công dân …"): nobody is tasked.
            if (header.DocumentType is "QUYẾT ĐỊNH" or "THÔNG BÁO" && task.Kind == TaskKind.Task && task.Lead.Count == 0) continue;
            // "2. Địa điểm: …", "3. Thời gian công dân đến đăng ký: …": the item says where or when, and gives nobody a duty.
            if (draft.Source is LeadSource.None && Setting(task.Text)) continue;
            if (task.Text.Length == 0) continue;
            tasks.Add((draft.Line, task));
        }
        foreach (var row in tables.Rows) tasks.Add((row.Line, TableTask(row, deadlines, scope)));
        var ordered = tasks.OrderBy(t => t.Line).Select(t => t.Task).ToList(); // a stable sort

        return new Directive(header.Number, header.Issuer, header.IssuedOn, header.DocumentType, header.Subject, header.Signer,
            header.SignerTitle, header.Recipients, ordered)
        {
            Urgency = header.Urgency,
            Review = Ratings.OfHeader(header, dateSource),
        };
    }

    /// <summary>
    /// The time recognizer over one directive, which asks it once per text: a clause is read for its times as a clause,
    /// again as its task (most tasks are one clause) and as the frame of the items under it. Every call of one read
    /// resolves against the same day.
    /// </summary>
    private static TimeFinder Remembered(TimeFinder find)
    {
        var seen = new Dictionary<(string, DateTime, DateOnly?), IReadOnlyList<TimeMention>>();
        return (text, referenceLocal, receivedOn) =>
            seen.TryGetValue((text, referenceLocal, receivedOn), out var times) ? times : seen[(text, referenceLocal, receivedOn)] = find(text, referenceLocal, receivedOn);
    }

    /// <summary>
    /// Reads a restored document (OCR'd or damaged text, see <see cref="TextRestorer"/>) as <see cref="Read(string, DateOnly, DateOnly?)"/>
    /// reads its text; a task whose words hold a word the restorer was unsure of says so in its review.
    /// </summary>
    public Directive Read(RestoredText text, DateOnly reference, DateOnly? receivedOn = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UnsureWords.Mark(Read(text.Text, reference, receivedOn), text);
    }

    /// <summary>What the directive's time phrases are resolved against: its own day, and how it was found.</summary>
    private readonly record struct When(DateOnly Day, DateOnly? ReceivedOn, DateSource Source)
    {
        public DateTime ReferenceLocal => Day.ToDateTime(TimeOnly.MinValue);
    }

    /// <summary>
    /// Where the directive speaks from: the tier and kind of its issuing body, from the header, else from the first
    /// body that speaks in the text ("Chủ tịch UBND tỉnh yêu cầu …", "Phòng Văn hóa và Thông tin huyện đã ban hành …").
    /// </summary>
    private static UnitScope ScopeOf(DirectiveHeader header, List<string> body)
    {
        if (header.Issuer is { } issuer)
        {
            var key = VietnameseText.Key(issuer);
            var level = LevelOf(key);
            if (header.IssuerUnit is { } unit) return new UnitScope(level, unit, IssuerIsCommittee: false) { IssuerName = issuer };
            if (key.StartsWith("ubnd", StringComparison.Ordinal) || key.StartsWith("uy ban nhan dan", StringComparison.Ordinal))
                return new UnitScope(level) { IssuerName = issuer };
        }
        foreach (var line in body.Take(40))
        {
            if (line.Trim().Length == 0) continue;
            var words = new WordText(line);
            var mentions = UnitMentions.Find(words);
            foreach (var m in mentions)
            {
                if (m.Start > 0 && words.Normal[m.Start - 1] is "cua" or "ve" or "tai" or "qua") continue;
                if (!Speaks(words, m.End)) continue;
                // "Ủy ban nhân dân xã Tây Sơn thông báo …": the committee, named with its place when it is.
                if (m.Entry.IsIssuer) return new UnitScope(m.Entry.Level) { IssuerName = m.Units[0].Contains(' ', StringComparison.Ordinal) && m.Units[0].Split(' ').Length > 2 ? m.Units[0] : null };
                if (m.Units is [var named] && VietnameseText.Key(named) is var k && (k.StartsWith("phong ", StringComparison.Ordinal) || k.StartsWith("so ", StringComparison.Ordinal)))
                    return new UnitScope(k.StartsWith("so ", StringComparison.Ordinal) ? UnitLevel.Province : UnitLevel.District, named, IssuerIsCommittee: false) { IssuerName = named };
            }
        }
        return UnitScope.Default;
    }

    private static UnitLevel LevelOf(string key) =>
        key.Contains(" tinh", StringComparison.Ordinal) || key.StartsWith("so ", StringComparison.Ordinal) ? UnitLevel.Province
        : key.Contains(" xa ", StringComparison.Ordinal) || key.Contains(" phuong ", StringComparison.Ordinal) || key.Contains(" thi tran ", StringComparison.Ordinal)
          || key.StartsWith("ubnd xa", StringComparison.Ordinal) ? UnitLevel.Commune
        : key.Contains("thanh pho ho chi minh", StringComparison.Ordinal) || key.Contains("thanh pho ha noi", StringComparison.Ordinal)
          || key.Contains("thanh pho hai phong", StringComparison.Ordinal) || key.Contains("thanh pho da nang", StringComparison.Ordinal)
          || key.Contains("thanh pho can tho", StringComparison.Ordinal) ? UnitLevel.Province
        : UnitLevel.District;

    private static readonly string[][] SpeechVerbs =
    [
        ["yeu", "cau"], ["de", "nghi"], ["giao"], ["chi", "dao"], ["ban", "hanh"], ["vua", "ban", "hanh"], ["da", "ban", "hanh"], ["ky"],
        ["co", "cong", "van"], ["co", "van", "ban"], ["da", "co"], ["vua", "co"], ["thong", "bao"], ["ket", "luan"], ["co", "y", "kien"],
        ["nhan", "manh"], ["luu", "y"], ["quyet", "dinh"], ["ky", "ban", "hanh"],
    ];

    /// <summary>A speech verb right after a body, perhaps past a person's name: it is the one who speaks.</summary>
    private static bool Speaks(WordText words, int at)
    {
        var k = at;
        var names = 0;
        while (k < words.Count && names < 4 && char.IsUpper(words.Text[words.Words[k].Start]) && !words.BreakBefore[k]) { k++; names++; }
        return SpeechVerbs.Any(v => words.Reads(k, v));
    }

    /// <summary>
    /// The units a leaf inherits: the nearest item above that names its own, else the sentence that introduces
    /// the list, else the addressees.
    /// </summary>
    private static (List<string> Lead, List<string> Support, LeadSource From) Inherited(OutlineItem leaf, UnitScope scope,
        Dictionary<OutlineItem, (List<string> Lead, List<string> Support)> read, List<string>? introduced, List<string> recipients)
    {
        for (var item = leaf.Parent; item is not null; item = item.Parent)
        {
            if (!read.TryGetValue(item, out var units))
            {
                var first = Clause.Of(Clean(item.Paragraphs[0]), scope);
                var lead = first.SelectMany(c => c.Lead).Distinct().ToList();
                if (lead.Count > 0 && first.Any(c => c.HasLead && c.RefersBack) && introduced is { Count: > 0 }) lead = introduced.ToList();
                units = read[item] = (lead, first.SelectMany(c => c.Support).Distinct().Except(lead).ToList());
            }
            if (units.Lead.Count > 0) return (units.Lead, units.Support, LeadSource.Parent);
        }
        if (introduced is { Count: > 0 })
            return (introduced.ToList(), [], introduced.SequenceEqual(recipients) ? LeadSource.Addressees : LeadSource.LeadIn);
        return ([], [], LeadSource.None);
    }

    /// <summary>"Kính đề nghị các đồng chí …:" above the leaf: what follows is asked, not assigned.</summary>
    private static bool UnderRequest(OutlineItem leaf, Dictionary<OutlineItem, bool> read)
    {
        for (var item = leaf.Parent; item is not null; item = item.Parent)
        {
            // Each item above is read once for the leaves under it.
            if (!read.TryGetValue(item, out var asks))
                asks = read[item] = WordText.Opening(item.Paragraphs[0], 3).ReadsBeforeLoosely(3, "kinh", "de", "nghi");
            if (asks) return true;
        }
        return false;
    }

    /// <summary>An item that states where, when or with whom: "Địa điểm: …", "Thời gian công dân đăng ký …", "Thành phần: …".</summary>
    private static bool Setting(string text)
    {
        var words = WordText.Opening(text, 2);
        return words.Reads(0, "dia", "diem") || words.Reads(0, "thoi", "gian") || words.Reads(0, "thanh", "phan");
    }

    /// <summary>
    /// Items that enact or cite rather than assign: "Ban hành kèm theo Quyết định này ...", "... có hiệu lực kể từ
    /// ngày ký", and the documents a directive rests on ("- Căn cứ ...", "- Nghị định số 61/2018/NĐ-CP ...").
    /// </summary>
    private static bool IsProvision(string text)
    {
        var folded = VietnameseText.Fold(text);
        return WordText.Opening(text, 4).Reads(0, "ban", "hanh", "kem", "theo") || folded.Contains("nay co hieu luc", StringComparison.Ordinal)
               || Outline.IsCitationFolded(folded);
    }

    private static DirectiveTask Finish(TaskDraft draft, Deadlines deadlines, When when)
    {
        var text = draft.Text.ToString();
        var deadline = draft.Kind == TaskKind.Task ? deadlines.Of(text) : null;
        // The schedule of the lead-in or of the item's first task, when the task gives no time of its own.
        if (deadline is null && draft.Kind == TaskKind.Task && draft.Frame is { } frame && deadlines.Of(frame) is { Recurrence: not null } schedule)
            deadline = schedule;
        var recurrence = deadline?.Recurrence;
        // A repeating duty is due in every period its rule names, not once.
        var dueBefore = recurrence is null ? deadline?.DueBefore : null;
        var task = new DirectiveTask(draft.Ref, draft.Kind, text, draft.Lead, draft.Support.Except(draft.Lead).ToList(), deadline?.Text, dueBefore, recurrence);
        return task with { Confidence = Ratings.Of(task, draft, deadline, when.Source) };
    }

    private static DirectiveTask TableTask(TaskTable.Row row, Deadlines deadlines, UnitScope scope)
    {
        var lead = UnitsIn(row.Lead, scope);
        var support = UnitsIn(row.Support, scope).Except(lead).ToList();
        var deadline = row.Deadline.Length > 0 ? deadlines.OfColumn(row.Deadline) : null;
        var recurrence = deadline?.Recurrence;
        var task = new DirectiveTask(row.Ref, TaskKind.Task, row.Content, lead, support, deadline?.Text, recurrence is null ? deadline?.DueBefore : null, recurrence);
        var draft = new TaskDraft(row.Ref, row.Line, TaskKind.Task, lead, support, lead.Count > 0 ? LeadSource.Own : LeadSource.None);
        return task with { Confidence = Ratings.Of(task, draft, deadline, DateSource.Header) };
    }

    /// <summary>The units a table cell names, or the cell as written when it names none.</summary>
    private static List<string> UnitsIn(string cell, UnitScope scope)
    {
        var text = cell.Trim();
        if (text.Length == 0) return [];
        var units = UnitMentions.Find(new WordText(text), scope).Where(m => !m.IsSpeaker).SelectMany(m => m.Units).Distinct().ToList();
        return units.Count > 0 ? units : [text];
    }

    /// <summary>Sections of a plan that state its purpose or background, not duties: "I. MỤC ĐÍCH, YÊU CẦU", "CĂN CỨ".</summary>
    private static readonly string[][] NonTaskHeadings =
    [
        ["muc", "dich"], ["yeu", "cau"], ["muc", "tieu"], ["can", "cu"], ["tinh", "hinh"], ["ket", "qua"], ["danh", "gia"],
        ["quan", "diem"], ["pham", "vi"], ["doi", "tuong"], ["kinh", "phi"], ["nguon", "kinh", "phi"],
    ];

    private static bool InNonTaskSection(OutlineItem leaf)
    {
        for (var item = leaf; item is not null; item = item.Parent)
        {
            if (!IsCapitals(item.Paragraphs[0])) continue;
            var heading = Word.Split(VietnameseText.Fold(item.Paragraphs[0]));
            if (heading.Count <= 8 && NonTaskHeadings.Any(h => heading.Count >= h.Length
                    && h.Select((w, k) => OcrDistance.Like(heading[k].Text, w)).All(x => x)))
                return true;
        }
        return false;
    }

    /// <summary>A heading in capitals with nothing under it but what was read elsewhere (a task table).</summary>
    private static bool IsHeadingOnly(OutlineItem item) => item.Paragraphs.Count == 1 && IsCapitals(item.Paragraphs[0]);

    private static bool IsCapitals(string text) => !text.Any(char.IsLower) && text.Any(char.IsLetter);

    /// <summary>Already as <see cref="Clean"/> leaves it: single spaces and line breaks, each between two other characters.</summary>
    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c)) continue;
            if (c is not (' ' or '\n') || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i + 1])) return false;
        }
        return true;
    }

    /// <summary>One space between words; paragraphs stay on lines of their own.</summary>
    internal static string Clean(string text)
    {
        if (IsClean(text)) return text; // most paragraphs are: no copy
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingLine = false;
        foreach (var c in text)
        {
            if (c == '\n') { pendingLine = sb.Length > 0; pendingSpace = false; continue; }
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0 && !pendingLine; continue; }
            if (pendingLine) sb.Append('\n');
            else if (pendingSpace) sb.Append(' ');
            pendingLine = pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}

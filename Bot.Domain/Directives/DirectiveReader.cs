using System.Text;
using System.Text.RegularExpressions;
using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Domain.Directives;

/// <summary>
/// Finds the time phrases of a text, resolved against a reference time (the time recognizer);
/// <paramref name="receivedOn"/> resolves "... kể từ ngày nhận được văn bản".
/// </summary>
public delegate IReadOnlyList<TimeMention> TimeFinder(string text, DateTime referenceLocal, DateOnly? receivedOn);

/// <summary>
/// Reads a directive's text into its header and tasks. Tasks are the leaves of the outline;
/// a leaf's units are its own (the subject, "Giao X", "X chủ trì", "phối hợp với Y"), else
/// those of the nearest item above it that names them (a lead-in "1. Thủ trưởng các cơ quan
/// ...:"), else those of the sentence that introduces the list ("Chủ tịch UBND huyện yêu cầu
/// X, Y thực hiện:"), else the addressees. A leaf's deadline is the first Deadline-role time
/// phrase of its own text. "Giao ..." sentences of the closing are tasks of their own.
/// </summary>
public sealed class DirectiveReader(TimeFinder findTimes)
{
    /// <summary>
    /// Reads a directive. <paramref name="reference"/> resolves its dates when it carries no date of its own;
    /// <paramref name="receivedOn"/>, when known, resolves periods counted from its receipt.
    /// </summary>
    public Directive Read(string text, DateOnly reference, DateOnly? receivedOn = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = VietnameseText.Normalize(text).Split('\n');
        var header = DirectiveHeader.Read(lines);
        var issued = header.IssuedOn ?? header.DatedMonth ?? reference;
        var when = new When(issued.ToDateTime(TimeOnly.MinValue), receivedOn);

        var body = lines.Skip(header.BodyStart).Take(header.BodyEnd - header.BodyStart).ToList();
        var tables = TaskTable.Extract(body);
        var outline = Outline.Parse(tables.Remaining);

        var issuerUnit = header.IssuerUnit;
        var fallback = IntroUnits(outline, issuerUnit) ?? new Units(header.Recipients.Where(IsCatalogued).ToList(), []);
        var items = new ItemWords(issuerUnit);
        // Tasks in document order: outline items and table rows by their line, the closing's last.
        var tasks = new List<(int Line, DirectiveTask Task)>();
        foreach (var leaf in outline.Items.SelectMany(i => i.Leaves()))
        {
            if (IsHeadingOnly(leaf) || InNonTaskSection(leaf) || IsProvision(items.Of(leaf).Words)) continue;
            var task = TaskOf(leaf, items, fallback, when);
            if (task is not null) tasks.Add((leaf.Line, task));
        }
        if (outline.Items.Count == 0) tasks.AddRange(LetterTasks(outline, issuerUnit, fallback, when));
        foreach (var row in tables.Rows) tasks.Add((row.Line, TableTask(row, when)));
        var closingIndex = 0;
        foreach (var sentence in outline.Closing.SelectMany(Sentences))
        {
            var words = new WordText(sentence);
            if (!words.Reads(0, "giao")) continue;
            var units = UnitsOf(words, issuerUnit);
            if (units.Lead.Count == 0) continue;
            tasks.Add((int.MaxValue, Finish($"end.{++closingIndex}", TaskKind.Task, sentence, units, when)));
        }
        var ordered = tasks.OrderBy(t => t.Line).Select(t => t.Task).ToList(); // a stable sort

        return new Directive(header.Number, header.Issuer, header.IssuedOn, header.DocumentType, header.Subject, header.Signer,
            header.SignerTitle, header.Recipients, ordered);
    }

    /// <summary>What the directive's time phrases are resolved against.</summary>
    private readonly record struct When(DateTime ReferenceLocal, DateOnly? ReceivedOn);

    private sealed record Units(List<string> Lead, List<string> Support);

    /// <summary>Each item's words and units, read once however many leaves ask.</summary>
    private sealed class ItemWords(string? issuerUnit)
    {
        private readonly Dictionary<OutlineItem, (WordText Words, WordText First, Units Units)> _read = [];

        public (WordText Words, WordText First, Units Units) Of(OutlineItem item)
        {
            if (_read.TryGetValue(item, out var known)) return known;
            var words = new WordText(Clean(item.Text));
            var first = item.Paragraphs.Count == 1 ? words : new WordText(item.Paragraphs[0]);
            return _read[item] = (words, first, UnitsOf(words, issuerUnit));
        }
    }

    /// <summary>
    /// A letter with no outline: each paragraph that gives units a duty is a task, and so is each
    /// paragraph after an introduction ending ":" ("... yêu cầu UBND các xã thực hiện:"), with its units.
    /// </summary>
    private IEnumerable<(int Line, DirectiveTask Task)> LetterTasks(Outline outline, string? issuerUnit, Units fallback, When when)
    {
        Units? intro = null;
        var number = 0;
        for (var p = 0; p < outline.Preamble.Count; p++)
        {
            var words = new WordText(Clean(outline.Preamble[p]));
            var own = UnitsOf(words, issuerUnit);
            if (words.Text.EndsWith(':'))
            {
                intro = own.Lead.Count > 0 ? own : fallback;
                continue;
            }
            var units = own.Lead.Count > 0 ? own : intro;
            if (units is null || units.Lead.Count == 0) continue;
            yield return (outline.PreambleLines[p], Finish($"¶{++number}", TaskKind.Task, words.Text, units, when));
        }
    }

    /// <summary>Articles that enact rather than assign: "Ban hành kèm theo Quyết định này ...", "... có hiệu lực kể từ ngày ký".</summary>
    private static bool IsProvision(WordText words) =>
        words.Reads(0, "ban", "hanh", "kem", "theo") || words.Folded.Contains("nay co hieu luc", StringComparison.Ordinal);

    private DirectiveTask? TaskOf(OutlineItem leaf, ItemWords items, Units fallback, When when)
    {
        var (words, _, own) = items.Of(leaf);
        var text = words.Text;
        if (words.Count == 0) return null;
        if (IsRequest(leaf, items, own)) return Finish(leaf.Ref, TaskKind.Request, text, new Units([], []), when);
        var lead = own.Lead;
        var support = own.Support;
        if (lead.Count == 0)
        {
            var inherited = Inherited(leaf, items) ?? fallback;
            lead = inherited.Lead;
            support = support.Union(inherited.Support).ToList();
        }
        return Finish(leaf.Ref, TaskKind.Task, text, new Units(lead, support.Except(lead).ToList()), when);
    }

    private DirectiveTask Finish(string reference, TaskKind kind, string text, Units units, When when)
    {
        var deadline = findTimes(text, when.ReferenceLocal, when.ReceivedOn).FirstOrDefault(m => m.Role == TimeRole.Deadline)
                       ?? FieldDeadline(text, when);
        // The recognizer leaves a count from the document's own date unresolved ("trong 05 ngày làm việc kể từ
        // ngày ban hành"). The reference is that date, so the count without its "kể từ ..." resolves from it.
        if (deadline is { Kind: TimeKind.Duration, DueBefore: null, Recurrence: null } && FromIssue(deadline.Text) is { } count)
            deadline = findTimes(count, when.ReferenceLocal, when.ReceivedOn).FirstOrDefault(m => m.Role == TimeRole.Deadline) is { DueBefore: not null } resolved
                ? resolved with { Text = deadline.Text, Index = deadline.Index, Length = deadline.Length }
                : deadline;
        var recurrence = deadline?.Recurrence;
        // A repeating duty is due in every period its rule names, not once.
        var dueBefore = recurrence is null ? deadline?.DueBefore : null;
        return new DirectiveTask(reference, kind, text, units.Lead, units.Support, deadline?.Text, dueBefore, recurrence);
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
    private TimeMention? FieldDeadline(string text, When when)
    {
        foreach (var line in text.Split('\n'))
        {
            var first = Word.Split(VietnameseText.Fold(line)).Take(2).Select(w => w.Text).ToList();
            if (!Outline.IsField(line) || (DirectiveWords.IndexOf(first, "thoi") != 0 && DirectiveWords.IndexOf(first, "tien do") != 0)) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var times = findTimes(line[(colon + 1)..], when.ReferenceLocal, when.ReceivedOn);
            if (times.Count > 0) return times[0] with { DueBefore = times[0].DueBefore ?? times[0].End };
        }
        return null;
    }

    private DirectiveTask TableTask(TaskTable.Row row, When when)
    {
        var lead = UnitsIn(row.Lead);
        var support = UnitsIn(row.Support).Except(lead).ToList();
        string? deadlineText = null;
        DateTimeOffset? dueBefore = null;
        string? recurrence = null;
        if (row.Deadline.Length > 0)
        {
            // A deadline column says "by then" even where the phrase alone would not ("Tháng 6/2024", "Quý II").
            var mentions = findTimes(row.Deadline, when.ReferenceLocal, when.ReceivedOn);
            var time = mentions.FirstOrDefault(m => m.Role == TimeRole.Deadline) ?? (mentions.Count > 0 ? mentions[0] : null);
            if (time is not null)
            {
                deadlineText = time.Text;
                recurrence = time.Recurrence;
                dueBefore = recurrence is null ? time.DueBefore ?? time.End : null;
            }
        }
        return new DirectiveTask(row.Ref, TaskKind.Task, row.Content, lead, support, deadlineText, dueBefore, recurrence);
    }

    /// <summary>The catalogued units a table cell names, or the cell as written when it names none.</summary>
    private static List<string> UnitsIn(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0) return [];
        var units = UnitMentions.Find(new WordText(text)).SelectMany(m => m.Entry.Units).Distinct().ToList();
        return units.Count > 0 ? units : [text];
    }

    private static Units UnitsOf(WordText words, string? issuerUnit)
    {
        var lead = new List<string>();
        var support = new List<string>();
        foreach (var list in UnitMentions.Lists(words, issuerUnit))
        {
            var target = list.Role switch { UnitRole.Lead => lead, UnitRole.Support => support, _ => null };
            if (target is null) continue;
            foreach (var unit in list.Units)
                if (!target.Contains(unit)) target.Add(unit);
        }
        return new Units(lead, support.Except(lead).ToList());
    }

    /// <summary>The units of the nearest item above that names its own.</summary>
    private static Units? Inherited(OutlineItem leaf, ItemWords items)
    {
        for (var item = leaf.Parent; item is not null; item = item.Parent)
        {
            var units = items.Of(item).Units;
            if (units.Lead.Count > 0) return units;
        }
        return null;
    }

    /// <summary>The units of the sentence that introduces the list: "... yêu cầu Thủ trưởng các cơ quan, đơn vị ... thực hiện:".</summary>
    private static Units? IntroUnits(Outline outline, string? issuerUnit)
    {
        if (outline.Preamble.Count == 0) return null;
        var intro = new WordText(Clean(outline.Preamble[^1]));
        var units = UnitsOf(intro, issuerUnit);
        return units.Lead.Count > 0 ? units : null;
    }

    /// <summary>"Kính đề nghị các đồng chí ...": asked of Party officials or bodies outside the committee.</summary>
    private static bool IsRequest(OutlineItem leaf, ItemWords items, Units own)
    {
        for (OutlineItem? item = leaf; item is not null; item = item.Parent)
        {
            var words = items.Of(item).First;
            if (words.ReadsBeforeLoosely(3, "kinh", "de", "nghi")) return true;
            if (words.ReadsBeforeLoosely(2, "de", "nghi") && (item != leaf || own.Lead.Count == 0)) return true;
        }
        return false;
    }

    /// <summary>Sections of a plan that state its purpose or background, not duties: "I. MỤC ĐÍCH, YÊU CẦU", "CĂN CỨ".</summary>
    private static readonly string[][] NonTaskHeadings =
    [
        ["muc", "dich"], ["yeu", "cau"], ["muc", "tieu"], ["can", "cu"], ["tinh", "hinh"], ["ket", "qua"], ["danh", "gia"],
        ["quan", "diem"], ["pham", "vi"], ["doi", "tuong"],
    ];

    private static bool InNonTaskSection(OutlineItem leaf)
    {
        for (var item = leaf; item is not null; item = item.Parent)
        {
            if (item.Children.Count == 0 || !IsHeadingOnly(item)) continue;
            var heading = Word.Split(VietnameseText.Fold(item.Paragraphs[0]));
            if (heading.Count <= 8 && NonTaskHeadings.Any(h => heading.Count >= h.Length
                    && h.Select((w, k) => OcrDistance.Like(heading[k].Text, w)).All(x => x)))
                return true;
        }
        return false;
    }

    /// <summary>A heading in capitals with nothing under it but what was read elsewhere (a task table).</summary>
    private static bool IsHeadingOnly(OutlineItem item) =>
        item.Paragraphs.Count == 1 && !item.Paragraphs[0].Any(char.IsLower) && item.Paragraphs[0].Any(char.IsLetter);

    private static bool IsCatalogued(string unit) =>
        UnitCatalog.Entries.Any(e => e.Units.Contains(unit));

    private static IEnumerable<string> Sentences(string paragraph) =>
        Regex.Split(paragraph, @"(?<=[.;!?])\s+(?=\p{Lu})").Select(Clean).Where(s => s.Length > 0);

    /// <summary>One space between words; paragraphs stay on lines of their own.</summary>
    private static string Clean(string text)
    {
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

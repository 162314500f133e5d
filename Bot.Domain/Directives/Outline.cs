using System.Text;
using System.Text.RegularExpressions;
using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>How an outline item is labelled, outermost first.</summary>
public enum LabelKind
{
    Roman,
    Number,
    SubNumber,
    Letter,
    Dash,
    Plus,
}

/// <summary>One labelled item of a directive's outline with its paragraphs and children.</summary>
public sealed class OutlineItem(LabelKind kind, string label, OutlineItem? parent)
{
    public LabelKind Kind { get; } = kind;

    /// <summary>The label as the outline path writes it: "2.", "a", "-3".</summary>
    public string Label { get; } = label;

    public OutlineItem? Parent { get; } = parent;

    /// <summary>Where the item starts among the body's lines: tasks are listed in document order.</summary>
    public int Line { get; init; }

    /// <summary>The item's own paragraphs: the labelled one, then unlabelled ones that continue it.</summary>
    public List<string> Paragraphs { get; } = [];

    public List<OutlineItem> Children { get; } = [];

    public string Ref => Parent is null || Parent.Ref.Length == 0 ? Label
        : Parent.Ref.EndsWith('.') ? Parent.Ref + Label : Parent.Ref + "." + Label;

    public string Text => string.Join("\n", Paragraphs);

    public IEnumerable<OutlineItem> Leaves() =>
        Children.Count == 0 ? [this] : Children.SelectMany(c => c.Leaves());
}

/// <summary>
/// A directive's body as an outline. Hard-wrapped lines are joined into paragraphs: a new
/// paragraph starts at a label ("1.", "4.Thủ", "a)", OCR "¢)", "-", "+"), at a line that
/// starts a sentence after a line that ended one, or after a blank line that follows a
/// heading. Paragraphs before the first label are the preamble; unlabelled paragraphs
/// continue the item above them; the closing formula ("Yêu cầu ... nghiêm túc triển khai
/// thực hiện./.") and what follows it is the closing.
/// </summary>
public sealed partial class Outline
{
    private const string LetterOrder = "abcdđefghiklmnopqrstuvxy";

    [GeneratedRegex(@"^(?<l>(?:X{0,1})(?:IX|IV|V?I{0,3}))\s*\.\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex RomanLabel { get; }
    [GeneratedRegex(@"^(?<a>\d{1,2})\s*\.\s*(?<b>\d{1,2})\s*\.?\s+(?=\D)", RegexOptions.CultureInvariant)]
    private static partial Regex SubNumberLabel { get; }
    [GeneratedRegex(@"^(?<l>\d{1,2})\s*[.)](?!\d)\s*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLabel { get; }
    [GeneratedRegex(@"^(?<l>\d{1,2})\s*,\s*(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex OcrNumberLabel { get; }
    [GeneratedRegex(@"^(?:Điều|ĐIỀU|Đi[eề]u)\s+(?<l>\d{1,2})\s*[.:]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleLabel { get; }
    [GeneratedRegex(@"^(?<l>[a-zđ¢]|[a-z]¢|¢[a-z])\s*\)\s*|^(?<l>[a-zđ])\.\s+(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex LetterLabel { get; }
    [GeneratedRegex(@"^(?<l>[-–—*+])\s*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex BulletLabel { get; }

    private Outline(List<string> preamble, List<int> preambleLines, List<OutlineItem> items, List<string> closing)
    {
        Preamble = preamble;
        PreambleLines = preambleLines;
        Items = items;
        Closing = closing;
    }

    public IReadOnlyList<string> Preamble { get; }

    /// <summary>Where each preamble paragraph starts among the body's lines.</summary>
    public IReadOnlyList<int> PreambleLines { get; }

    public IReadOnlyList<OutlineItem> Items { get; }

    public IReadOnlyList<string> Closing { get; }

    public static Outline Parse(IEnumerable<string> bodyLines)
    {
        ArgumentNullException.ThrowIfNull(bodyLines);
        var paragraphs = Paragraphs(bodyLines);
        var preamble = new List<string>();
        var preambleLines = new List<int>();
        var closing = new List<string>();
        var roots = new List<OutlineItem>();
        var stack = new List<OutlineItem>();
        OutlineItem? lastContinued = null;
        foreach (var (label, text, line) in paragraphs)
        {
            lastContinued = null;
            if (closing.Count > 0 || (label is null && IsClosing(text)))
            {
                closing.Add(text);
                continue;
            }
            // Bullets citing what the directive rests on, before its first item, belong to the preamble.
            if (label is null || (roots.Count == 0 && IsCitation(text)))
            {
                if (stack.Count == 0)
                {
                    preamble.Add(text);
                    preambleLines.Add(line);
                }
                else (lastContinued = stack[^1]).Paragraphs.Add(text);
                continue;
            }
            var (kind, raw) = label.Value;
            while (stack.Count > 0 && stack[^1].Kind >= kind) stack.RemoveAt(stack.Count - 1);
            var parent = stack.Count > 0 ? stack[^1] : null;
            var siblings = parent?.Children ?? roots;
            var item = new OutlineItem(kind, LabelFor(kind, raw, siblings), parent) { Line = line };
            item.Paragraphs.Add(text);
            siblings.Add(item);
            stack.Add(item);
        }
        // A last request to everyone ("Yêu cầu các cơ quan, đơn vị triển khai thực hiện.") closes the body
        // even without "./.": it does not continue the last item.
        if (lastContinued is not null && IsLastRequest(lastContinued.Paragraphs[^1]))
        {
            closing.Add(lastContinued.Paragraphs[^1]);
            lastContinued.Paragraphs.RemoveAt(lastContinued.Paragraphs.Count - 1);
        }
        return new Outline(preamble, preambleLines, roots, closing);
    }

    private static bool IsLastRequest(string paragraph)
    {
        var words = new WordText(paragraph);
        if (words.ReadsBeforeLoosely(2, "de", "nghi") || words.ReadsBeforeLoosely(2, "yeu", "cau")) return true;
        for (var i = 1; i < Math.Min(words.Count - 1, 10); i++)
            if (words.Reads(i, "yeu", "cau") && !words.BreakBefore[i]) return words.Reads(0, "chu", "tich") || words.Reads(0, "ubnd");
        return false;
    }

    [GeneratedRegex(@"^\s*(?:can cu\b|(?:luat|nghi dinh|nghi quyet|thong tu|quyet dinh|cong van|ke hoach|chi thi|thong bao|bao cao)\s+so\s+\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Citation { get; }

    /// <summary>A document cited: "Căn cứ ...", "Nghị định số 61/2018/NĐ-CP ...".</summary>
    public static bool IsCitation(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        return IsCitationFolded(VietnameseText.Fold(paragraph));
    }

    /// <summary>The same, of a paragraph already folded.</summary>
    internal static bool IsCitationFolded(string folded) => Citation.IsMatch(folded);

    /// <summary>The closing formula: "Yêu cầu ... nghiêm túc ...", "Nhận được Công văn ...", "Trên đây là ...", or any paragraph ending "./.".</summary>
    public static bool IsClosing(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var folded = VietnameseText.Fold(paragraph).AsSpan().Trim();
        if (folded.EndsWith(":", StringComparison.Ordinal)) return false; // it introduces what follows
        if (folded.EndsWith("/.", StringComparison.Ordinal)) return true;
        if (folded.StartsWith("nhan duoc", StringComparison.Ordinal) || folded.StartsWith("tren day la", StringComparison.Ordinal)) return true;
        // "Yêu cầu Thủ trưởng các cơ quan … nghiêm túc triển khai thực hiện.": short, the ask first, "nghiêm túc" near the end.
        var opening = folded[..Math.Min(folded.Length, 80)];
        var serious = folded.LastIndexOf("nghiem tuc", StringComparison.Ordinal);
        return serious >= 0 && folded.Length <= 320 && folded.Length - serious <= 90 && opening.Contains("yeu cau", StringComparison.Ordinal);
    }

    private static string LabelFor(LabelKind kind, string raw, List<OutlineItem> siblings)
    {
        switch (kind)
        {
            case LabelKind.Letter:
                var letter = VietnameseText.Fold(raw.Replace("¢", "c", StringComparison.Ordinal))[^1..];
                if (raw.Contains('đ', StringComparison.Ordinal)) letter = "đ";
                var previous = siblings.LastOrDefault(s => s.Kind == LabelKind.Letter)?.Label;
                // OCR reads "đ)" as a second "d)" and "c)" as "¢)": a letter that does not move the list on is the next one.
                if (previous is not null && letter != "a" && LetterOrder.IndexOf(letter, StringComparison.Ordinal) <= LetterOrder.IndexOf(previous, StringComparison.Ordinal))
                {
                    var next = LetterOrder.IndexOf(previous, StringComparison.Ordinal) + 1;
                    letter = next < LetterOrder.Length ? LetterOrder[next].ToString() : letter;
                }
                return letter;
            case LabelKind.Dash:
                return "-" + (siblings.Count(s => s.Kind == LabelKind.Dash) + 1);
            case LabelKind.Plus:
                return "+" + (siblings.Count(s => s.Kind == LabelKind.Plus) + 1);
            default:
                return raw + ".";
        }
    }

    /// <summary>The label at the start of a line, if any, and the text after it.</summary>
    public static ((LabelKind Kind, string Raw)? Label, string Text) SplitLabel(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Match m;
        // "1.2." sits under "1.": its own part is the "2".
        if ((m = SubNumberLabel.Match(line)).Success) return ((LabelKind.SubNumber, m.Groups["b"].Value), line[m.Length..]);
        if ((m = NumberLabel.Match(line)).Success) return ((LabelKind.Number, m.Groups["l"].Value), line[m.Length..]);
        if ((m = ArticleLabel.Match(line)).Success) return ((LabelKind.Number, m.Groups["l"].Value), line[m.Length..]);
        if ((m = RomanLabel.Match(line)).Success && m.Groups["l"].Length > 0) return ((LabelKind.Roman, m.Groups["l"].Value), line[m.Length..]);
        if ((m = LetterLabel.Match(line)).Success) return ((LabelKind.Letter, m.Groups["l"].Value), line[m.Length..]);
        if ((m = BulletLabel.Match(line)).Success)
            return ((m.Groups["l"].Value == "+" ? LabelKind.Plus : LabelKind.Dash, m.Groups["l"].Value), line[m.Length..]);
        return (null, line);
    }

    private static List<((LabelKind Kind, string Raw)? Label, string Text, int Line)> Paragraphs(IEnumerable<string> bodyLines)
    {
        var lines = bodyLines as IReadOnlyList<string> ?? bodyLines.ToList();
        // A web page gives each paragraph a line of its own; a page of a PDF or a scan wraps them at its width.
        var unwrapped = !Wrapped(lines);
        var result = new List<((LabelKind, string)?, string, int)>();
        (LabelKind, string)? label = null;
        var text = new StringBuilder();
        var blank = false;
        var at = -1;
        var start = 0;
        void Flush()
        {
            if (text.Length > 0) result.Add((label, text.ToString(), start));
            text.Clear();
            label = null;
            start = at;
        }
        var lastNumber = 0;
        foreach (var raw in lines)
        {
            at++;
            if (text.Length == 0) start = at;
            var line = raw.Trim();
            if (line.Length == 0) { blank = true; continue; }
            if (IsNoise(line)) continue;
            // "•" lays out a web page; it starts a paragraph, not an item of the outline.
            if (line[0] is '•' or '·')
            {
                Flush();
                text.Append(line.TrimStart('•', '·', ' '));
                blank = false;
                continue;
            }
            var (found, rest) = SplitLabel(line);
            // OCR reads "3." as "3,": the next number in sequence before a capital is still a label.
            if (found is null && OcrNumberLabel.Match(line) is { Success: true } ocr
                && int.Parse(ocr.Groups["l"].Value, System.Globalization.CultureInfo.InvariantCulture) == lastNumber + 1)
                (found, rest) = ((LabelKind.Number, ocr.Groups["l"].Value), line[ocr.Length..]);
            if (found is { Kind: LabelKind.Number } number)
                lastNumber = int.Parse(number.Raw, System.Globalization.CultureInfo.InvariantCulture);
            else if (found is { Kind: LabelKind.Roman }) lastNumber = 0; // each section numbers its items afresh
            if (found is { Kind: LabelKind.Dash or LabelKind.Plus } && IsField(rest))
            {
                // "- Cơ quan chủ trì: Phòng Nội vụ" says who and when of the item above; it is not an item.
                Flush();
                text.Append(rest.Trim());
            }
            else if (found is not null)
            {
                Flush();
                label = found;
                text.Append(rest.Trim());
            }
            else if (text.Length > 0 && !unwrapped && Continues(text, label is not null, line, blank))
            {
                text.Append(' ').Append(line);
            }
            else
            {
                Flush();
                text.Append(line);
            }
            blank = false;
        }
        Flush();
        return result;
    }

    private static readonly string[] Fields =
    [
        "co quan chu tri", "don vi chu tri", "chu tri", "co quan phoi hop", "don vi phoi hop", "phoi hop", "co quan thuc hien",
        "don vi thuc hien", "thoi gian", "thoi han", "tien do", "san pham", "kinh phi",
    ];

    /// <summary>A field of a plan's item: "Cơ quan chủ trì: ...", "Thời gian hoàn thành: ...".</summary>
    public static bool IsField(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon is <= 0 or >= 40) return false;
        var words = Word.Split(VietnameseText.Fold(trimmed[..colon])).Select(w => w.Text).ToList();
        return Fields.Any(f => DirectiveWords.IndexOf(words, f) == 0);
    }

    /// <summary>
    /// Whether the text's lines are wrapped at a page's width (a PDF, a scan, a typed letter), so that a paragraph runs over
    /// several lines: most of its long lines end near one width. A web page's paragraphs are each one line, many of them
    /// far longer than any page's width.
    /// </summary>
    private static bool Wrapped(IReadOnlyList<string> lines)
    {
        var lengths = lines.Select(l => l.Trim().Length).Where(n => n > 0).Order().ToList();
        if (lengths.Count < 3) return true;
        var high = lengths[(int)(lengths.Count * 0.9)];
        return high <= 130;
    }

    private static bool Continues(StringBuilder paragraph, bool labelled, string line, bool afterBlank)
    {
        var first = line[0];
        var startsSentence = char.IsUpper(first) || char.IsDigit(first) || first is '(' or '"' or '“';
        if (!startsSentence) return true;
        var last = paragraph[^1];
        if (last is '.' or ';' or ':' or '!' or '?') return false;
        // A line closed by a bracket and a blank line end a paragraph of a web page: "… (tức ngày mùng 5 Tết)".
        if (afterBlank && last == ')') return false;
        // A heading in capitals ("I. NHIỆM VỤ CHUNG") ends where ordinary text begins.
        if (IsCapitals(paragraph) && line.Any(char.IsLower)) return false;
        // A heading ("3. Tổ chức khắc phục ...") has no punctuation; a blank line and a capital end it.
        if (afterBlank && labelled && paragraph.ToString().IndexOfAny(['.', ';', ':']) < 0 && char.IsUpper(first)) return false;
        return true;
    }

    private static bool IsCapitals(StringBuilder text)
    {
        var letters = 0;
        foreach (var chunk in text.GetChunks())
            foreach (var c in chunk.Span)
            {
                if (char.IsLower(c)) return false;
                if (char.IsLetter(c)) letters++;
            }
        return letters >= 3;
    }

    /// <summary>Lines that are not the directive's words: web addresses, page numbers, stray marks.</summary>
    private static bool IsNoise(string line) =>
        line.Contains("http://", StringComparison.OrdinalIgnoreCase) || line.Contains("https://", StringComparison.OrdinalIgnoreCase)
        || line.All(c => char.IsDigit(c) || !char.IsLetterOrDigit(c));
}

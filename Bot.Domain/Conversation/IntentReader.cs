using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Domain.Text;

namespace Bot.Domain.Conversation;

/// <summary>
/// Reads what a person wants from a chat message, with or without accents and with small typos.
/// Phrases are matched on folded words in order; a word of four letters or more may be one edit off
/// in a question, five or more in a request that changes something ("công" is not "xong").
/// Rules are tried top to bottom, so the more specific ones come first ("chưa hoàn thành" is a
/// question about open tasks, not a confirmation).
/// </summary>
public static partial class IntentReader
{
    private sealed record Rule(string[][] Phrases, Func<IReadOnlyList<int>, Intent> Make, bool Changes, bool Exact = false);

    // Each rule: the phrases that trigger it (folded), and the intent it makes from the task numbers
    // found in the message (after its dates, directive numbers and percentages are taken out).
    private static readonly Rule[] Rules =
    [
        When(["gia han", "xin gia han", "lui han", "keo dai han", "xin them thoi gian", "doi han"], n => new ExtensionIntent(First(n)), changes: true),
        When(["xuat bao cao", "gui bao cao", "bieu do", "xuat excel", "tep excel", "file excel", "bang excel", "bao cao thang", "bao cao quy", "bao cao nam",
              "bao cao tuan", "bao cao ky"], _ => new ReportIntent()),
        When(["ban goc", "van ban goc", "file goc", "tep goc", "ban chinh", "gui van ban", "gui lai van ban", "gui cong van", "gui file", "gui tep",
              "gui lai file", "tai van ban", "xin van ban", "file van ban", "tep van ban"], n => new OriginalIntent(null, First(n))),
        When(["chua hoan thanh", "chua xong", "viec chua lam", "con no"], _ => new MyTasksIntent()),
        When(["hoan tac", "huy xac nhan", "bo xac nhan", "undo", "lam lai"], _ => new UndoIntent(), changes: true),
        When(["bat tom tat", "mo tom tat", "nhan tom tat"], _ => new DigestIntent(true), changes: true),
        When(["tat tom tat", "bo tom tat", "dung tom tat"], _ => new DigestIntent(false), changes: true),
        When(["nhac lai", "nhac sau", "bao lai sau", "hoan nhac", "nhac toi", "nhac em", "nhac minh", "nhac toi vao"], n => new SnoozeIntent(First(n)), changes: true),
        When(["tat nhac", "dung nhac", "bo nhac", "khong nhac"], n => new RemindersIntent(false, First(n)), changes: true),
        When(["bat nhac", "mo nhac"], n => new RemindersIntent(true, First(n)), changes: true),
        When(["tien do", "thong ke", "xep hang", "tinh hinh thuc hien", "bao cao tien do", "xep thu"], _ => new ProgressIntent()),
        When(["da xong", "xong viec", "xong", "da hoan thanh", "hoan thanh", "da lam xong", "done", "ok xong", "lam dc roi", "lam duoc roi",
              "da lam duoc", "da lam dc", "lam xong roi", "xong roi"],
            n => n.Count == 0 ? new DoneIntent(null) : new DoneIntent(n[0]) { Numbers = n }, changes: true),
        When(["qua han", "tre han", "tre", "cham han", "bi cham", "tre hen", "cham nhat", "cham tre"], _ => new OverdueIntent()),
        When(["sap den han", "sap het han", "sap toi han", "den han", "toi han", "han chot", "sap han", "het han", "co han", "han gi", "han"], _ => new DueSoonIntent()),
        When(["xem them", "trang sau", "tiep theo", "xem tiep"], _ => new MoreIntent()),
        When(["viec cua toi", "con viec gi", "con viec", "danh sach viec", "nhiem vu", "cong viec", "viec gi", "viec", "ds viec",
              "con gi", "lam gi", "can lam", "phai lam", "co gi"],
            n => n.Count > 0 ? new TaskDetailIntent(n[0]) : new MyTasksIntent()),
        When(["chi tiet", "xem"], n => n.Count > 0 ? new TaskDetailIntent(n[0]) : new MyTasksIntent()),
        When(["cam on", "camon", "thank", "thanks", "tks", "ok", "oke", "okay", "dc roi", "duoc roi", "vang", "uhm", "da ro", "ro roi"],
            _ => new ThanksIntent(), exact: true),
        When(["xin chao", "chao", "hello", "hi", "alo", "chao ban"], _ => new GreetingIntent(), exact: true),
        When(["huong dan", "giup", "tro giup", "help", "lam sao", "cach dung"], _ => new HelpIntent()),
    ];

    private static readonly Dictionary<string, Func<string?, Intent>> Commands = new(StringComparer.Ordinal)
    {
        ["start"] = code => new StartIntent(string.IsNullOrWhiteSpace(code) ? null : code.Trim()),
        ["help"] = _ => new HelpIntent(),
        ["huongdan"] = _ => new HelpIntent(),
        ["viec"] = _ => new MyTasksIntent(),
        ["sapden"] = _ => new DueSoonIntent(),
        ["quahan"] = _ => new OverdueIntent(),
        ["tiendo"] = _ => new ProgressIntent(),
        ["xong"] = arg => new DoneIntent(CommandNumber(arg)),
        ["hoantac"] = _ => new UndoIntent(),
    };

    public static Intent Read(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return new UnknownIntent();
        var text = VietnameseText.Normalize(message).Trim();
        if (text.Length > 1000) return new UnknownIntent(); // nobody asks a question that long
        var folded = VietnameseText.Fold(text);

        if (folded.StartsWith('/'))
        {
            var space = folded.IndexOf(' ', StringComparison.Ordinal);
            var name = (space < 0 ? folded[1..] : folded[1..space]).Split('@')[0];
            var arg = space < 0 ? null : text[(space + 1)..];
            return Commands.TryGetValue(name, out var make) ? make(arg) : new UnknownIntent();
        }

        folded = Typing.Fold(folded);
        if (folded.Length != text.Length) text = folded; // Telex or VNI words were read: the folded text is the one to cut from
        if (DirectiveNumber().Match(folded) is { Success: true } directive)
            return new DirectiveIntent(new DirectiveRef(text.Substring(directive.Groups["number"].Index, directive.Groups["number"].Length).ToUpperInvariant()));

        var words = Word.Split(folded).Select(w => w.Text).ToArray();
        return Read(words, [.. words.Select(Number).OfType<int>()]);
    }

    /// <summary>
    /// What the words ask (folded, Telex and VNI read), given the task numbers among them; the time
    /// phrases, directive numbers and percentages of the message are read apart (<see cref="TurnReader"/>).
    /// </summary>
    public static Intent Read(IReadOnlyList<string> words, IReadOnlyList<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(numbers);
        if (words.Count == 1 && numbers.Count == 1 && words[0].All(char.IsAsciiDigit)) return new TaskDetailIntent(numbers[0]);
        foreach (var rule in Rules)
        {
            var typoFrom = rule.Exact ? int.MaxValue : rule.Changes ? 5 : 4;
            if (rule.Phrases.Any(p => Contains(words, p, typoFrom))) return rule.Make(numbers);
        }
        return new UnknownIntent();
    }

    /// <summary>A task number as typed: 1 to 9999.</summary>
    public static int? Number(string word) =>
        word.Length <= 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static int? First(IReadOnlyList<int> numbers) => numbers.Count > 0 ? numbers[0] : null;

    private static Rule When(string[] phrases, Func<IReadOnlyList<int>, Intent> make, bool changes = false, bool exact = false) =>
        new(phrases.Select(p => p.Split(' ')).ToArray(), make, changes, exact);

    /// <summary>True when the phrase's words occur in order, next to each other, each alike.</summary>
    private static bool Contains(IReadOnlyList<string> words, string[] phrase, int typoFrom)
    {
        for (var start = 0; start + phrase.Length <= words.Count; start++)
        {
            var all = true;
            for (var k = 0; k < phrase.Length && all; k++) all = Alike(words[start + k], phrase[k], typoFrom);
            if (all) return true;
        }
        return false;
    }

    /// <summary>Equal, or one typing slip away (insert, delete, swap, replace) for words of <paramref name="typoFrom"/> letters or more.</summary>
    internal static bool Alike(string typed, string expected, int typoFrom = 4)
    {
        if (typed == expected) return true;
        if (expected.Length < typoFrom || Math.Abs(typed.Length - expected.Length) > 1) return false;
        // A short word with a letter missing is usually another word ("don" is "đơn", not "done").
        if (expected.Length == 4 && typed.Length < 4) return false;
        return TypingDistance(typed, expected) <= 1;
    }

    private static int TypingDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    private static int? CommandNumber(string? text) =>
        text is not null && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // "công văn 1259", "cv số 1259/UBND-VP", "chỉ thị 4", "kế hoạch 33/KH-UBND", "văn bản 545"
    [GeneratedRegex(@"\b(?:cong van|cv|chi thi|ke hoach|kh|van ban|vb|quyet dinh|qd|thong bao|tb)\s*(?:so\s*)?:?\s*(?<number>\d{1,5}(?:/[a-z0-9&\-]+)*)", RegexOptions.NonBacktracking)]
    internal static partial Regex DirectiveNumber();
}

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
    private sealed record Rule(string[][] Phrases, Func<int?, Intent> Make, bool Changes);

    // Each rule: the phrases that trigger it (folded), and the intent it makes (with the number
    // found in the message, if any).
    private static readonly Rule[] Rules =
    [
        When(["chua hoan thanh", "chua xong", "viec chua lam", "con no"], _ => new MyTasksIntent()),
        When(["hoan tac", "huy xac nhan", "bo xac nhan", "undo", "lam lai"], _ => new UndoIntent(), changes: true),
        When(["bat tom tat", "mo tom tat", "nhan tom tat"], _ => new DigestIntent(true), changes: true),
        When(["tat tom tat", "bo tom tat", "dung tom tat"], _ => new DigestIntent(false), changes: true),
        When(["nhac lai", "nhac sau", "bao lai sau", "hoan nhac"], n => new SnoozeIntent(n), changes: true),
        When(["tat nhac", "dung nhac", "bo nhac", "khong nhac"], n => new RemindersIntent(false, n), changes: true),
        When(["bat nhac", "mo nhac"], n => new RemindersIntent(true, n), changes: true),
        When(["tien do", "thong ke", "xep hang", "tinh hinh thuc hien", "bao cao tien do"], _ => new ProgressIntent()),
        When(["da xong", "xong viec", "xong", "da hoan thanh", "hoan thanh", "da lam xong", "done", "ok xong"], n => new DoneIntent(n), changes: true),
        When(["qua han", "tre han", "tre", "cham han", "bi cham", "tre hen"], _ => new OverdueIntent()),
        When(["sap den han", "sap het han", "sap toi han", "den han", "toi han", "han chot", "sap han"], _ => new DueSoonIntent()),
        When(["xem them", "trang sau", "tiep theo", "xem tiep"], _ => new MoreIntent()),
        When(["viec cua toi", "con viec gi", "con viec", "danh sach viec", "nhiem vu", "cong viec", "viec gi", "viec", "ds viec"],
            n => n is { } number ? new TaskDetailIntent(number) : new MyTasksIntent()),
        When(["chi tiet", "xem"], n => n is { } number ? new TaskDetailIntent(number) : new MyTasksIntent()),
        When(["xin chao", "chao", "hello", "hi", "alo", "chao ban"], _ => new GreetingIntent()),
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
        ["xong"] = arg => new DoneIntent(Number(arg)),
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

        if (DirectiveNumber().Match(folded) is { Success: true } directive)
            return new DirectiveIntent(text.Substring(directive.Groups["number"].Index, directive.Groups["number"].Length).ToUpperInvariant());

        var words = Word.Split(folded).Select(w => w.Text).ToArray();
        var number = FirstNumber(words);
        if (words.Length == 1 && number is { } only) return new TaskDetailIntent(only);
        foreach (var rule in Rules)
        {
            var typoFrom = rule.Changes ? 5 : 4;
            if (rule.Phrases.Any(p => Contains(words, p, typoFrom))) return rule.Make(number);
        }
        return new UnknownIntent();
    }

    private static Rule When(string[] phrases, Func<int?, Intent> make, bool changes = false) =>
        new(phrases.Select(p => p.Split(' ')).ToArray(), make, changes);

    /// <summary>True when the phrase's words occur in order, next to each other, each alike.</summary>
    private static bool Contains(string[] words, string[] phrase, int typoFrom)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
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

    private static int? FirstNumber(string[] words)
    {
        foreach (var w in words)
            if (w.Length <= 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        return null;
    }

    private static int? Number(string? text) =>
        text is not null && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // "công văn 1259", "cv số 1259/UBND-VP", "chỉ thị 4", "kế hoạch 33/KH-UBND", "văn bản 545"
    [GeneratedRegex(@"\b(?:cong van|cv|chi thi|ke hoach|kh|van ban|vb|quyet dinh|qd|thong bao|tb)\s*(?:so\s*)?:?\s*(?<number>\d{1,5}(?:/[a-z0-9&\-]+)*)", RegexOptions.NonBacktracking)]
    private static partial Regex DirectiveNumber();
}

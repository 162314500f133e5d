using Bot.Domain.Organization;
using Bot.Domain.Text;

namespace Bot.Domain.Conversation;

/// <summary>A unit named in a message: the units it may mean (one when sure), and where its words are.</summary>
public sealed record UnitNamed(IReadOnlyList<Unit> Units, int FirstWord, int WordCount);

/// <summary>
/// Finds the unit a chat message names, through the district's directory: full names and aliases
/// ("Phòng Tư pháp", "UBND xã Đại Hợp"), the name alone ("Nguyên Giáp", "nội vụ"), after a word
/// that says its kind also abbreviated or mistyped ("p. nội vụ", "xã NG", "xã nguyen giapp").
/// Initials alone are not names ("dc" is "được"), so they count only after such a word.
/// </summary>
public sealed class NamedUnits
{
    private const int LongestName = 7;

    // Words in front of a name that say what kind of unit it is.
    private static readonly (string[] Words, UnitKind[] Kinds)[] KindWords =
    [
        (["ubnd", "xa"], [UnitKind.Commune]),
        (["ubnd", "thi", "tran"], [UnitKind.Town]),
        (["thi", "tran"], [UnitKind.Town]),
        (["xa"], [UnitKind.Commune]),
        (["tt"], [UnitKind.Town]),
        (["phong"], [UnitKind.Department, UnitKind.Office]),
        (["p"], [UnitKind.Department]),
    ];

    private readonly Dictionary<string, List<Unit>> _exact = new(StringComparer.Ordinal);
    private readonly List<(Unit Unit, string[] Bare)> _bare = [];

    public NamedUnits(UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        foreach (var unit in units.Units)
        {
            var bare = Bare(unit);
            _bare.Add((unit, bare));
            foreach (var form in Forms(unit, bare)) Add(form, unit);
        }
    }

    /// <summary>The first unit named in the words (folded), the longest name first; null when none is.</summary>
    public UnitNamed? Find(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            for (var n = Math.Min(LongestName, words.Count - i); n >= 1; n--)
                if (_exact.TryGetValue(string.Join(' ', words.Skip(i).Take(n)), out var hit)) return new UnitNamed(hit, i, n);
            if (Mistyped(words, i) is { } near) return near;
        }
        return null;
    }

    /// <summary>After a kind word, a name typed with a slip in each word ("xã nguyen giapp").</summary>
    private UnitNamed? Mistyped(IReadOnlyList<string> words, int at)
    {
        foreach (var (kindWords, kinds) in KindWords)
        {
            if (!Starts(words, at, kindWords)) continue;
            var from = at + kindWords.Length;
            var found = _bare
                .Where(b => kinds.Contains(b.Unit.Kind) && from + b.Bare.Length <= words.Count
                    && b.Bare.Select((w, k) => IntentReader.Alike(words[from + k], w, typoFrom: 3)).All(x => x))
                .Select(b => (b.Unit, b.Bare.Length)).ToList();
            if (found.Count > 0) return new UnitNamed([.. found.Select(f => f.Unit).Distinct()], at, kindWords.Length + found.Max(f => f.Length));
            // Initials cut short ("phòng GD" for Giáo dục và Đào tạo): the units whose initials begin so; several are asked back.
            if (from < words.Count && words[from].Length is >= 2 and <= 4 && words[from].All(char.IsAsciiLetter))
            {
                var begun = _bare.Where(b => kinds.Contains(b.Unit.Kind) && Initials(b.Bare).StartsWith(words[from], StringComparison.Ordinal))
                    .Select(b => b.Unit).ToList();
                if (begun.Count > 0) return new UnitNamed(begun, at, kindWords.Length + 1);
            }
        }
        return null;
    }

    private static string Initials(string[] bare) => new([.. bare.Where(w => w is not ("va" or "-")).Select(w => w[0])]);

    private static bool Starts(IReadOnlyList<string> words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Count) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (words[at + k] != phrase[k]) return false;
        return true;
    }

    private void Add(string form, Unit unit)
    {
        var key = string.Join(' ', Word.Split(VietnameseText.Key(form)).Select(w => w.Text));
        if (key.Length == 0) return;
        if (!_exact.TryGetValue(key, out var list)) _exact[key] = list = [];
        if (!list.Contains(unit)) list.Add(unit);
    }

    /// <summary>The name without the word for its kind: "nguyen giap" for Xã Nguyên Giáp, "noi vu" for Phòng Nội vụ.</summary>
    private static string[] Bare(Unit unit)
    {
        var words = Word.Split(VietnameseText.Key(unit.Name)).Select(w => w.Text).ToArray();
        var skip = unit.Kind switch
        {
            UnitKind.Commune when words is ["xa", ..] => 1,
            UnitKind.Town when words is ["thi", "tran", ..] => 2,
            UnitKind.Department when words is ["phong", ..] => 1,
            _ => 0,
        };
        return words[skip..];
    }

    /// <summary>Every written form: the directory's, the bare name (of two words or more), and kind word + name or initials.</summary>
    private static IEnumerable<string> Forms(Unit unit, string[] bare)
    {
        yield return unit.Name;
        foreach (var alias in unit.Aliases) yield return alias;
        var name = string.Join(' ', bare);
        if (bare.Length >= 2 && unit.Kind is not (UnitKind.DistrictLeadership or UnitKind.Office)) yield return name;
        var initials = Initials(bare);
        foreach (var (kindWords, kinds) in KindWords)
        {
            if (!kinds.Contains(unit.Kind)) continue;
            var kind = string.Join(' ', kindWords);
            yield return $"{kind} {name}";
            if (initials.Length >= 2) yield return $"{kind} {initials}";
        }
    }
}

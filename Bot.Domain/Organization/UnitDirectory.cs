using Bot.Domain.Text;

namespace Bot.Domain.Organization;

/// <summary>
/// The units of a district and the group names that stand for several of them. Finds a unit or
/// group from a name as people or OCR wrote it: accents folded, case and spacing ignored, the
/// title words in front of a name ("Chủ tịch UBND xã", "Thủ trưởng") optional, OCR noise forgiven.
/// </summary>
public sealed class UnitDirectory
{
    // Words in front of a unit's name that say who in it, not which unit.
    private static readonly string[] Titles = ["chu tich", "thu truong", "truong", "lanh dao", "giam doc"];

    private readonly Dictionary<string, Unit> _byCode;
    private readonly List<(string[] Words, Unit? Unit, UnitGroup? Group)> _forms = [];
    private readonly Dictionary<string, (Unit? Unit, UnitGroup? Group)> _exact = new(StringComparer.Ordinal);

    public UnitDirectory(IEnumerable<Unit> units, IEnumerable<UnitGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(groups);
        Units = units.ToList();
        Groups = groups.ToList();
        _byCode = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in Units)
        {
            if (!_byCode.TryAdd(unit.Code, unit)) throw new ArgumentException($"Mã đơn vị trùng: {unit.Code}", nameof(units));
            foreach (var form in WrittenForms(unit)) AddForm(form, unit, null);
        }
        foreach (var group in Groups)
            foreach (var form in group.Aliases.Prepend(group.Name)) AddForm(form, null, group);
    }

    public IReadOnlyList<Unit> Units { get; }

    /// <summary>The district as its file names it, with its province: "Huyện Tứ Kỳ, tỉnh Hải Dương"; null when not said.</summary>
    public string? District { get; init; }

    /// <summary>
    /// Whether the district follows what this issuer sends out: its own bodies ("UBND huyện Tứ Kỳ", "Phòng Nội vụ") and its
    /// province's ("UBND tỉnh Hải Dương"), not another district's ("UBND huyện Thanh Hà"). Every place the issuer names must
    /// be the district or its province, each word alike as OCR and typing slips allow ("huyện Tt Kỳ" is Tứ Kỳ); an issuer
    /// naming no place is taken as the district's own, and a directory that does not name its district follows every issuer.
    /// </summary>
    public bool Follows(string? issuer)
    {
        if (District is null || string.IsNullOrWhiteSpace(issuer)) return true;
        var ours = District.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(PlacesIn).ToList();
        return PlacesIn(issuer).All(named => ours.Any(our => named.Length >= our.Length && our.Select((w, i) => Alike(named[i], w)).All(x => x)));
    }

    // The kinds of place whose name follows them: "huyện Tứ Kỳ", "tỉnh Hải Dương", "thị xã …", "thành phố …" ("quận" is not: "cơ quan").
    private static readonly string[][] PlaceKinds = [["huyen"], ["tinh"], ["thi", "xa"], ["thanh", "pho"]];

    /// <summary>The places a name says, each as its folded words: "UBND huyện Tứ Kỳ" → [tu, ky].</summary>
    private static IEnumerable<string[]> PlacesIn(string name)
    {
        var words = Word.Split(VietnameseText.Fold(VietnameseText.Normalize(name))).Select(w => w.Text).ToList();
        int KindAt(int i) => PlaceKinds.FirstOrDefault(k => i + k.Length <= words.Count && k.Select((w, j) => words[i + j] == w).All(x => x))?.Length ?? 0;
        for (var i = 0; i < words.Count; i++)
        {
            var kind = KindAt(i);
            if (kind == 0) continue;
            var place = new List<string>();
            for (i += kind; i < words.Count && KindAt(i) == 0; i++) place.Add(words[i]);
            i--;
            if (place.Count > 0) yield return [.. place];
        }
    }

    // A place's word as the issuer's line shows it: the same, read through OCR's confusions, or one slip off.
    private static bool Alike(string seen, string meant) =>
        seen == meant || OcrDistance.Like(seen, meant) || (seen[0] == meant[0] && OcrDistance.Between(seen, meant) <= 1);

    public IReadOnlyList<UnitGroup> Groups { get; }

    public Unit? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The one unit a name means, or null (a group name or an unknown name).</summary>
    public Unit? Find(string name) => Lookup(name) is ({ } unit, _) ? unit : null;

    /// <summary>
    /// The units a name on a directive stands for: one unit, a group's members, the units chosen
    /// at publish for "Các cơ quan, đơn vị liên quan", or nothing when the name is unknown.
    /// </summary>
    public UnitResolution Resolve(string name, IReadOnlyCollection<Unit>? chosenAtPublish = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (unit, group) = Lookup(name);
        if (unit is not null) return new UnitResolution(name, [unit], UnitResolution.Outcome.Unit);
        if (group is null) return new UnitResolution(name, [], UnitResolution.Outcome.Unknown);
        if (group.ChosenAtPublish)
        {
            return chosenAtPublish is { Count: > 0 }
                ? new UnitResolution(name, chosenAtPublish.ToList(), UnitResolution.Outcome.Group)
                : new UnitResolution(name, [], UnitResolution.Outcome.NeedsChoice);
        }
        var members = Units.Where(u => group.MemberKinds.Contains(u.Kind)).ToList();
        return new UnitResolution(name, members, UnitResolution.Outcome.Group);
    }

    private (Unit? Unit, UnitGroup? Group) Lookup(string name)
    {
        var key = VietnameseText.Key(name).TrimEnd('.', ',', ';', ':');
        if (_exact.TryGetValue(key, out var hit)) return hit;
        var words = Word.Split(WithoutTitle(key)).Select(w => w.Text).ToArray();
        if (words.Length == 0) return (null, null);
        if (_exact.TryGetValue(string.Join(' ', words), out hit)) return hit;
        // OCR-damaged or mistyped: the written form whose words are each like the given words.
        (Unit?, UnitGroup?) best = (null, null);
        var bestCost = double.MaxValue;
        foreach (var (formWords, unit, group) in _forms)
        {
            if (formWords.Length != words.Length) continue;
            var cost = 0.0;
            for (var i = 0; i < words.Length && cost < bestCost; i++)
            {
                if (!OcrDistance.Like(words[i], formWords[i])) { cost = double.MaxValue; break; }
                cost += OcrDistance.Between(words[i], formWords[i]);
            }
            if (cost < bestCost) (best, bestCost) = ((unit, group), cost);
        }
        return best;
    }

    private void AddForm(string form, Unit? unit, UnitGroup? group)
    {
        var words = Word.Split(WithoutTitle(VietnameseText.Key(form))).Select(w => w.Text).ToArray();
        if (words.Length == 0) return;
        _exact.TryAdd(VietnameseText.Key(form), (unit, group));
        _exact.TryAdd(string.Join(' ', words), (unit, group));
        _forms.Add((words, unit, group));
    }

    private static string WithoutTitle(string key)
    {
        foreach (var title in Titles)
            if (key.StartsWith(title + " ", StringComparison.Ordinal)) return key[(title.Length + 1)..];
        return key;
    }

    /// <summary>The name, its aliases, and for a commune or town the forms "UBND xã X", "xã X", "X".</summary>
    private static IEnumerable<string> WrittenForms(Unit unit)
    {
        yield return unit.Name;
        foreach (var alias in unit.Aliases) yield return alias;
        if (unit.Kind is not (UnitKind.Commune or UnitKind.Town)) yield break;
        var key = VietnameseText.Key(unit.Name);
        var prefix = unit.Kind == UnitKind.Commune ? "xa " : "thi tran ";
        var bare = key.StartsWith(prefix, StringComparison.Ordinal) ? unit.Name[prefix.Length..].Trim() : unit.Name;
        yield return bare;
        yield return (unit.Kind == UnitKind.Commune ? "xã " : "thị trấn ") + bare;
        yield return (unit.Kind == UnitKind.Commune ? "UBND xã " : "UBND thị trấn ") + bare;
    }
}

/// <summary>What a unit name on a directive resolved to.</summary>
public sealed record UnitResolution(string Name, IReadOnlyList<Unit> Units, UnitResolution.Outcome Result)
{
    public enum Outcome
    {
        /// <summary>One unit of the directory.</summary>
        Unit,

        /// <summary>A group: its members.</summary>
        Group,

        /// <summary>"Các cơ quan, đơn vị liên quan" with no units chosen at publish.</summary>
        NeedsChoice,

        /// <summary>Not a unit or group of this district.</summary>
        Unknown,
    }
}

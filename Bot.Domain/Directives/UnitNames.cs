using System.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// Units read by their shape where the vocabulary (<see cref="UnitCatalog"/>) does not hold them:
/// a named body — a head noun and its name, up to its tier ("Trạm Thủy lợi huyện", "Ban Tuyên giáo
/// Huyện ủy", "Chi nhánh văn phòng đăng ký đất đai", "UBND xã Đồng Tân") — and a group — "các" and
/// nouns of kinds of units ("các cơ quan, ban ngành, đoàn thể cấp huyện", "các thôn, tổ dân phố"),
/// whose members depend on the tier the directive speaks from. Named bodies keep their written name.
/// </summary>
public static class UnitNames
{
    /// <summary>Head nouns of a named body; a weak head (also an ordinary word: "phòng" prevention, "tổ" in "tổ chức") needs a capitalised name.</summary>
    private static readonly (string[] Words, bool Strong)[] Heads =
    [
        (["trung", "tam"], true), (["chi", "cuc"], true), (["cuc"], false), (["van", "phong"], false), (["cong", "an"], true),
        (["bo", "chi", "huy"], true), (["ban", "chi", "huy"], true), (["ban", "chi", "dao"], true), (["ban", "quan", "ly"], true),
        (["ban", "an", "toan"], true), (["thanh", "tra"], false), (["kho", "bac"], true), (["chi", "nhanh"], true),
        (["cong", "thong", "tin"], true), (["trang", "thong", "tin"], true), (["dai", "truyen", "thanh"], true), (["dai", "phat", "thanh"], true),
        (["benh", "vien"], true), (["co", "quan", "thuong", "truc"], true), (["thuong", "truc"], false), (["so"], false), (["phong"], false),
        (["ban"], false), (["hoi"], false), (["doan"], false), (["to"], false), (["doi"], false), (["tram"], false), (["dai"], false),
        (["thanh", "vien"], false), (["lien", "doan"], false), (["uy", "ban"], false), (["hoi", "dong"], false),
        // Schools by their kind: "Trường" alone is also the title "Trưởng".
        (["truong", "thpt"], true), (["truong", "thcs"], true), (["truong", "tieu", "hoc"], true), (["truong", "mam", "non"], true),
        (["truong", "mau", "giao"], true), (["truong", "dai", "hoc"], true), (["truong", "cao", "dang"], true), (["truong", "trung", "cap"], true),
        (["truong", "trung", "hoc"], true), (["truong", "chinh", "tri"], true), (["truong", "pho", "thong"], true),
        (["hat"], false), (["vien", "kiem", "sat"], true), (["toa", "an"], true), (["huyen", "doan"], true), (["tinh", "doan"], true),
        (["ubnd"], false), (["uy", "ban", "nhan", "dan"], false), (["hop", "tac", "xa"], false),
    ];

    /// <summary>
    /// A committee as the text names it, without its head's title: "UBND huyện", "UBND thành phố" (for "UBND TP"), "UBND xã
    /// Tây Sơn"; the written words of the mention after the title.
    /// </summary>
    public static string CommitteeName(WordText text, UnitMention m)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(m);
        var k = m.Start;
        while (k < m.End && !text.Reads(k, "ubnd") && !text.Reads(k, "uy", "ban") && !text.Reads(k, "hdnd") && !text.Reads(k, "hoi", "dong")) k++;
        if (k >= m.End) return m.Units[0];
        var written = Written(text, k, m.End);
        return written.StartsWith("HĐND", StringComparison.Ordinal) || written.StartsWith("Hội đồng", StringComparison.Ordinal)
            ? "HĐND" + written[(written.StartsWith("HĐND", StringComparison.Ordinal) ? 4 : "Hội đồng nhân dân".Length)..]
            : written.StartsWith("UBND", StringComparison.Ordinal) ? written : m.Units[0];
    }

    private static readonly Dictionary<string, (string[] Words, bool Strong)[]> HeadsByFirst =
        Heads.GroupBy(h => h.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Words a named body or a group may start with (a head's first word, "các", "UBND" …): any other word starts neither.</summary>
    internal static IEnumerable<string> StartWords =>
        HeadsByFirst.Keys.Concat(["cac", "nhung", "tat", "moi", "ubnd", "uy", "hdnd", "hoi"]);

    /// <summary>The tiers a name may end with ("... huyện", "... Huyện ủy"); a place name may follow ("xã Đồng Tân").</summary>
    private static readonly string[][] Tiers =
    [
        ["thanh", "pho"], ["thi", "xa"], ["thi", "tran"], ["huyen", "uy"], ["tinh", "uy"], ["dang", "uy"], ["huyen"], ["tinh"],
        ["xa"], ["quan"], ["phuong"], ["tp"],
    ];

    /// <summary>Lower-case words that occur inside the names of bodies ("Cổng thông tin điện tử", "Ban Chỉ đạo chăm sóc sức khỏe nhân dân").</summary>
    private static readonly HashSet<string> NameWords = new(
        UnitCatalog.Entries.SelectMany(e => e.Forms).SelectMany(f => f.Split(' ')).Select(w => w.Trim('[', ']'))
            .Where(w => w.Length > 1 && w.All(char.IsLetter))
            .Concat([
                "thuy", "loi", "thien", "tai", "tim", "kiem", "cuu", "nan", "ho", "an", "toan", "giao", "thong", "tin", "dien", "tu",
                "truyen", "thanh", "hinh", "phat", "van", "hoa", "the", "thao", "du", "lich", "dang", "ky", "dat", "dai", "quy",
                "trien", "cham", "soc", "suc", "khoe", "nhan", "dan", "so", "gia", "dinh", "khuyen", "nong", "dich", "vu", "cong",
                "nghe", "khoa", "hoc", "bau", "cu", "tuyen", "giao", "thu", "y", "bao", "thuc", "vat", "chan", "nuoi", "san", "lam",
                "nghiep", "nuoc", "sach", "ve", "sinh", "moi", "truong", "do", "thi", "xay", "dung", "du", "an", "dau", "hanh", "chinh",
                "mot", "cua", "tiep", "phap", "ly", "tro", "giup", "hiem", "te", "duc", "dao", "tao", "nghe", "lien", "hiep", "phu",
                "nu", "chien", "binh", "nien", "san", "minh", "lao", "dong", "thuong", "xa", "hoi", "tri", "mat", "tran", "to", "quoc",
                "viet", "nam", "bien", "phong", "quan", "su", "chi", "huy", "bo", "doi", "canh", "sat", "chay", "chua", "nha", "trung",
                "uong", "khu", "vuc", "ke", "hoach", "tai", "chinh", "noi", "ngoai", "kinh", "te", "ha", "tang", "thue", "kho", "bac",
                "hop", "phong", "chong", "mien", "nui", "dan", "toc", "ton", "giao", "thanh", "tra", "khuyen", "cong", "nghiep", "thuong", "mai", "kiem", "lam", "dia", "chinh", "ho", "tich",
                "tiep", "cong", "dan", "hop", "tac", "tin", "dung", "ngan", "hang", "chinh", "sach", "dien", "luc", "cap", "nuoc",
                "moi", "truong", "dich", "te", "benh", "tat", "an", "ninh", "trat", "tu", "ma", "tuy", "dac", "biet",
            ]),
        StringComparer.Ordinal);

    /// <summary>The words these shapes are made of: OCR-tolerant reading keeps them as they are ("nhánh" is not "nhận").</summary>
    internal static IEnumerable<string> Vocabulary =>
        NameWords.Concat(Heads.SelectMany(h => h.Words)).Concat(AgencyNouns.Concat(UnionNouns).Concat(VillageNouns).Concat(OtherNouns).SelectMany(n => n));

    /// <summary>Nouns of kinds of units that "các" makes a group of.</summary>
    private static readonly string[][] AgencyNouns = [["co", "quan"], ["don", "vi"], ["so"], ["ban", "nganh"], ["ban"], ["nganh"], ["phong"]];

    private static readonly string[][] LocalityNouns = [["dia", "phuong"]];

    private static readonly string[][] UnionNouns = [["doan", "the"], ["to", "chuc", "doan", "the"], ["to", "chuc", "chinh", "tri", "xa", "hoi"],
        ["to", "chuc", "chinh", "tri"], ["hoi", "doan", "the"]];

    /// <summary>Villages and wards' quarters: a group of them keeps its written name ("Các thôn, tổ dân phố").</summary>
    private static readonly string[][] VillageNouns =
    [
        ["thon"], ["ap"], ["ban"], ["buon"], ["lang"], ["xom"], ["khom"], ["khu", "dan", "cu"], ["to", "dan", "pho"], ["khu", "pho"],
        ["to", "dan", "cu"], ["khoi", "pho"], ["to", "dan", "pho"], ["ap", "khu", "pho"],
    ];

    /// <summary>Other kinds of bodies a group may be made of ("các trường học", "các doanh nghiệp").</summary>
    private static readonly string[][] OtherNouns =
    [
        ["truong", "hoc"], ["doanh", "nghiep"], ["hop", "tac", "xa"], ["thanh", "vien"], ["benh", "vien"], ["trung", "tam"], ["tram", "y", "te"],
    ];

    /// <summary>Words after the nouns of a group that belong to it: "chuyên môn", "cấp huyện", "trực thuộc", "trên địa bàn huyện".</summary>
    private static readonly string[][] Qualifiers =
    [
        ["chuyen", "mon"], ["cap", "tinh"], ["cap", "huyen"], ["cap", "xa"], ["truc", "thuoc"], ["chinh", "tri"], ["xa", "hoi"],
        ["chuc", "nang"], ["quan", "ly", "nha", "nuoc"], ["qlnn"], ["su", "nghiep"], ["cong", "lap"], ["tinh"], ["huyen"], ["xa"],
        ["thuoc", "tinh"], ["thuoc", "huyen"], ["thuoc", "ubnd", "huyen"], ["thuoc", "ubnd", "tinh"], ["thuoc", "uy", "ban", "nhan", "dan", "huyen"],
        ["thuoc", "uy", "ban", "nhan", "dan", "tinh"], ["tren", "dia", "ban"], ["dong", "tren", "dia", "ban"],
    ];

    private static readonly string[][] Courtesies = [["ong"], ["ba"], ["dong", "chi"]];

    private static readonly string[][] RelatedWords = [["co", "lien", "quan"], ["lien", "quan"]];

    private static readonly string[][] Above = [["neu", "tren"], ["tren"], ["noi", "tren"], ["nay"]];

    /// <summary>A named body at <paramref name="at"/>: where it ends and its written name, or null.</summary>
    public static (int End, string Name)? Named(WordText text, int at)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Committee(text, at) is { } committee) return (committee.End, committee.Name);
        return BodyEnd(text, at) is > 0 and var end ? (end, NameOf(text, at, end)) : null;
    }

    /// <summary>Where a body named by its head noun (not a committee) that starts at <paramref name="at"/> ends, or -1.</summary>
    internal static int BodyEnd(WordText text, int at)
    {
        if (!HeadsByFirst.TryGetValue(text.Normal[at], out var heads)) return -1;
        foreach (var (head, strong) in heads)
        {
            if (!text.Reads(at, head)) continue;
            // "cơ sở" (a base) and "phòng, chống" (prevention) are not bodies.
            if (head is ["so"] && at > 0 && text.Normal[at - 1] == "co") return -1;
            if (head is ["ubnd"] or ["uy", "ban", "nhan", "dan"]) continue;
            // A head written with a capital inside a sentence names a body ("các Tổ kiểm soát dịch bệnh …").
            var named = strong || at > 0 && !text.BreakBefore[at] && Capital(text, at);
            var end = NameEnd(text, at, head.Length, named);
            if (end < 0) continue;
            return end;
        }
        return -1;
    }

    /// <summary>The written name of the words from <paramref name="from"/> to <paramref name="to"/> (see <see cref="Named"/>).</summary>
    internal static string NameOf(WordText text, int from, int to) => Written(text, from, to);

    /// <summary>A committee named with its place: "UBND xã Đồng Tân", "Ủy ban nhân dân huyện Ngân Sơn" (its tier, and where it ends).</summary>
    public static (int End, string Name, UnitLevel Level)? Committee(WordText text, int at)
    {
        ArgumentNullException.ThrowIfNull(text);
        int k;
        var council = false;
        if (text.Reads(at, "ubnd")) k = at + 1;
        else if (text.Reads(at, "uy", "ban", "nhan", "dan")) k = at + 4;
        else if (text.Reads(at, "hdnd")) (k, council) = (at + 1, true);
        else if (text.Reads(at, "hoi", "dong", "nhan", "dan")) (k, council) = (at + 4, true);
        else return null;
        if (TierAt(text, k) is not int tierEnd || text.Normal[k] is "huyen" && text.Reads(k, "huyen", "uy")) return null;
        var level = text.Normal[k] switch
        {
            "tinh" => UnitLevel.Province,
            "xa" or "phuong" => UnitLevel.Commune,
            "thi" when text.Normal[k + 1] == "tran" => UnitLevel.Commune,
            _ => UnitLevel.District,
        };
        var end = tierEnd;
        while (end < text.Count && end - tierEnd < 4 && Capital(text, end) && !text.BreakBefore[end] && text.GapBefore(end).IndexOf(',') < 0
               && !IsHeadAt(text, end))
            end++;
        if (end == tierEnd) return null;
        var prefix = council ? "HĐND " : "UBND ";
        var name = prefix + Written(text, k, end);
        return (end, name[..prefix.Length] + char.ToLowerInvariant(name[prefix.Length]) + name[(prefix.Length + 1)..], level);
    }

    private static int NameEnd(WordText text, int at, int headLength, bool strong)
    {
        var k = at + headLength;
        var named = 0;
        var capitals = 0;
        while (k < text.Count && k - at < 16)
        {
            if (k > at && text.BreakBefore[k]) break;
            var gap = text.GapBefore(k);
            if (gap.IndexOf('(') >= 0 || gap.IndexOf(')') >= 0) break;
            var comma = gap.IndexOf(',') >= 0;
            // Right after the head a comma ends the mention: "Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh" are two bodies.
            if (comma && named == 0) break;
            if (TierAt(text, k) is int tierEnd && (named > 0 || strong))
            {
                k = tierEnd;
                // "Trung tâm Y tế các huyện, thành phố, thị xã": the tiers of a group of places.
                if (TierStart(text, k) is var tierStart && tierStart > 0 && text.Normal[tierStart - 1] == "cac")
                    while (k < text.Count && !text.BreakBefore[k] && (text.GapBefore(k).IndexOf(',') >= 0 || text.Normal[k] == "va"))
                    {
                        var next = text.Normal[k] == "va" ? k + 1 : k;
                        if (TierAt(text, next) is not int more) break;
                        k = more;
                    }
                // "xã Đồng Tân", "huyện Ngân Sơn": the place named after the tier.
                var places = 0;
                while (k < text.Count && places < 4 && Capital(text, k) && !text.BreakBefore[k] && text.GapBefore(k).IndexOf(',') < 0
                       && !IsHeadAt(text, k) && text.Normal[k] != "va")
                {
                    k++;
                    places++;
                }
                return k;
            }
            var word = text.Normal[k];
            if ((comma || word == "va") && named > 0)
            {
                // A comma or "và" inside a name ("Văn hóa, thể thao và truyền thông") goes on to a name word, not a new body.
                var next = word == "va" ? k + 1 : k;
                if (next >= text.Count || IsHeadAt(text, next) || text.Normal[next] == "cac" || (!Capital(text, next) && !NameWords.Contains(text.Normal[next])))
                    break;
                if (comma && !Capital(text, next) && capitals == 0 && !strong) break;
                if (word == "va") { k++; continue; }
            }
            // A strong head's name runs on in lower case ("Trung tâm Kiểm soát bệnh tật tỉnh", "Chi nhánh văn phòng đăng ký đất
            // đai") until a word of the sentence around it: a verb of duty, a role word, a preposition.
            var lowerGoesOn = NameWords.Contains(word) || strong && capitals + named > 0 && !Clause.Stops(text, k);
            if (Capital(text, k) || lowerGoesOn && (strong || capitals > 0))
            {
                if (Capital(text, k)) capitals++;
                named++;
                k++;
                continue;
            }
            break;
        }
        if (named == 0 && !(strong && IsWhole(text, at))) return -1;
        if (!strong && capitals == 0) return -1;
        while (k > at && text.Normal[k - 1] == "va") k--;
        return k;
    }

    /// <summary>Heads that are a name on their own: "Tỉnh đoàn", "Huyện đoàn".</summary>
    private static readonly string[][] Whole = [["tinh", "doan"], ["huyen", "doan"]];

    private static bool IsWhole(WordText text, int at)
    {
        foreach (var w in Whole)
            if (text.Reads(at, w)) return true;
        return false;
    }

    private static int TierStart(WordText text, int end)
    {
        foreach (var tier in Tiers)
            if (end - tier.Length >= 0 && text.Reads(end - tier.Length, tier)) return end - tier.Length;
        return end;
    }

    private static int? TierAt(WordText text, int k)
    {
        foreach (var tier in Tiers)
            if (text.Reads(k, tier)) return k + tier.Length;
        return null;
    }

    private static bool IsHeadAt(WordText text, int k)
    {
        if (!HeadsByFirst.TryGetValue(text.Normal[k], out var heads)) return false;
        foreach (var (head, strong) in heads)
            if (text.Reads(k, head) && (strong || Capital(text, k) || k + head.Length < text.Count && Capital(text, k + head.Length))) return true;
        return false;
    }

    private static bool Capital(WordText text, int k) => char.IsUpper(text.Text[text.Words[k].Start]);

    /// <summary>
    /// A group: "các" (or "mỗi", "tất cả các") and nouns of kinds of units with what qualifies them. The
    /// result says what it is made of; <see cref="UnitMentions"/> names its members for the directive's tier.
    /// </summary>
    public static Group? GroupAt(WordText text, int at)
    {
        ArgumentNullException.ThrowIfNull(text);
        var k = at;
        var distributive = false;
        if (text.Reads(k, "tat", "ca", "cac")) k += 3;
        else if (text.Reads(k, "cac") || text.Reads(k, "nhung")) k++;
        // "mỗi cơ quan, đơn vị" (each), not "môi trường", which folds alike.
        else if (text.Reads(k, "moi") && WrittenIs(text, k, "mỗi", "moi"))
        {
            k++;
            distributive = true;
        }
        else return null;
        // "các ông trưởng thôn", "các đồng chí Trưởng ấp": a courtesy and a title between "các" and the nouns; the title goes.
        var courtesy = k;
        foreach (var c in Courtesies)
            if (text.Reads(k, c)) { k += c.Length; break; }
        // "trưởng" the title, not "trường" (school), which folds alike.
        var title = text.Reads(k, "pho", "truong") ? 2 : text.Reads(k, "truong") ? 1 : 0;
        if (title > 0 && WrittenIs(text, k + title - 1, "trưởng", "truong"))
            k += title;
        var titled = k > courtesy;
        var kinds = GroupKinds.None;
        var parts = new List<(GroupKinds Kind, int Start, int End)>();
        var end = -1;
        while (k < text.Count)
        {
            var start = k;
            if (parts.Count > 0 && !Joins(text, k, out k)) break;
            if (text.Reads(k, "cac")) k++;
            var kind = NounAt(text, k, out var after);
            if (kind == GroupKinds.None) break;
            kinds |= kind;
            // Agencies, localities and mass organisations make one run ("các ban, ngành, đoàn thể cấp huyện"); villages another.
            if (parts.Count > 0 && Class(parts[^1].Kind) == Class(kind)) parts[^1] = (parts[^1].Kind | kind, parts[^1].Start, after);
            else parts.Add((kind, parts.Count == 0 ? (titled ? k : at) : start, after));
            k = after;
            end = k;
        }
        if (parts.Count == 0) return null;
        // Only villages take a title this way ("trưởng thôn"); "các đồng chí cơ quan" is no group.
        if (titled && parts.Any(p => p.Kind != GroupKinds.Villages)) return null;
        var related = false;
        var above = false;
        var qualified = false;
        k = end;
        while (k < text.Count && !SentenceBreakBefore(text, k))
        {
            var step = Longest(text, k, Qualifiers);
            if (step > 0)
            {
                qualified = true;
                k += step;
                // "thuộc UBND huyện Thanh Hà", "trên địa bàn huyện": the place goes with it.
                if (TierAt(text, k) is int tier) k = tier;
                while (k < text.Count && Capital(text, k) && !text.BreakBefore[k] && text.GapBefore(k).IndexOf(',') < 0) k++;
                end = k;
                continue;
            }
            if (Longest(text, k, RelatedWords) is > 0 and var r) { related = true; k += r; end = k; continue; }
            if (Longest(text, k, Above) is > 0 and var a && !text.BreakBefore[k]) { above = true; k += a; end = k; continue; }
            break;
        }
        parts[^1] = (parts[^1].Kind, parts[^1].Start, end);
        return new Group(end, kinds, related, above || distributive || !qualified, qualified, text, at, parts);
    }

    /// <summary>The written names of a group's runs of one kind, each as a group ("Các …").</summary>
    private static List<(GroupKinds Kind, string Name)> PartNames(WordText text, List<(GroupKinds Kind, int Start, int End)> parts)
    {
        // Loops, not lambdas: a lambda over the text would make a closure on every group.
        var named = new List<(GroupKinds Kind, string Name)>(parts.Count);
        foreach (var p in parts)
        {
            var n = Written(text, p.Start, p.End, asGroup: true);
            named.Add((p.Kind, n.StartsWith("cac ", StringComparison.OrdinalIgnoreCase) || n.StartsWith("các ", StringComparison.OrdinalIgnoreCase) ? "Các " + n[4..] : "Các " + n));
        }
        return named;
    }

    /// <summary>Word <paramref name="k"/> as written is one of two forms, in any case (the accents tell words that fold alike apart).</summary>
    private static bool WrittenIs(WordText text, int k, string form, string other)
    {
        var written = text.Text.AsSpan(text.Words[k].Start, text.Words[k].Length);
        return Bot.Domain.Text.VietnameseText.IsLowered(written, form) || Bot.Domain.Text.VietnameseText.IsLowered(written, other);
    }

    private static int Class(GroupKinds kind) => kind switch
    {
        GroupKinds.Villages => 1,
        GroupKinds.Others => 2,
        _ => 0,
    };

    /// <summary>"các cơ quan, đơn vị và các xã": a comma, "và" or nothing between nouns of one group.</summary>
    private static bool Joins(WordText text, int k, out int next)
    {
        next = k;
        if (k >= text.Count || SentenceBreakBefore(text, k) || text.GapBefore(k).IndexOf(';') >= 0) return false;
        var separated = text.GapBefore(k).IndexOf(',') >= 0;
        if (text.Normal[k] is "va" or "hoac") (next, separated) = (k + 1, true);
        if (next >= text.Count) return false;
        var kind = NounAt(text, text.Reads(next, "cac") ? next + 1 : next, out _);
        // "các sở ban ngành" runs on without a comma; "các thôn tổ chức …" is a group and a verb.
        return kind != GroupKinds.None && (separated || kind == GroupKinds.Agencies);
    }

    private static GroupKinds NounAt(WordText text, int k, out int after)
    {
        after = k;
        var best = (Kind: GroupKinds.None, Length: 0);
        void Try(string[][] nouns, GroupKinds kind)
        {
            var n = Longest(text, k, nouns);
            if (n > best.Length) best = (kind, n);
        }
        Try(AgencyNouns, GroupKinds.Agencies);
        Try(LocalityNouns, GroupKinds.Localities);
        Try(UnionNouns, GroupKinds.Unions);
        Try(VillageNouns, GroupKinds.Villages);
        Try(OtherNouns, GroupKinds.Others);
        // "các xã" and "các huyện" are committees, read by the vocabulary.
        after = k + best.Length;
        return best.Kind;
    }

    private static int Longest(WordText text, int k, string[][] phrases)
    {
        var best = 0;
        foreach (var p in phrases)
            if (p.Length > best && text.Reads(k, p) && (p.Length == 1 || NoBreakInside(text, k, p.Length))) best = p.Length;
        return best;
    }

    private static bool NoBreakInside(WordText text, int k, int length)
    {
        for (var i = k + 1; i < k + length; i++)
            if (text.BreakBefore[i] || text.GapBefore(i).IndexOf(',') >= 0) return false;
        return true;
    }

    private static bool SentenceBreakBefore(WordText text, int k) => k > 0 && text.BreakBefore[k];

    /// <summary>The words as written, one space between them, "Ủy ban nhân dân" as "UBND" and a capital first.</summary>
    private static string Written(WordText text, int from, int to, bool asGroup = false)
    {
        var start = text.Words[from].Start;
        var end = text.Words[to - 1].End;
        var raw = text.Text[start..end];
        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        var written = sb.ToString();
        foreach (var (form, name) in Abbreviations) written = ReplaceWord(written, form, name);
        if (asGroup && written.StartsWith("mỗi ", StringComparison.OrdinalIgnoreCase)) written = "các " + written[4..];
        if (asGroup && written.StartsWith("tất cả ", StringComparison.OrdinalIgnoreCase)) written = written[7..];
        if (asGroup && written.StartsWith("những ", StringComparison.OrdinalIgnoreCase)) written = "các " + written[6..];
        return written.Length == 0 ? written : char.ToUpperInvariant(written[0]) + written[1..];
    }

    /// <summary>How names are written out: the committee's short form, abbreviations in full.</summary>
    private static readonly (string Form, string Name)[] Abbreviations =
    [
        ("Ủy ban nhân dân", "UBND"), ("Uỷ ban nhân dân", "UBND"), ("ủy ban nhân dân", "UBND"), ("TW", "Trung ương"), ("BCH", "Ban Chỉ huy"),
        ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"), ("MTTQ", "Mặt trận Tổ quốc"), ("BCĐ", "Ban Chỉ đạo"), ("BQL", "Ban Quản lý"),
        ("HĐND", "HĐND"), ("TP", "thành phố"), ("Tp", "thành phố"),
    ];

    private static string ReplaceWord(string text, string form, string name)
    {
        var at = 0;
        while ((at = text.IndexOf(form, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + form.Length >= text.Length || !char.IsLetterOrDigit(text[at + form.Length]);
            if (before && after)
            {
                text = string.Concat(text.AsSpan(0, at), name, text.AsSpan(at + form.Length));
                at += name.Length;
            }
            else at += form.Length;
        }
        return text;
    }

    [Flags]
    public enum GroupKinds
    {
        None = 0,
        Agencies = 1,
        Localities = 2,
        Unions = 4,
        Villages = 8,
        Others = 16,
    }

    /// <summary>
    /// A group read by its nouns. Its names are written out when asked: a group is read at every "các", and most
    /// lose their place to a longer name from the vocabulary.
    /// </summary>
    public sealed class Group
    {
        private readonly WordText _text;
        private readonly int _start;
        private readonly List<(GroupKinds Kind, int Start, int End)> _parts;
        private string? _name;
        private List<(GroupKinds Kind, string Name)>? _named;

        internal Group(int end, GroupKinds kinds, bool related, bool refersBack, bool qualified, WordText text, int start,
            List<(GroupKinds Kind, int Start, int End)> parts)
        {
            (End, Kinds, Related, RefersBack, Qualified) = (end, kinds, related, refersBack, qualified);
            (_text, _start, _parts) = (text, start, parts);
        }

        /// <summary>The word after it.</summary>
        public int End { get; }

        /// <summary>What it is made of.</summary>
        public GroupKinds Kinds { get; }

        /// <summary>"… (có) liên quan": the units are chosen when the directive is published.</summary>
        public bool Related { get; }

        /// <summary>Unqualified ("các đơn vị"), distributive ("mỗi cơ quan") or "nêu trên": the addressees named before.</summary>
        public bool RefersBack { get; }

        /// <summary>"cấp huyện", "chuyên môn", "thuộc UBND huyện": which ones is said.</summary>
        public bool Qualified { get; }

        /// <summary>As written, with a capital: "Các thôn, tổ dân phố".</summary>
        public string Name => _name ??= Written(_text, _start, End, asGroup: true);

        /// <summary>Runs of one kind, each named: "các cơ quan, đơn vị, thôn, tổ dân phố" is agencies, then villages.</summary>
        public IReadOnlyList<(GroupKinds Kind, string Name)> Parts => _named ??= PartNames(_text, _parts);
    }
}

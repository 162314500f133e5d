namespace Bot.Domain.Directives;

/// <summary>What a mention of units does in its sentence.</summary>
public enum UnitRole
{
    /// <summary>The unit is talked about: "đôn đốc UBND các xã", "gửi về UBND huyện (qua Phòng Nội vụ)".</summary>
    Object,

    /// <summary>The unit carries the duty: the sentence's subject, "Giao X", "X chủ trì".</summary>
    Lead,

    /// <summary>The unit helps: "phối hợp với X".</summary>
    Support,

    /// <summary>The issuing committee or unit, or one above it: it speaks ("Chủ tịch UBND huyện yêu cầu"), receives, or acts itself.</summary>
    Speaker,
}

/// <summary>Where a directive speaks from: what its groups mean and who its speaker is.</summary>
/// <param name="Level">The tier of the issuing body.</param>
/// <param name="IssuerUnit">The issuing body when it is a unit of a committee ("Sở Nội vụ"): in its own directive it speaks.</param>
/// <param name="IssuerIsCommittee">
/// A committee issues: "các cơ quan, đơn vị" are its departments. A department's letter to "các cơ quan,
/// đơn vị" means any agency, and the group keeps its written name.
/// </param>
public sealed record UnitScope(UnitLevel Level, string? IssuerUnit = null, bool IssuerIsCommittee = true)
{
    /// <summary>The issuing body's full name when it is known ("UBND xã Đức Hợp"): what "UBND xã" means when it acts.</summary>
    public string? IssuerName { get; init; }

    public static readonly UnitScope Default = new(UnitLevel.Unknown);
}

/// <summary>A run of words naming units ("Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện"), with the names it stands for.</summary>
public sealed record UnitMention(int Start, int End, UnitCatalog.Entry Entry)
{
    /// <summary>The canonical names, for the directive's tier; a body read by its shape keeps its written name.</summary>
    public IReadOnlyList<string> Units { get; init; } = Entry.Units;

    /// <summary>A group that stands for the addressees named before, when there are any ("các đơn vị", "mỗi cơ quan, đơn vị").</summary>
    public bool RefersBack { get; init; }

    /// <summary>Read by its shape, not found in the vocabulary: worth a second look.</summary>
    public bool ByShape { get; init; }

    /// <summary>The issuing committee, one above it, or the issuing unit.</summary>
    public bool IsSpeaker { get; init; }
}

/// <summary>Mentions joined by commas, "và", "cùng": they share one role.</summary>
public sealed record UnitList(IReadOnlyList<UnitMention> Mentions, UnitRole Role)
{
    public IEnumerable<string> Units => Mentions.SelectMany(m => m.Units);

    public int Start => Mentions[0].Start;

    public int End => Mentions[^1].End;

    /// <summary>Every mention of the list refers back to the addressees.</summary>
    public bool RefersBack => Mentions.All(m => m.RefersBack);
}

/// <summary>
/// Finds the units a paragraph names and what each does: the subject of a sentence or clause,
/// the units after "Giao", after an ask ("yêu cầu", "đề nghị", "chỉ đạo" from the speaker), and
/// units followed by "chủ trì" or "có trách nhiệm" carry the duty; units after "phối hợp (với|cùng)"
/// help; every other mention (after a verb, "của", "qua", "về", "tại") is an object. The issuing
/// committee speaks.
/// </summary>
public static class UnitMentions
{
    private sealed record Form(UnitCatalog.Entry Entry, string[] Words, bool[] Optional);

    private static readonly Form[] Forms = UnitCatalog.Entries
        .SelectMany(e => e.Forms.Select(f => ParseForm(e, f)))
        .ToArray();

    private static readonly Dictionary<string, Form[]> ByFirstWord =
        Forms.GroupBy(f => f.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The forms that may match at a word, by its first word and the word after it (see <see cref="Seconds"/>), in the
    /// vocabulary's order: a word starts dozens of forms ("phòng …"), and the next word rules out all but a few.
    /// </summary>
    private static readonly Dictionary<string, (Dictionary<string, Form[]> BySecond, Form[] Otherwise)> Candidates =
        ByFirstWord.ToDictionary(
            p => p.Key,
            p => (p.Value.SelectMany(Seconds).Distinct(StringComparer.Ordinal)
                    .ToDictionary(w => w, w => p.Value.Where(f => MayEndAtFirst(f) || Seconds(f).Contains(w, StringComparer.Ordinal)).ToArray(), StringComparer.Ordinal),
                  p.Value.Where(MayEndAtFirst).ToArray()),
            StringComparer.Ordinal);

    /// <summary>
    /// The words a form may read right after its first: its optional words up to its first required one, which
    /// <see cref="Match"/> takes in turn; any other word there, or none, and the form cannot match (unless it may end at its first).
    /// </summary>
    private static IEnumerable<string> Seconds(Form form)
    {
        for (var k = 1; k < form.Words.Length; k++)
        {
            yield return form.Words[k];
            if (!form.Optional[k]) yield break;
        }
    }

    /// <summary>Every word after the first is optional: the form matches its first word alone.</summary>
    private static bool MayEndAtFirst(Form form) => form.Optional.Skip(1).All(o => o);

    private static readonly string[][] Titles = UnitCatalog.Titles.Select(t => t.Split(' ')).ToArray();

    private static readonly HashSet<string> TitleStarts = Titles.Select(t => t[0]).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Starts = new(
        ByFirstWord.Keys.Concat(TitleStarts).Concat(UnitNames.StartWords), StringComparer.Ordinal);

    private static readonly string[][] Duties = [["trach", "nhiem", "cua"], ["nhiem", "vu", "cua"]];

    /// <summary>Asks that name who must act right after them.</summary>
    private static readonly string[][] Asks =
    [
        ["yeu", "cau"], ["de", "nghi"], ["kinh", "de", "nghi"], ["doi", "voi"], ["giao"], ["giao", "cho"], ["giao", "nhiem", "vu", "cho"],
        ["phan", "cong"], ["phan", "cong", "cho"], ["chi", "dao"], ["nhan", "manh"], ["luu", "y"], ["de", "nghi", "cac", "dong", "chi"],
    ];

    /// <summary>Asks only the speaker makes: after anyone else they are duties ("Phòng X chỉ đạo Trung tâm Y").</summary>
    private static readonly HashSet<string> SpeakerOnly = new(["chi dao", "nhan manh", "luu y", "phan cong", "phan cong cho"], StringComparer.Ordinal);

    private static readonly HashSet<object> SpeakerOnlyAsks = Asks.Where(a => SpeakerOnly.Contains(string.Join(" ", a))).ToHashSet<object>(ReferenceEqualityComparer.Instance);

    /// <summary>Clause openers after which, past a comma, the subject comes: "Trên cơ sở ..., X thực hiện".</summary>
    private static readonly string[][] Openers =
    [
        ["tren", "co", "so"], ["de"], ["can", "cu"], ["theo"], ["thuc", "hien"], ["sau", "khi"], ["truong", "hop"],
        ["ngoai", "ra"], ["dong", "thoi"], ["trong", "do"], ["khi"], ["nham"], ["cu", "the"], ["theo", "do"], ["do", "do"],
        ["vi", "vay"], ["neu"], ["trong"], ["tai"], ["sau"], ["hang"], ["dinh", "ky"], ["ket", "luan"], ["tu"], ["den"],
        ["rieng"], ["doi", "voi"], ["ve"], ["qua"], ["bang"], ["nhan", "dip"], ["vao"], ["ngay"], ["chieu"], ["sang"],
    ];

    /// <summary>Every mention, longest first at each place, left to right.</summary>
    public static List<UnitMention> Find(WordText text, UnitScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        scope ??= UnitScope.Default;
        var found = new List<UnitMention>();
        var i = 0;
        while (i < text.Count)
        {
            // Most words start no mention: pass them at once.
            if (!Starts.Contains(text.Normal[i])) { i++; continue; }
            var best = At(text, i, scope);
            var titled = TitleStarts.Contains(text.Normal[i]);
            for (var t = 0; titled && t < Titles.Length; t++)
            {
                var title = Titles[t];
                if (!text.Reads(i, title)) continue;
                var after = At(text, i + title.Length, scope);
                if (after is not null && (best is null || after.End > best.End)) best = after with { Start = i };
            }
            if (best is null) { i++; continue; }
            // "Trưởng các phòng, ban thuộc UBND huyện": the committee named after "thuộc" is part of the name.
            if (!best.IsSpeaker && best.End + 1 < text.Count && text.Normal[best.End] == "thuoc"
                && MatchAt(text, best.End + 1) is { Entry.IsIssuer: true } owner)
                best = best with { End = owner.End };
            if (NamedCommunes(text, best) is { Count: > 0 } communes)
            {
                found.AddRange(communes);
                i = communes[^1].End;
                continue;
            }
            found.Add(best);
            i = best.End;
        }
        return found;
    }

    /// <summary>The longest of the vocabulary's entry, a group and a named body at a word, without a title.</summary>
    private static UnitMention? At(WordText text, int at, UnitScope scope)
    {
        if (at >= text.Count) return null;
        var catalogued = MatchAt(text, at);
        UnitMention? best = catalogued is null ? null : Resolve(catalogued, scope);
        if (UnitNames.GroupAt(text, at) is { } group && (best is null || group.End > best.End))
            best = FromGroup(at, group, scope);
        if (UnitNames.Committee(text, at) is { } committee && (best is null || committee.End > best.End))
        {
            var entry = new UnitCatalog.Entry([committee.Name], []) { Kind = UnitCatalog.EntryKind.Committee, Level = committee.Level };
            best = new UnitMention(at, committee.End, entry) { IsSpeaker = !Below(committee.Level, scope.Level) };
        }
        // (Not a committee here, so only a body named by its head; its name is written out only when it wins.)
        else if (UnitNames.BodyEnd(text, at) is > 0 and var namedEnd && (best is null || namedEnd > best.End && CapitalsFrom(text, best.End, namedEnd)))
        {
            best = new UnitMention(at, namedEnd, new UnitCatalog.Entry([UnitNames.NameOf(text, at, namedEnd)], [])) { ByShape = true };
        }
        // The issuing unit speaks, however fully it is named ("Trung tâm Văn hóa Quận 9" for the header's "Trung tâm Văn hóa").
        if (best is not null && scope.IssuerUnit is { } issuer && best.Units is [var only]
            && (only == issuer || Bot.Domain.Text.VietnameseText.Key(only).StartsWith(Bot.Domain.Text.VietnameseText.Key(issuer), StringComparison.Ordinal)))
            best = best with { IsSpeaker = true };
        return best;
    }

    /// <summary>Every word from one place to another starts with a capital: a name goes on past what the vocabulary read.</summary>
    private static bool CapitalsFrom(WordText text, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (!char.IsUpper(text.Text[text.Words[k].Start])) return false;
        return true;
    }

    /// <summary>A committee of a lower tier than the directive's is one of its units ("UBND xã Đồng Tân" in a district's letter).</summary>
    private static bool Below(UnitLevel level, UnitLevel of) => of != UnitLevel.Unknown && level > of;

    private static UnitMention Resolve(UnitMention m, UnitScope scope)
    {
        if (m.Entry.IsIssuer) return m with { IsSpeaker = !Below(m.Entry.Level, scope.Level) };
        return m with { Units = m.Entry.UnitsAt(scope.Level), RefersBack = m.Entry.RefersBack };
    }

    /// <summary>The units a group stands for in a directive of this tier.</summary>
    private static UnitMention FromGroup(int at, UnitNames.Group group, UnitScope scope)
    {
        var units = new List<string>();
        var kinds = group.Kinds;
        var agencies = kinds.HasFlag(UnitNames.GroupKinds.Agencies);
        var localities = kinds.HasFlag(UnitNames.GroupKinds.Localities);
        var unions = kinds.HasFlag(UnitNames.GroupKinds.Unions);
        if (group.Related) units.Add(UnitCatalog.Related);
        else if (agencies || localities)
        {
            switch (scope.Level)
            {
                case UnitLevel.Province:
                    if (agencies) units.Add(unions ? UnitCatalog.ProvinceDepartmentsAndUnions : UnitCatalog.ProvinceDepartments);
                    if (localities) units.Add(UnitCatalog.Districts);
                    break;
                case UnitLevel.Commune:
                    units.AddRange(group.Parts.Select(p => p.Name));
                    break;
                default:
                    // A district group with its mass organisations, or addressed by a department, keeps its written name.
                    if (agencies && (unions || !scope.IssuerIsCommittee)) units.Add(group.Parts.First(p => p.Kind.HasFlag(UnitNames.GroupKinds.Agencies)).Name);
                    else if (agencies) units.Add(UnitCatalog.Departments);
                    if (localities && !(agencies && (unions || !scope.IssuerIsCommittee))) units.Add(UnitCatalog.Communes);
                    break;
            }
            units.AddRange(group.Parts.Where(p => p.Kind is UnitNames.GroupKinds.Villages or UnitNames.GroupKinds.Others).Select(p => p.Name));
            units = units.Distinct().ToList();
        }
        else if (kinds == UnitNames.GroupKinds.Unions && !group.Qualified && Bot.Domain.Text.VietnameseText.Key(group.Name) == "cac doan the")
        {
            // "các đoàn thể": the mass organisations of the directive's tier; any other wording keeps its name.
            units.Add(scope.Level switch { UnitLevel.Province => "Các đoàn thể tỉnh", UnitLevel.Commune => "Các đoàn thể xã", _ => "Các đoàn thể huyện" });
        }
        else units.AddRange(group.Parts.Select(p => p.Name));
        var entry = new UnitCatalog.Entry(units, []) { Kind = UnitCatalog.EntryKind.Collective };
        return new UnitMention(at, group.End, entry)
        {
            Units = units,
            RefersBack = group.RefersBack && !group.Related && (agencies || localities),
            ByShape = !group.Related && (agencies || localities) && (unions || scope.Level == UnitLevel.Unknown),
        };
    }

    /// <summary>"Ủy ban nhân dân các xã: Đồng Tân và Tân Thành": the communes named one by one.</summary>
    private static List<UnitMention>? NamedCommunes(WordText text, UnitMention communes)
    {
        if (communes.Units is not [UnitCatalog.Communes] || text.Normal[communes.End - 1] != "xa" || communes.End >= text.Count) return null;
        var result = new List<UnitMention>();
        var k = communes.End;
        if (text.GapBefore(k).IndexOfAny(".;!?\n") >= 0) return null;
        while (k < text.Count)
        {
            var start = k;
            while (k < text.Count && char.IsUpper(text.Text[text.Words[k].Start]) && (k == start || !text.BreakBefore[k])
                   && text.GapBefore(k).IndexOf(',') < 0 | k == start && k - start < 4)
                k++;
            if (k == start) break;
            var name = "UBND xã " + text.Text[text.Words[start].Start..text.Words[k - 1].End];
            result.Add(new UnitMention(result.Count == 0 ? communes.Start : start, k, new UnitCatalog.Entry([name], [])));
            if (k < text.Count && text.Normal[k] == "va" && !text.BreakBefore[k]) { k++; continue; }
            if (k < text.Count && text.GapBefore(k).IndexOf(',') >= 0 && !text.BreakBefore[k] && char.IsUpper(text.Text[text.Words[k].Start])) continue;
            break;
        }
        return result;
    }

    /// <summary>The mentions grouped into lists, each with its role.</summary>
    /// <param name="text">The paragraph.</param>
    /// <param name="issuerUnit">The unit that issued the directive ("Sở Nội vụ"): in its own directive it speaks, it is not tasked.</param>
    public static List<UnitList> Lists(WordText text, string? issuerUnit = null) =>
        Lists(text, issuerUnit is null ? UnitScope.Default : UnitScope.Default with { IssuerUnit = issuerUnit });

    /// <summary>The mentions grouped into lists, each with its role, for a directive speaking from <paramref name="scope"/>.</summary>
    public static List<UnitList> Lists(WordText text, UnitScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var mentions = Find(text, scope);
        var lists = new List<UnitList>();
        var k = 0;
        while (k < mentions.Count)
        {
            var group = new List<UnitMention> { mentions[k] };
            while (k + 1 < mentions.Count && mentions[k + 1].IsSpeaker == group[0].IsSpeaker && Joined(text, group[^1], mentions[k + 1]))
                group.Add(mentions[++k]);
            k++;
            // An aside in brackets ("Phòng X (Thường trực Ban Chỉ huy ...)", "(qua Phòng Nội vụ)") gives nobody a duty.
            var role = InBrackets(text, group[0].Start) ? UnitRole.Object
                : group[0].IsSpeaker ? UnitRole.Speaker
                : RoleOf(text, mentions, group[0].Start, group[^1].End, lists);
            lists.Add(new UnitList(group, role));
        }
        return lists;
    }

    private static bool Joined(WordText text, UnitMention left, UnitMention right)
    {
        for (var w = left.End; w < right.Start; w++)
            if (text.Normal[w] is not ("va" or "cung" or "cac")) return false;
        // A sentence break between them ends the list, except the ";" of a list of addressees.
        for (var w = left.End; w <= right.Start && w < text.Count; w++)
        {
            if (!text.BreakBefore[w]) continue;
            if (text.GapBefore(w).IndexOfAny(WordText.SentenceBreaks) >= 0) return false;
        }
        // "Phòng X (Thường trực Ban Y)": a bracket closes the list.
        return text.Text.AsSpan(text.Words[left.End - 1].End, text.Words[right.Start].Start - text.Words[left.End - 1].End).IndexOfAny('(', ')') < 0;
    }

    /// <summary>Whether a word stands inside brackets opened in this paragraph.</summary>
    private static bool InBrackets(WordText text, int word)
    {
        var depth = 0;
        var end = text.Words[word].Start;
        for (var c = 0; c < end; c++)
        {
            if (text.Text[c] == '(') depth++;
            else if (text.Text[c] == ')' && depth > 0) depth--;
            else if (text.Text[c] == '\n') depth = 0;
        }
        return depth > 0;
    }

    private static UnitRole RoleOf(WordText text, List<UnitMention> mentions, int start, int end, List<UnitList> before)
    {
        // "Cơ quan, đơn vị nào chậm trễ ... thì ...": whichever unit, not an assignment; "UBND các xã đã thực
        // hiện ...", "... chưa quan tâm": what units did or failed to do is told, not asked.
        if (end < text.Count && !text.BreakBefore[end] && text.Normal[end] is "nao" or "da" or "chua" or "vua" or "do") return UnitRole.Object;
        // "… có quyền yêu cầu …": a right, not a duty.
        if (end + 1 < text.Count && !text.BreakBefore[end] && text.Reads(end, "co", "quyen")) return UnitRole.Object;
        // "... được giao chỉ tiêu": the units are given the duty; "được công nhận", "được khen thưởng": they are talked about.
        if (end + 1 < text.Count && !text.BreakBefore[end] && text.Normal[end] == "duoc")
            return text.Normal[end + 1] is "giao" or "phan" ? UnitRole.Lead : UnitRole.Object;
        if (text.ReadsBeforeLoosely(start, "giao") || text.ReadsBeforeLoosely(start, "giao", "cho")
            || text.ReadsBeforeLoosely(start, "giao", "nhiem", "vu", "cho")) return UnitRole.Lead;
        if (text.ReadsBeforeLoosely(start, "phoi", "hop", "voi") || text.ReadsBeforeLoosely(start, "phoi", "hop", "cung")
            || text.ReadsBeforeLoosely(start, "phoi", "hop") || text.ReadsBeforeLoosely(start, "su", "phoi", "hop", "cua")
            || text.ReadsBeforeLoosely(start, "phoi", "hop", "chat", "che", "voi") || text.ReadsBeforeLoosely(start, "phoi", "hop", "chat", "che")
            || text.ReadsBeforeLoosely(start, "phoi", "hop", "chat", "che", "cung") || text.ReadsBeforeLoosely(start, "voi", "su", "phoi", "hop", "cua"))
            return UnitRole.Support;
        // "phối hợp cùng" with the preposition garbled by OCR ("phdi hop cting").
        if (start >= 3 && text.ReadsBefore(start - 1, "phoi", "hop") && !text.BreakBefore[start - 1] && !text.BreakBefore[start]
            && text.Words[start - 1].Length <= 5 && Garbled(text, start - 1)) return UnitRole.Support;
        // "A chủ trì, B phối hợp": after a unit that leads, a unit whose verb is "phối hợp" helps it.
        if (end + 1 < text.Count && text.Reads(end, "phoi", "hop") && !text.Reads(end + 2, "voi") && !text.Reads(end + 2, "cung")
            && before.Exists(l => l.Role == UnitRole.Lead && l.End < start && text.Reads(l.End, "chu", "tri") && SameSentence(text, l.End, start)))
            return UnitRole.Support;
        // "Địa điểm: Phòng Tiếp công dân huyện": where, not who.
        if (text.ReadsBefore(start, "dia", "diem") || text.ReadsBefore(start, "tai")) return UnitRole.Object;
        if (text.BreakBefore[start]) return UnitRole.Lead;
        // "Trách nhiệm của Phòng Nội vụ:", "Nhiệm vụ của UBND các xã:" head the duties of the unit.
        foreach (var duty in Duties)
            if (text.ReadsBefore(start, duty) && text.BreakBefore[start - duty.Length]) return UnitRole.Lead;
        if (AfterAsk(text, mentions, start, before)) return UnitRole.Lead;
        if (end < text.Count && !text.BreakBefore[end]
            && (text.Reads(end, "chu", "tri") || text.Reads(end, "co", "trach", "nhiem") || text.Reads(end, "chiu", "trach", "nhiem")
                || text.Reads(end, "la", "co", "quan", "thuong", "truc") || text.Reads(end, "la", "co", "quan", "chu", "tri")))
            return UnitRole.Lead;
        if (AfterOpeningClause(text, start) || AfterConnective(text, start)) return UnitRole.Lead;
        // "Trong các ngày …, nếu … thì Lãnh đạo các phòng … tham gia": the subject of the main clause after "thì".
        if (text.ReadsBefore(start, "thi") && end < text.Count && !text.BreakBefore[end] && !WhicheverBefore(text, start)) return UnitRole.Lead;
        if (SenderOf(text, start, end)) return UnitRole.Lead;
        if (AfterNamedAddressees(text, mentions, start)) return UnitRole.Lead;
        if (AfterSpeakerAndComma(text, start, before)) return UnitRole.Lead;
        return UnitRole.Object;
    }

    /// <summary>"Cơ quan, đơn vị nào chậm trễ thì …": a condition on whichever unit, earlier in the sentence.</summary>
    private static bool WhicheverBefore(WordText text, int start)
    {
        for (var k = start - 1; k >= 0; k--)
        {
            if (text.Normal[k] == "nao") return true;
            if (text.BreakBefore[k] && text.GapBefore(k).IndexOfAny(WordText.SentenceBreaks) >= 0) break;
        }
        return false;
    }

    /// <summary>An OCR reading of "cùng" or "với" ("cting"), not a word that makes the units objects ("phối hợp giữa A, B").</summary>
    private static bool Garbled(WordText text, int k) => text.Normal[k] is not ("giua" or "trong" or "tot" or "thuc" or "trien" or "voi" or "cung" or "cac");

    private static bool SameSentence(WordText text, int from, int to)
    {
        for (var k = from + 1; k <= to && k < text.Count; k++)
            if (text.BreakBefore[k] && text.GapBefore(k).IndexOfAny(WordText.SentenceBreaks) >= 0) return false;
        return true;
    }

    /// <summary>
    /// "yêu cầu X", "đề nghị, X, Y", "Chủ tịch UBND tỉnh Nguyễn Văn A chỉ đạo X", "Công văn số 29/UBND-NC yêu cầu X",
    /// "Trường hợp ..., yêu cầu X": the units right after an ask carry the duty. "chỉ đạo" and its like ask only
    /// from the speaker; "theo yêu cầu", "khi có yêu cầu" are no asks.
    /// </summary>
    private static bool AfterAsk(WordText text, List<UnitMention> mentions, int start, List<UnitList> before)
    {
        foreach (var ask in Asks)
        {
            var at = start - ask.Length;
            if (at < 0 || !text.ReadsBeforeLoosely(start, ask)) continue;
            if (at > 0 && !text.BreakBefore[at] && text.Normal[at - 1] is "theo" or "co" or "cac" or "dap" or "nhung" or "nhu") continue;
            if (ask[0] == "giao") return true;
            // "… tham mưu văn bản đề nghị Sở X hướng dẫn": an ask inside the duty names no one to act; "A, B và đề nghị C"
            // adds C to those asked.
            var opens = text.BreakBefore[at] || text.GapBefore(at).IndexOf(',') >= 0
                        || at > 0 && text.Normal[at - 1] == "va" && LeadEndsAt(before, at - 1)
                        // "… đề nghị các ấp phải báo cáo kịp thời": the units asked, then what they must do.
                        || Modal(text, End(mentions, start));
            var speakerOnly = SpeakerOnlyAsks.Contains(ask);
            if ((speakerOnly || !opens) && !SpeakerBefore(text, at, before)) continue;
            return true;
        }
        return false;
    }

    // A loop, not a lambda: a lambda over "at" would make a closure on every ask tried.
    private static bool LeadEndsAt(List<UnitList> lists, int end)
    {
        foreach (var l in lists)
            if (l.Role == UnitRole.Lead && l.End == end) return true;
        return false;
    }

    private static int End(List<UnitMention> mentions, int start) => mentions.First(m => m.Start == start).End;

    private static bool Modal(WordText text, int end) =>
        end < text.Count && !text.BreakBefore[end] && (text.Normal[end] is "phai" or "can" || text.Reads(end, "khan", "truong") || text.Reads(end, "co", "trach", "nhiem"));

    /// <summary>
    /// The speaker right before a word, with perhaps a person's name or a document between: "Chủ tịch UBND tỉnh
    /// Nguyễn Bốn", "UBND huyện", "Đồng chí Ngọc Kim Nam - Chủ tịch UBND huyện", "Công văn số 29/UBND-NC",
    /// "ban hành Công văn".
    /// </summary>
    internal static bool SpeakerBefore(WordText text, int at, List<UnitList> before)
    {
        if (at == 0 || text.BreakBefore[at]) return false;
        var k = at;
        // Back over a person's name (capitalised words), and over the document the speaker issued with its number.
        while (k > 0 && !text.BreakBefore[k] && at - k < 14)
        {
            var word = text.Normal[k - 1];
            var capital = char.IsUpper(text.Text[text.Words[k - 1].Start]);
            if (before.Exists(l => l.Role == UnitRole.Speaker && l.End == k)) return true;
            if (!(capital || IssuingWords.Contains(word) || word.Any(char.IsDigit))) return false;
            k--;
        }
        return before.Exists(l => l.Role == UnitRole.Speaker && l.End == k);
    }

    /// <summary>The words between a speaker and its ask when it asks by a document: "có Công văn số 29/UBND-NC yêu cầu".</summary>
    private static readonly HashSet<string> IssuingWords = new(
        ["ban", "hanh", "co", "ky", "vua", "da", "cong", "van", "chi", "thi", "ke", "hoach", "quyet", "dinh", "so", "thong", "bao",
         "dien", "tai", "trong", "ubnd", "nc", "vp", "th", "kt", "dong", "moi", "day", "ngay", "thang", "nam"],
        StringComparer.Ordinal);

    private static readonly string[][] CommaAsks = [["de", "nghi"], ["yeu", "cau"], ["chi", "dao"]];

    /// <summary>"Chủ tịch UBND tỉnh đề nghị, Sở X, các ngành ...": the addressees after the speaker's ask and a comma.</summary>
    private static bool AfterSpeakerAndComma(WordText text, int start, List<UnitList> before)
    {
        if (start < 2 || text.GapBefore(start).IndexOf(',') < 0) return false;
        foreach (var ask in CommaAsks)
            if (text.Reads(start - 2, ask) && SpeakerBefore(text, start - 2, before)) return true;
        return false;
    }

    /// <summary>
    /// "... đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, Thủ trưởng các sở, ban, ngành ...": the list of
    /// addressees after the ask may begin with bodies we do not catalogue, each a capitalised name.
    /// </summary>
    private static bool AfterNamedAddressees(WordText text, List<UnitMention> mentions, int start)
    {
        if (text.GapBefore(start).IndexOf(',') < 0) return false;
        for (var k = start - 1; k > 0 && start - k <= 16; k--)
        {
            if (text.BreakBefore[k]) return false;
            var gap = text.GapBefore(k);
            var isAsk = text.ReadsBefore(k, "de", "nghi") || text.ReadsBefore(k, "yeu", "cau") || text.ReadsBefore(k, "giao");
            // each name of the list starts with a capital after the ask or a comma
            if ((isAsk || gap.IndexOf(',') >= 0) && !char.IsUpper(text.Text[text.Words[k].Start])) return false;
            if (!isAsk) continue;
            var ask = text.Reads(k - 1, "giao") ? k - 1 : k - 2;
            return ask >= 0 && (text.BreakBefore[ask] || mentions.Exists(m => m.End == ask && m.IsSpeaker) || text.Reads(ask, "giao"));
        }
        return false;
    }

    /// <summary>
    /// "Lịch trực Tết của các cơ quan, đơn vị gửi về Văn phòng …", "Báo cáo … của UBND các xã có nhận định gửi về UBND huyện":
    /// what the units owe is the subject, and they are the ones who send it.
    /// </summary>
    private static bool SenderOf(WordText text, int start, int end)
    {
        if (!text.ReadsBefore(start, "cua")) return false;
        for (var k = end; k < text.Count && k < end + 6; k++)
        {
            if (text.BreakBefore[k]) return false;
            if (text.Normal[k] is "gui" or "nop") return true;
        }
        return false;
    }

    /// <summary>"Riêng Phòng Y tế …", "Đồng thời UBND các xã …": a connective opens the clause, its subject follows.</summary>
    private static bool AfterConnective(WordText text, int start)
    {
        foreach (var c in Connectives)
            if (start >= c.Length && text.ReadsBefore(start, c) && text.BreakBefore[start - c.Length]) return true;
        return false;
    }

    private static readonly string[][] Connectives =
        [["rieng"], ["dong", "thoi"], ["theo", "do"], ["ngoai", "ra"], ["do", "do"], ["vi", "vay"], ["cu", "the"], ["con"], ["rieng", "doi", "voi"]];

    /// <summary>"Trên cơ sở kết quả ..., Thủ trưởng các cơ quan ... thực hiện": the subject after an opening clause.</summary>
    private static bool AfterOpeningClause(WordText text, int start)
    {
        if (start == 0) return false;
        if (text.GapBefore(start).IndexOf(',') < 0) return false;
        var sentence = start - 1;
        while (sentence > 0 && !text.BreakBefore[sentence]) sentence--;
        // "Để ..." (in order to) opens a clause; "Đề nghị ..." (folded alike) is an ask, read elsewhere.
        if (text.Reads(sentence, "de", "nghi")) return false;
        foreach (var opener in Openers)
            if (text.Reads(sentence, opener)) return true;
        return false;
    }

    private static UnitMention? MatchAt(WordText text, int at)
    {
        if (at >= text.Count) return null;
        if (!Candidates.TryGetValue(text.Normal[at], out var candidates)) return null;
        // "cơ sở y tế" is a base, not the Sở Y tế.
        if (text.Normal[at] == "so" && at > 0 && text.Normal[at - 1] == "co" && !text.BreakBefore[at]) return null;
        // Only the forms the next word allows (Match takes no word after a sentence break).
        var forms = at + 1 < text.Count && !SentenceBreak(text, at + 1) && candidates.BySecond.TryGetValue(text.Normal[at + 1], out var allowed)
            ? allowed
            : candidates.Otherwise;
        // The first of the longest forms; the mention is made once, for it.
        Form? best = null;
        var bestEnd = 0;
        foreach (var form in forms)
        {
            var end = Match(text, at, form);
            if (end > bestEnd) (best, bestEnd) = (form, end);
        }
        return best is null ? null : new UnitMention(at, bestEnd, best.Entry);
    }

    /// <summary>Where the form ends when it matches from <paramref name="at"/>, or -1.</summary>
    private static int Match(WordText text, int at, Form form)
    {
        var i = at;
        for (var k = 0; k < form.Words.Length; k++)
        {
            if (i < text.Count && text.Normal[i] == form.Words[k] && (i == at || !SentenceBreak(text, i))) { i++; continue; }
            if (!form.Optional[k]) return -1;
        }
        return i;
    }

    private static bool SentenceBreak(WordText text, int i)
    {
        if (!text.BreakBefore[i]) return false;
        return text.GapBefore(i).IndexOfAny(WordText.SentenceBreaks) >= 0;
    }

    private static Form ParseForm(UnitCatalog.Entry entry, string form)
    {
        var words = new List<string>();
        var optional = new List<bool>();
        foreach (var token in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var isOptional = token.StartsWith('[');
            var word = token.Trim('[', ']');
            if (!word.All(char.IsLetterOrDigit)) continue; // "[,]" documents punctuation, which is never matched
            words.Add(word);
            optional.Add(isOptional);
        }
        return new Form(entry, words.ToArray(), optional.ToArray());
    }
}

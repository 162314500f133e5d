namespace Bot.Domain.Directives;

/// <summary>The tier of local government a directive speaks from: its collectives mean different units at each.</summary>
public enum UnitLevel
{
    Unknown,
    Province,
    District,
    Commune,
}

/// <summary>
/// The units of Vietnamese local government that directives assign work to, as data: each with
/// the ways directives write it. Forms are folded word sequences; a word in brackets may be
/// missing ("văn phòng hđnd [và] ubnd [huyện]" also reads "VP HĐND&amp;UBND"). Punctuation
/// between words does not matter. Titles in front of a unit ("Thủ trưởng", "Chủ tịch",
/// "Trưởng phòng") are read by <see cref="Titles"/> and belong to the mention. Units the
/// vocabulary does not hold are read by their shape (<see cref="UnitNames"/>) and keep their
/// written name.
/// </summary>
public static class UnitCatalog
{
    /// <summary>What an entry names.</summary>
    public enum EntryKind
    {
        /// <summary>One unit, or a group with one canonical name.</summary>
        Unit,

        /// <summary>A People's Committee or its chair at a level of its own: the speaker, a destination, or (rarely) the actor.</summary>
        Committee,

        /// <summary>A group whose members depend on the directive's level ("các cơ quan, đơn vị", "các địa phương").</summary>
        Collective,
    }

    /// <summary>One unit (or group of units) and its written forms.</summary>
    /// <param name="Units">The canonical names it stands for (for a committee: how it is named when it acts, "UBND huyện").</param>
    /// <param name="Forms">Folded forms with optional words in brackets.</param>
    public sealed record Entry(IReadOnlyList<string> Units, IReadOnlyList<string> Forms)
    {
        public EntryKind Kind { get; init; } = EntryKind.Unit;

        /// <summary>For a committee, its tier ("UBND tỉnh" is the province).</summary>
        public UnitLevel Level { get; init; }

        /// <summary>For a collective, what it means in a province's directive; <see cref="Units"/> is the district's reading.</summary>
        public IReadOnlyList<string>? AtProvince { get; init; }

        /// <summary>For a collective, what it means in a commune's directive.</summary>
        public IReadOnlyList<string>? AtCommune { get; init; }

        /// <summary>
        /// "các đơn vị", "các cơ quan, địa phương", "các đơn vị nêu trên": when the directive named its
        /// addressees (a lead-in, "Kính gửi"), the group stands for them.
        /// </summary>
        public bool RefersBack { get; init; }

        /// <summary>Speaks for the issuing committee of the same level: "UBND huyện" in a district's letter.</summary>
        public bool IsIssuer => Kind == EntryKind.Committee;

        /// <summary>The units the entry stands for in a directive of this level.</summary>
        public IReadOnlyList<string> UnitsAt(UnitLevel level) => level switch
        {
            UnitLevel.Province => AtProvince ?? Units,
            UnitLevel.Commune => AtCommune ?? Units,
            _ => Units,
        };
    }

    public const string Departments = "Các cơ quan chuyên môn thuộc UBND huyện";
    public const string Related = "Các cơ quan, đơn vị liên quan";
    public const string Communes = "UBND các xã, thị trấn";
    public const string ProvinceDepartments = "Các sở, ban, ngành tỉnh";
    public const string ProvinceDepartmentsAndUnions = "Các sở, ban, ngành, đoàn thể tỉnh";
    public const string Districts = "UBND các huyện, thị xã, thành phố";

    /// <summary>A person's post in front of a unit: the duty goes to the unit.</summary>
    public static readonly IReadOnlyList<string> Titles =
    [
        "thu truong", "nguoi dung dau", "lanh dao", "giam doc", "pho giam doc", "chu tich", "pho chu tich",
        "chanh", "truong", "pho truong", "chi huy truong", "cong chuc", "chi cuc truong", "cuc truong", "hat truong",
        "truong phong", "pho truong phong", "chanh van phong", "chanh thanh tra", "truong ban", "pho chu tich thuong truc", "thuong truc",
        "chuyen vien", "can bo", "nhan vien", "bi thu", "pho bi thu",
    ];

    public static readonly IReadOnlyList<Entry> Entries = Build();

    private static Entry Unit(string name, params string[] forms) => new([name], forms);

    private static Entry Committee(string name, UnitLevel level, params string[] forms) =>
        new([name], forms) { Kind = EntryKind.Committee, Level = level };

    private static Entry Group(string[] district, string[]? province, string[]? commune, bool refersBack, params string[] forms) =>
        new(district, forms) { Kind = EntryKind.Collective, AtProvince = province, AtCommune = commune, RefersBack = refersBack };

    /// <summary>A department of both tiers: "Sở X" for the province, "Phòng X" for the district.</summary>
    private static IEnumerable<Entry> Department(string name, params string[] forms)
    {
        yield return new Entry(["Sở " + name], forms.Select(f => $"so {f} [tinh]").ToArray());
        yield return new Entry(["Phòng " + name], forms.Select(f => $"phong {f} [huyen]").ToArray());
    }

    private static IEnumerable<Entry> ProvinceDepartment(string name, params string[] forms) =>
        [new Entry(["Sở " + name], forms.Select(f => $"so {f} [tinh]").ToArray())];

    private static IEnumerable<Entry> DistrictDepartment(string name, params string[] forms) =>
        [new Entry(["Phòng " + name], forms.Select(f => $"phong {f} [huyen]").ToArray())];

    private static List<Entry> Build()
    {
        var entries = new List<Entry>
        {
            // The committees and their heads. In a directive of their own level they speak (or receive reports);
            // "Chủ tịch UBND huyện tiếp công dân ..." makes the committee the one who acts.
            Committee("UBND tỉnh", UnitLevel.Province, "ubnd tinh", "uy ban nhan dan tinh", "ubnd thanh pho truc thuoc trung uong"),
            Committee("UBND huyện", UnitLevel.District, "ubnd huyen", "uy ban nhan dan huyen", "ubnd thi xa", "uy ban nhan dan thi xa",
                "ubnd quan", "uy ban nhan dan quan", "ubnd thanh pho", "uy ban nhan dan thanh pho", "ubnd tp", "uy ban nhan dan tp"),
            Committee("UBND xã", UnitLevel.Commune, "ubnd xa", "uy ban nhan dan xa", "ubnd phuong", "uy ban nhan dan phuong",
                "ubnd thi tran", "uy ban nhan dan thi tran"),
            Committee("Chính phủ", UnitLevel.Unknown, "chinh phu", "thu tuong chinh phu", "thu tuong"),
            Committee("HĐND tỉnh", UnitLevel.Province, "hdnd tinh", "hoi dong nhan dan tinh"),
            Committee("HĐND huyện", UnitLevel.District, "hdnd huyen", "hoi dong nhan dan huyen", "hdnd quan", "hdnd thi xa", "hdnd thanh pho"),
            Committee("HĐND xã", UnitLevel.Commune, "hdnd xa", "hoi dong nhan dan xa", "hdnd phuong", "hdnd thi tran"),

            // Groups whose members depend on the tier. "Liên quan" is chosen when the directive is published.
            Unit(Related, "cac co quan [,] don vi [co] lien quan", "cac co quan [,] don vi [,] dia phuong [co] lien quan",
                "cac phong [,] ban [,] nganh [chuyen] [mon] [co] lien quan", "cac phong [,] ban chuyen mon [co] lien quan",
                "cac phong chuyen mon [co] lien quan", "cac don vi [co] lien quan", "cac co quan [co] lien quan",
                "cac nganh [co] lien quan", "cac so [,] nganh [co] lien quan", "cac so [,] ban [,] nganh [co] lien quan",
                "co quan [,] don vi [co] lien quan", "cac nganh chuc nang [co] lien quan", "nganh chuc nang [co] lien quan",
                "cac co quan chuc nang [co] lien quan", "cac co quan chuc nang", "cac nganh chuc nang", "cac luc luong chuc nang",
                "cac cap [,] cac nganh [co] lien quan", "cac to chuc [,] ca nhan [co] lien quan", "don vi [co] lien quan",
                "cac don vi [,] dia phuong [co] lien quan", "cac so [,] ban nganh [co] lien quan"),
            // "Các cơ quan, địa phương": at district level the localities are the communes, at province level the districts.
            Group([Departments, Communes], [ProvinceDepartments, Districts], null, true,
                "cac co quan [,] don vi [,] dia phuong", "cac co quan [,] dia phuong", "cac don vi [,] dia phuong", "cac nganh [,] dia phuong",
                "cac cap [,] cac nganh", "cac nganh [,] cac cap"),
            Group([Communes], [Districts], null, true, "cac dia phuong"),
            Group([Departments], [ProvinceDepartments], null, true,
                "cac co quan [,] don vi", "co quan [,] don vi", "cac don vi", "cac co quan", "cac nganh"),
            Group([Departments], [ProvinceDepartments], null, false,
                "cac co quan chuyen mon thuoc ubnd huyen", "cac co quan chuyen mon thuoc uy ban nhan dan huyen",
                "cac co quan chuyen mon [huyen]", "cac co quan [,] don vi thuoc ubnd huyen", "cac co quan [,] don vi [,] nganh",
                "cac phong [,] ban [,] nganh [huyen]", "cac phong [,] nganh [huyen]", "cac phong [,] ban chuyen mon [huyen]",
                "cac phong chuyen mon [huyen]", "cac phong [,] ban [huyen]", "cac co quan qlnn", "cac co quan quan ly nha nuoc",
                "cac co quan [,] don vi thuoc uy ban nhan dan huyen", "cac co quan [,] ban nganh [huyen]"),
            Group([ProvinceDepartments], [ProvinceDepartments], null, false,
                "cac so [,] ban [,] nganh [,] don vi cap tinh", "cac so [,] ban [,] nganh [tinh]", "cac so [,] nganh [tinh]",
                "cac so [,] ban [,] nganh thuoc ubnd tinh", "cac so [tinh]", "cac co quan chuyen mon thuoc ubnd tinh",
                "cac co quan [,] don vi cap tinh", "cac co quan [,] don vi tinh"),
            // With the mass organisations: a name of its own at province level; written as it is at district level.
            Unit(ProvinceDepartmentsAndUnions, "cac so [,] ban [,] nganh [,] doan the [tinh]", "cac so [,] nganh [,] doan the [tinh]",
                "cac co quan [,] don vi [,] doan the tinh", "cac co quan [,] ban [,] nganh [,] doan the tinh", "cac so [,] ban nganh [,] doan the [tinh]"),
            Group(["Các đoàn thể huyện"], ["Các đoàn thể tỉnh"], ["Các đoàn thể xã"], false,
                "cac doan the [chinh] [tri] [xa] [hoi]", "cac to chuc doan the"),
            Unit("Các đoàn thể tỉnh", "cac doan the [chinh] [tri] [xa] [hoi] tinh"),
            Unit("Các đoàn thể huyện", "cac doan the [chinh] [tri] [xa] [hoi] huyen"),
            Unit("Các đoàn thể xã", "cac doan the [chinh] [tri] [xa] [hoi] xa"),

            Unit(Communes, "ubnd cac xa [,] thi tran", "uy ban nhan dan cac xa [,] thi tran", "cac xa [,] thi tran", "ubnd cap xa",
                "uy ban nhan dan cap xa", "ubnd xa [,] thi tran", "ubnd cac thi tran [,] xa", "uy ban nhan dan xa [,] thi tran",
                "chinh quyen cac xa [,] thi tran", "ubnd cac xa", "uy ban nhan dan cac xa", "cac xa"),
            Unit("UBND các phường", "ubnd cac phuong", "uy ban nhan dan cac phuong"),
            Unit("UBND các phường, xã", "ubnd cac phuong [,] xa", "uy ban nhan dan cac phuong [,] xa", "cac phuong [,] xa"),
            Unit("UBND các xã, phường", "ubnd cac xa [,] phuong", "uy ban nhan dan cac xa [,] phuong", "cac xa [,] phuong"),
            Unit("UBND các xã, phường, thị trấn", "ubnd cac xa [,] phuong [,] thi tran", "uy ban nhan dan cac xa [,] phuong [,] thi tran",
                "cac xa [,] phuong [,] thi tran", "ubnd cac phuong [,] xa [,] thi tran", "ubnd xa [,] phuong [,] thi tran",
                "uy ban nhan dan xa [,] phuong [,] thi tran"),
            Unit(Districts, "ubnd cac huyen [,] thi xa [,] thanh pho", "ubnd cac huyen [,] thanh pho [,] thi xa",
                "uy ban nhan dan cac huyen [,] thi xa [,] thanh pho", "uy ban nhan dan cac huyen [,] thanh pho [,] thi xa",
                "ubnd cac huyen [,] thanh pho", "uy ban nhan dan cac huyen [,] thanh pho", "ubnd cap huyen", "uy ban nhan dan cap huyen",
                "ubnd cac huyen [,] thanh [,] thi", "uy ban nhan dan cac huyen [,] thanh [,] thi", "ubnd cac huyen [,] thi [,] thanh",
                "ubnd huyen [,] thi xa [,] thanh pho", "uy ban nhan dan huyen [,] thi xa [,] thanh pho", "ubnd huyen [,] thanh pho",
                "ubnd cac huyen [,] thi xa", "ubnd cac quan [,] huyen", "uy ban nhan dan cac quan [,] huyen", "ubnd cac huyen",
                "uy ban nhan dan cac huyen", "cac huyen [,] thi xa [,] thanh pho", "ubnd cac quan [,] huyen [,] thi xa", "ubnd quan [,] huyen",
                "uy ban nhan dan quan [,] huyen"),
            Unit("UBND các cấp", "ubnd cac cap", "uy ban nhan dan cac cap", "chinh quyen dia phuong cac cap", "chinh quyen cac cap"),

            // District offices and bodies outside the committee's departments that directives commonly task.
            Unit("Văn phòng HĐND và UBND huyện", "van phong hdnd [va] ubnd [huyen]", "vp hdnd [va] ubnd [huyen]",
                "van phong hoi dong nhan dan va uy ban nhan dan [huyen]", "van phong ubnd huyen", "van phong uy ban nhan dan huyen",
                "van phong hdnd [,] ubnd [huyen]"),
            Unit("Thanh tra huyện", "thanh tra huyen"),
            Unit("Phòng Tài chính - Kế hoạch", "phong tai chinh [va] ke hoach [huyen]", "phong tc [va] kh [huyen]", "phong tckh [huyen]",
                "phong tai chinh [huyen]"),
            Unit("Phòng Văn hóa và Thông tin", "phong van hoa [va] thong tin [huyen]", "phong vh [va] tt [huyen]", "phong vhtt [huyen]"),
            Unit("Phòng Kinh tế và Hạ tầng", "phong kinh te [va] ha tang [huyen]", "phong kt [va] ht [huyen]", "phong ktht [huyen]"),
            Unit("Phòng Kinh tế", "phong kinh te [huyen]"),
            Unit("Phòng Quản lý đô thị", "phong quan ly do thi [huyen]", "phong qldt [huyen]"),
            Unit("Phòng Kinh tế, Hạ tầng và Đô thị", "phong kinh te [,] ha tang [va] do thi [huyen]"),
            Unit("Phòng Văn hóa, Khoa học và Thông tin", "phong van hoa [,] khoa hoc [va] thong tin [huyen]"),
            Unit("Phòng Văn hóa - Xã hội", "phong van hoa [,] xa hoi"),
            Unit("Công an huyện", "cong an huyen", "cong an quan", "cong an thi xa", "cong an thanh pho"),
            Unit("Ban Chỉ huy Quân sự huyện", "ban chi huy quan su huyen", "ban chqs huyen", "bch quan su huyen"),
            Unit("Trung tâm Y tế huyện", "trung tam y te huyen"),
            Unit("Trung tâm Văn hóa - Thể thao và Truyền thanh huyện", "trung tam van hoa [,] the thao [va] truyen thanh [huyen]"),
            Unit("Chi cục Thuế", "chi cuc thue [khu] [vuc] [huyen]"),
            Unit("Bảo hiểm xã hội huyện", "bao hiem xa hoi huyen", "bhxh huyen"),
            Unit("Kho bạc Nhà nước huyện", "kho bac nha nuoc huyen", "kho bac nha nuoc khu vuc"),
            Unit("Chi cục Thống kê", "chi cuc thong ke [khu] [vuc] [huyen]"),
            Unit("Ban Quản lý dự án đầu tư xây dựng huyện", "ban quan ly du an [dau] [tu] [xay] [dung] [huyen]"),
            Unit("Trung tâm Phát triển quỹ đất huyện", "trung tam phat trien quy dat [huyen]"),
            Unit("Hạt Kiểm lâm", "hat kiem lam [huyen]"),
            Unit("Đài Truyền thanh huyện", "dai truyen thanh huyen"),
            Unit("Đài Truyền thanh xã", "dai truyen thanh xa", "dai truyen thanh phuong", "dai truyen thanh thi tran", "dai truyen thanh co so"),

            // Province bodies.
            Unit("Văn phòng UBND tỉnh", "van phong ubnd tinh", "van phong uy ban nhan dan tinh", "vp ubnd tinh"),
            Unit("Công an tỉnh", "cong an tinh"),
            Unit("Bộ Chỉ huy Quân sự tỉnh", "bo chi huy quan su tinh", "bch quan su tinh", "bo chqs tinh"),
            Unit("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "bo chi huy bo doi bien phong [tinh]", "bch bo doi bien phong [tinh]", "bo doi bien phong tinh"),
            Unit("Thanh tra tỉnh", "thanh tra tinh"),
            Unit("Ban Dân tộc tỉnh", "ban dan toc tinh"),
            Unit("Ban Quản lý các khu công nghiệp tỉnh", "ban quan ly cac khu cong nghiep [tinh]"),
            Unit("Đài Phát thanh và Truyền hình tỉnh", "dai phat thanh [va] truyen hinh [tinh]"),
            Unit("Cục Thuế tỉnh", "cuc thue [tinh]", "nganh thue [tinh]"),
            Unit("Cục Thống kê tỉnh", "cuc thong ke [tinh]", "nganh thong ke [tinh]"),
            Unit("Kho bạc Nhà nước tỉnh", "kho bac nha nuoc tinh"),
            Unit("Bảo hiểm xã hội tỉnh", "bao hiem xa hoi tinh", "bhxh tinh"),

            // The Front and mass organisations; the bodies of the centre and province seated in a district.
            Unit("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "uy ban mat tran to quoc [viet] [nam] tinh", "ubmttq [viet] [nam] tinh",
                "ubmt tq [viet] [nam] tinh", "uy ban mttq [viet] [nam] tinh", "mat tran to quoc [viet] [nam] tinh", "ubmt [viet] [nam] tinh"),
            Unit("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "uy ban mat tran to quoc [viet] [nam] huyen", "ubmttq [viet] [nam] huyen",
                "ubmt tq [viet] [nam] huyen", "uy ban mttq [viet] [nam] huyen", "mat tran to quoc [viet] [nam] huyen", "ubmt [viet] [nam] huyen"),
            Unit("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "uy ban mat tran to quoc [viet] [nam] xa", "ubmttq [viet] [nam] xa",
                "ubmt tq [viet] [nam] xa", "uy ban mttq [viet] [nam] xa", "mat tran to quoc [viet] [nam] xa", "ubmt [viet] [nam] xa"),
            Unit("Các cơ quan, đơn vị của tỉnh, Trung ương đóng trên địa bàn huyện",
                "cac co quan [,] don vi [cua] tinh [,] tw dong tren dia ban [huyen]", "cac co quan [,] don vi [cua] tinh [,] trung uong dong tren dia ban [huyen]",
                "cac co quan [,] don vi [cua] trung uong [,] tinh dong tren dia ban [huyen]", "cac co quan trung uong [,] tinh dong tren dia ban [huyen]",
                "cac co quan [,] don vi trung uong [,] tinh dong tren dia ban [huyen]"),
            Unit("Các đơn vị sự nghiệp thuộc UBND huyện", "cac don vi su nghiep [cong] [lap] thuoc ubnd huyen",
                "don vi su nghiep [cong] [lap] thuoc ubnd huyen", "cac don vi su nghiep [cong] [lap] thuoc uy ban nhan dan huyen",
                "don vi su nghiep thuoc uy ban nhan dan huyen", "cac don vi su nghiep [cong] [lap] [huyen]"),

            // Commune level (Decree 33/2023): the commune's civil servants, forces and villages.
            Unit("Công chức Văn phòng - Thống kê", "cong chuc van phong [,] thong ke"),
            Unit("Công chức Tư pháp - Hộ tịch", "cong chuc tu phap [,] ho tich"),
            Unit("Công chức Địa chính - Xây dựng", "cong chuc dia chinh [,] xay dung [,] do thi [va] moi truong",
                "cong chuc dia chinh [,] xay dung", "cong chuc dia chinh [,] nong nghiep"),
            Unit("Công chức Văn hóa - Xã hội", "cong chuc van hoa [,] xa hoi"),
            Unit("Công chức Tài chính - Kế toán", "cong chuc tai chinh [,] ke toan"),
            Unit("Công an xã", "cong an xa", "cong an phuong", "cong an thi tran"),
            Unit("Ban Chỉ huy Quân sự xã", "ban chi huy quan su xa", "ban chqs xa", "ban chi huy quan su phuong", "ban chi huy quan su thi tran"),
            Unit("Trạm Y tế xã", "tram y te xa", "tram y te phuong", "tram y te thi tran"),
            Unit("Văn phòng HĐND và UBND xã", "van phong hdnd [va] ubnd xa", "van phong ubnd xa"),

            // A school's own bodies, when a school issues.
            Unit("Đoàn trường", "doan truong", "doan thanh nien truong", "chi doan truong"),
            Unit("Ban Giám hiệu", "ban giam hieu"),
            Unit("Công đoàn trường", "cong doan truong", "cong doan co so"),
        };

        // Departments (Decrees 24/2014, 37/2014, 107 and 108/2020; the 2025 reorganisation, Decree 150/2025).
        entries.AddRange(Department("Nội vụ", "noi vu"));
        entries.AddRange(Department("Tư pháp", "tu phap"));
        entries.AddRange(Department("Tài nguyên và Môi trường", "tai nguyen [va] moi truong", "tn [va] mt", "tnmt"));
        entries.AddRange(Department("Nông nghiệp và Phát triển nông thôn", "nong nghiep [va] phat trien nong thon", "nn [va] ptnt",
            "nong nghiep [va] ptnt", "nnptnt", "nn ptnt"));
        entries.AddRange(Department("Lao động - Thương binh và Xã hội", "lao dong [,] thuong binh [va] xa hoi", "ld [,] tb [va] xh",
            "ldtbxh", "ld tbxh"));
        entries.AddRange(Department("Giáo dục và Đào tạo", "giao duc [va] dao tao", "gd [va] dt", "gddt"));
        entries.AddRange(Department("Y tế", "y te"));
        entries.AddRange(Department("Dân tộc", "dan toc"));
        entries.AddRange(Department("Nông nghiệp và Môi trường", "nong nghiep [va] moi truong"));
        entries.AddRange(ProvinceDepartment("Tài chính", "tai chinh"));
        entries.AddRange(ProvinceDepartment("Kế hoạch và Đầu tư", "ke hoach [va] dau tu", "kh [va] dt", "khdt"));
        entries.AddRange(ProvinceDepartment("Thông tin và Truyền thông", "thong tin [va] truyen thong", "tt [va] tt", "tttt"));
        entries.AddRange(ProvinceDepartment("Văn hóa, Thể thao và Du lịch", "van hoa [,] the thao [va] du lich", "vh [,] tt [va] dl", "vhttdl"));
        entries.AddRange(ProvinceDepartment("Xây dựng", "xay dung"));
        entries.AddRange(ProvinceDepartment("Giao thông vận tải", "giao thong [va] van tai", "gtvt"));
        entries.AddRange(ProvinceDepartment("Công Thương", "cong thuong"));
        entries.AddRange(ProvinceDepartment("Khoa học và Công nghệ", "khoa hoc [va] cong nghe", "khcn"));
        entries.AddRange(ProvinceDepartment("Ngoại vụ", "ngoai vu"));
        entries.AddRange(ProvinceDepartment("Du lịch", "du lich"));
        entries.AddRange(ProvinceDepartment("Dân tộc và Tôn giáo", "dan toc [va] ton giao"));
        entries.AddRange(ProvinceDepartment("Văn hóa và Thể thao", "van hoa [va] the thao"));
        entries.AddRange(DistrictDepartment("Văn hóa, Thể thao và Du lịch", "van hoa [,] the thao [va] du lich"));
        return entries;
    }
}

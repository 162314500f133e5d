namespace Bot.Domain.Directives;

/// <summary>
/// The units of Vietnamese local government that directives assign work to, each with the
/// ways directives write it. Forms are folded word sequences; a word in brackets may be
/// missing ("văn phòng hđnd [và] ubnd [huyện]" also reads "VP HĐND&amp;UBND"). Punctuation
/// between words does not matter. Titles in front of a unit ("Thủ trưởng", "Chủ tịch",
/// "Trưởng phòng") are read by <see cref="Titles"/> and belong to the mention.
/// </summary>
public static class UnitCatalog
{
    /// <summary>One unit (or group of units) and its written forms.</summary>
    /// <param name="Units">The canonical names it stands for; empty for the issuing body itself.</param>
    /// <param name="Forms">Folded forms with optional words in brackets.</param>
    public sealed record Entry(IReadOnlyList<string> Units, IReadOnlyList<string> Forms)
    {
        public bool IsIssuer => Units.Count == 0;
    }

    private const string Departments = "Các cơ quan chuyên môn thuộc UBND huyện";
    private const string Related = "Các cơ quan, đơn vị liên quan";
    private const string Communes = "UBND các xã, thị trấn";

    /// <summary>A person's post in front of a unit: the duty goes to the unit.</summary>
    public static readonly IReadOnlyList<string> Titles =
    [
        "thu truong", "nguoi dung dau", "lanh dao", "giam doc", "pho giam doc", "chu tich", "pho chu tich",
        "chanh", "truong", "pho truong", "chi huy truong", "cong chuc", "chi cuc truong", "cuc truong", "hat truong",
    ];

    public static readonly IReadOnlyList<Entry> Entries =
    [
        // The issuing bodies and their heads: they speak in the directive, they are not given its tasks.
        new([], ["ubnd huyen", "uy ban nhan dan huyen", "ubnd tinh", "uy ban nhan dan tinh", "ubnd xa", "uy ban nhan dan xa",
                 "ubnd thanh pho", "ubnd thi xa", "ubnd quan", "ubnd phuong", "ubnd thi tran", "chinh phu", "thu tuong chinh phu"]),

        // District: the groups of units. "Liên quan" is chosen when the directive is published.
        new([Related], ["cac co quan [,] don vi [co] lien quan", "cac co quan [,] don vi [,] dia phuong [co] lien quan",
                        "cac phong [,] ban [,] nganh [chuyen mon] [co] lien quan", "cac phong [,] ban chuyen mon [co] lien quan",
                        "cac phong chuyen mon [co] lien quan", "cac don vi [co] lien quan", "cac co quan [co] lien quan",
                        "cac nganh [co] lien quan", "cac so [,] nganh [co] lien quan", "cac so [,] ban [,] nganh [co] lien quan",
                        "co quan [,] don vi [co] lien quan"]),
        // "Các cơ quan, địa phương": at district level the localities are the communes.
        new([Departments, Communes], ["cac co quan [,] don vi [,] dia phuong", "cac co quan [,] dia phuong", "cac don vi [,] dia phuong",
                                      "cac nganh [,] dia phuong"]),
        new([Departments], ["cac co quan chuyen mon thuoc ubnd huyen", "cac co quan chuyen mon thuoc uy ban nhan dan huyen",
                            "cac co quan chuyen mon [huyen]", "cac co quan [,] don vi thuoc ubnd huyen", "cac co quan [,] don vi [,] nganh",
                            "cac co quan [,] don vi", "co quan [,] don vi", "cac phong [,] ban [,] nganh [huyen]",
                            "cac phong [,] ban chuyen mon [huyen]", "cac phong chuyen mon [huyen]", "cac phong [,] ban [huyen]"]),
        new([Communes], ["ubnd cac xa [,] thi tran", "uy ban nhan dan cac xa [,] thi tran", "cac xa [,] thi tran", "ubnd cap xa",
                         "uy ban nhan dan cap xa",
                         "ubnd xa [,] thi tran", "ubnd cac thi tran [,] xa"]),
        new(["UBND các phường"], ["ubnd cac phuong", "uy ban nhan dan cac phuong"]),
        new(["UBND các xã, phường, thị trấn"], ["ubnd cac xa [,] phuong [,] thi tran", "uy ban nhan dan cac xa [,] phuong [,] thi tran",
                                               "cac xa [,] phuong [,] thi tran", "ubnd cac xa [,] phuong", "ubnd cac phuong [,] xa"]),

        // District departments (Decree 37/2014, 108/2020): each with its full, short and initials forms.
        new(["Văn phòng HĐND và UBND huyện"], ["van phong hdnd [va] ubnd [huyen]", "vp hdnd [va] ubnd [huyen]",
                                              "van phong hoi dong nhan dan va uy ban nhan dan [huyen]", "van phong ubnd huyen",
                                              "van phong uy ban nhan dan huyen"]),
        new(["Phòng Nội vụ"], ["phong noi vu [huyen]"]),
        new(["Phòng Tư pháp"], ["phong tu phap [huyen]"]),
        new(["Phòng Văn hóa và Thông tin"], ["phong van hoa [va] thong tin [huyen]", "phong vh [va] tt [huyen]", "phong vhtt [huyen]"]),
        new(["Phòng Tài chính - Kế hoạch"], ["phong tai chinh [va] ke hoach [huyen]", "phong tc [va] kh [huyen]", "phong tckh [huyen]"]),
        new(["Phòng Tài nguyên và Môi trường"], ["phong tai nguyen [va] moi truong [huyen]", "phong tn [va] mt [huyen]", "phong tnmt [huyen]"]),
        new(["Phòng Lao động - Thương binh và Xã hội"], ["phong lao dong thuong binh [va] xa hoi [huyen]", "phong ld [,] tb [va] xh [huyen]",
                                                        "phong ldtbxh [huyen]"]),
        new(["Phòng Giáo dục và Đào tạo"], ["phong giao duc [va] dao tao [huyen]", "phong gd [va] dt [huyen]", "phong gddt [huyen]"]),
        new(["Phòng Y tế"], ["phong y te [huyen]"]),
        new(["Thanh tra huyện"], ["thanh tra huyen"]),
        new(["Phòng Kinh tế và Hạ tầng"], ["phong kinh te [va] ha tang [huyen]", "phong kt [va] ht [huyen]", "phong ktht [huyen]"]),
        new(["Phòng Nông nghiệp và Phát triển nông thôn"], ["phong nong nghiep [va] phat trien nong thon [huyen]",
                                                            "phong nn [va] ptnt [huyen]", "phong nong nghiep [va] ptnt [huyen]"]),
        new(["Phòng Kinh tế"], ["phong kinh te [huyen]"]),
        new(["Phòng Quản lý đô thị"], ["phong quan ly do thi"]),
        new(["Phòng Dân tộc"], ["phong dan toc [huyen]"]),
        // The departments as renamed by the 2025 reorganisation (Decree 150/2025).
        new(["Phòng Kinh tế, Hạ tầng và Đô thị"], ["phong kinh te [,] ha tang [va] do thi [huyen]"]),
        new(["Phòng Nông nghiệp và Môi trường"], ["phong nong nghiep [va] moi truong [huyen]"]),
        new(["Phòng Văn hóa, Khoa học và Thông tin"], ["phong van hoa [,] khoa hoc [va] thong tin [huyen]"]),
        new(["Phòng Văn hóa - Xã hội"], ["phong van hoa [,] xa hoi"]),
        // District bodies outside the committee's departments that directives commonly task.
        new(["Công an huyện"], ["cong an huyen"]),
        new(["Ban Chỉ huy Quân sự huyện"], ["ban chi huy quan su huyen", "ban chqs huyen"]),
        new(["Trung tâm Y tế huyện"], ["trung tam y te huyen"]),
        new(["Trung tâm Văn hóa - Thể thao và Truyền thanh huyện"], ["trung tam van hoa [,] the thao [va] truyen thanh [huyen]"]),
        new(["Chi cục Thuế"], ["chi cuc thue [khu vuc] [huyen]"]),
        new(["Bảo hiểm xã hội huyện"], ["bao hiem xa hoi huyen"]),
        new(["Kho bạc Nhà nước huyện"], ["kho bac nha nuoc huyen", "kho bac nha nuoc khu vuc"]),
        new(["Chi cục Thống kê"], ["chi cuc thong ke [khu vuc] [huyen]"]),
        new(["Ban Quản lý dự án đầu tư xây dựng huyện"], ["ban quan ly du an [dau tu] [xay dung] [huyen]"]),
        new(["Trung tâm Phát triển quỹ đất huyện"], ["trung tam phat trien quy dat [huyen]"]),
        new(["Hạt Kiểm lâm"], ["hat kiem lam [huyen]"]),
        new(["Đài Truyền thanh huyện"], ["dai truyen thanh [huyen]"]),

        // Province level.
        new(["Các sở, ban, ngành tỉnh"], ["cac so [,] ban [,] nganh [,] doan the [tinh]", "cac so [,] ban [,] nganh [tinh]",
                                          "cac so [,] nganh [tinh]", "cac so [,] ban [,] nganh thuoc ubnd tinh", "cac so [tinh]"]),
        new(["UBND các huyện, thị xã, thành phố"], ["ubnd cac huyen [,] thi xa [,] thanh pho", "ubnd cac huyen [,] thanh pho [,] thi xa",
                                                   "uy ban nhan dan cac huyen [,] thi xa [,] thanh pho",
                                                   "uy ban nhan dan cac huyen [,] thanh pho [,] thi xa", "ubnd cac huyen [,] thanh pho", "uy ban nhan dan cac huyen [,] thanh pho",
                                                   "ubnd cap huyen", "uy ban nhan dan cap huyen"]),
        new(["UBND các cấp"], ["ubnd cac cap", "uy ban nhan dan cac cap"]),
        new(["Văn phòng UBND tỉnh"], ["van phong ubnd tinh", "van phong uy ban nhan dan tinh", "vp ubnd tinh"]),
        new(["Công an tỉnh"], ["cong an tinh"]),
        new(["Bộ Chỉ huy Quân sự tỉnh"], ["bo chi huy quan su tinh"]),
        new(["Thanh tra tỉnh"], ["thanh tra tinh"]),
        new(["Sở Nội vụ"], ["so noi vu [tinh]"]),
        new(["Sở Tư pháp"], ["so tu phap [tinh]"]),
        new(["Sở Tài chính"], ["so tai chinh [tinh]"]),
        new(["Sở Kế hoạch và Đầu tư"], ["so ke hoach [va] dau tu [tinh]"]),
        new(["Sở Tài nguyên và Môi trường"], ["so tai nguyen [va] moi truong [tinh]", "so tn [va] mt [tinh]"]),
        new(["Sở Thông tin và Truyền thông"], ["so thong tin [va] truyen thong [tinh]", "so tt [va] tt [tinh]"]),
        new(["Sở Giáo dục và Đào tạo"], ["so giao duc [va] dao tao [tinh]"]),
        new(["Sở Y tế"], ["so y te [tinh]"]),
        new(["Sở Xây dựng"], ["so xay dung [tinh]"]),
        new(["Sở Giao thông vận tải"], ["so giao thong [va] van tai [tinh]"]),
        new(["Sở Công Thương"], ["so cong thuong [tinh]"]),
        new(["Sở Nông nghiệp và Phát triển nông thôn"], ["so nong nghiep [va] phat trien nong thon [tinh]", "so nn [va] ptnt [tinh]"]),
        new(["Sở Lao động - Thương binh và Xã hội"], ["so lao dong [,] thuong binh [va] xa hoi [tinh]", "so ldtbxh [tinh]"]),
        new(["Sở Văn hóa, Thể thao và Du lịch"], ["so van hoa [,] the thao [va] du lich [tinh]"]),
        new(["Sở Khoa học và Công nghệ"], ["so khoa hoc [va] cong nghe [tinh]"]),
        new(["Sở Ngoại vụ"], ["so ngoai vu [tinh]"]),
        new(["Ban Dân tộc tỉnh"], ["ban dan toc tinh"]),
        new(["Sở Nông nghiệp và Môi trường"], ["so nong nghiep [va] moi truong [tinh]"]),
        new(["Sở Dân tộc và Tôn giáo"], ["so dan toc [va] ton giao [tinh]"]),
        new(["Sở Du lịch"], ["so du lich [tinh]"]),
        new(["Ban Quản lý các khu công nghiệp tỉnh"], ["ban quan ly cac khu cong nghiep [tinh]"]),
        new(["Đài Phát thanh và Truyền hình tỉnh"], ["dai phat thanh [va] truyen hinh [tinh]"]),
        new(["Cục Thuế tỉnh"], ["cuc thue [tinh]"]),
        new(["Kho bạc Nhà nước tỉnh"], ["kho bac nha nuoc tinh"]),
        new(["Bảo hiểm xã hội tỉnh"], ["bao hiem xa hoi tinh"]),
        new(["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"], ["bo chi huy bo doi bien phong [tinh]"]),

        // Commune level (Decree 33/2023): the commune's civil servants and hamlets.
        new(["Công chức Văn phòng - Thống kê"], ["cong chuc van phong [,] thong ke"]),
        new(["Công chức Tư pháp - Hộ tịch"], ["cong chuc tu phap [,] ho tich"]),
        new(["Công chức Địa chính - Xây dựng"], ["cong chuc dia chinh [,] xay dung [,] do thi [va] moi truong",
                                                 "cong chuc dia chinh [,] xay dung", "cong chuc dia chinh [,] nong nghiep"]),
        new(["Công chức Văn hóa - Xã hội"], ["cong chuc van hoa [,] xa hoi"]),
        new(["Công chức Tài chính - Kế toán"], ["cong chuc tai chinh [,] ke toan"]),
        new(["Công an xã"], ["cong an xa"]),
        new(["Ban Chỉ huy Quân sự xã"], ["ban chi huy quan su xa", "ban chqs xa"]),
        new(["Trạm Y tế xã"], ["tram y te xa"]),
        new(["Các thôn, khu dân cư"], ["cac thon [,] khu dan cu", "cac thon [,] khu pho", "thon [,] khu dan cu", "cac thon"]),
    ];
}

using Bot.Domain.Organization;

namespace Bot.Tests.Organization;

public class UnitDirectoryTests
{
    private static readonly UnitDirectory Units = TestUnits.TuKy;

    [Fact]
    public void Tu_Ky_has_23_communes_and_towns_and_12_departments()
    {
        Assert.Equal(23, Units.Units.Count(u => u.Kind is UnitKind.Commune or UnitKind.Town));
        Assert.Equal(12, Units.Units.Count(u => u.Kind is UnitKind.Department or UnitKind.Office));
        Assert.Single(Units.Units, u => u.Kind == UnitKind.DistrictLeadership);
    }

    [Theory]
    [InlineData("Phòng Nội vụ", "NV")]
    [InlineData("phong noi vu", "NV")]
    [InlineData("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "TCKH")]
    [InlineData("Văn phòng HĐND và UBND huyện", "VP")]
    [InlineData("UBND xã Đại Sơn", "X-DAISON")]
    [InlineData("Chủ tịch UBND xã Hưng Đạo", "X-HUNGDAO")]
    [InlineData("dai son", "X-DAISON")]
    [InlineData("Thị trấn Tứ Kỳ", "TT-TUKY")]
    [InlineData("Thường trực UBND huyện", "UBND")]
    [InlineData("Phòng Tư phap", "TP")]
    [InlineData("Phòng Nôi vu", "NV")]          // a typo in the accents
    [InlineData("xã Quang Trưng", "X-QUANGTRUNG")] // OCR read ư for u
    [InlineData("x4 Ngoc Ky", "X-NGOCKY")]        // OCR read "xã" as "x4"
    public void A_unit_is_found_from_how_people_and_OCR_write_it(string written, string code) =>
        Assert.Equal(code, Units.Find(written)?.Code);

    [Theory]
    [InlineData("Phòng Ngoại giao")]
    [InlineData("xã Ngọc Sơn")] // merged into another commune in 2019: not a unit in 2023
    [InlineData("Sở Tài nguyên và Môi trường")]
    public void Unknown_names_find_nothing(string written) => Assert.Null(Units.Find(written));

    [Fact]
    public void Groups_resolve_to_their_members()
    {
        var communes = Units.Resolve("UBND các xã, thị trấn");
        Assert.Equal(UnitResolution.Outcome.Group, communes.Result);
        Assert.Equal(23, communes.Units.Count);
        var departments = Units.Resolve("Thủ trưởng các cơ quan chuyên môn");
        Assert.Equal(12, departments.Units.Count);
        Assert.Contains(departments.Units, u => u.Code == "VP");
        Assert.DoesNotContain(departments.Units, u => u.Kind == UnitKind.Commune);
        Assert.Equal(24, Units.Resolve("UBND các cấp").Units.Count); // the district's own committee and the 23 communes and towns
    }

    [Fact]
    public void Related_units_are_chosen_at_publish()
    {
        Assert.Equal(UnitResolution.Outcome.NeedsChoice, Units.Resolve("Các cơ quan, đơn vị liên quan").Result);
        var chosen = new[] { Units.Find("Phòng Tư pháp")!, Units.Find("Phòng Y tế")! };
        var resolved = Units.Resolve("các đơn vị có liên quan", chosen);
        Assert.Equal(["TP", "YT"], resolved.Units.Select(u => u.Code));
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84 912.345.678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("(090) 000-0001", "0900000001")]
    [InlineData("0312345678", "0312345678")]
    public void Phones_are_normalised(string written, string phone)
    {
        Assert.True(PhoneNumber.TryNormalize(written, out var normal));
        Assert.Equal(phone, normal);
    }

    [Theory]
    [InlineData("091234567")]   // nine digits
    [InlineData("0212345678")]  // a landline prefix, not a mobile
    [InlineData("+1 212 555 0100")]
    [InlineData("09123abc78")]
    [InlineData("")]
    public void Bad_phones_are_refused(string written) => Assert.False(PhoneNumber.TryNormalize(written, out _));

    [Theory]
    [InlineData("Staff", Role.Staff)]
    [InlineData("cán bộ", Role.Staff)]
    [InlineData("Trưởng phòng", Role.UnitHead)]
    [InlineData("Chu tich xa", Role.UnitHead)]
    [InlineData("Lãnh đạo huyện", Role.DistrictLeader)]
    [InlineData("Quản trị", Role.Admin)]
    [InlineData("admin", Role.Admin)]
    public void Roles_are_read_in_English_or_Vietnamese(string written, Role role)
    {
        Assert.True(Roles.TryParse(written, out var got));
        Assert.Equal(role, got);
    }

    [Theory]
    [InlineData("UBND huyện Tứ Kỳ", true)]
    [InlineData("UBND huyện Tt Kỳ", true)]           // the header as OCR read it
    [InlineData("UBND tỉnh Hải Dương", true)]        // the province: the district receives its directives
    [InlineData("Phòng Nội vụ", true)]               // no place named: one of the district's own bodies
    [InlineData("UBND huyện Thanh Hà", false)]       // another district of the province
    [InlineData("UBND huyện Cẩm Giàng", false)]
    [InlineData("UBND thành phố Hải Phòng", false)]
    public void The_district_follows_its_own_and_its_province_s_directives_only(string issuer, bool follows) =>
        Assert.Equal(follows, TestUnits.TuKy.Follows(issuer));
}

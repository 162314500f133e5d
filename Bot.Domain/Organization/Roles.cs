using Bot.Domain.Text;

namespace Bot.Domain.Organization;

/// <summary>Role names as written in a directory file: English or Vietnamese, with or without accents.</summary>
public static class Roles
{
    private static readonly Dictionary<string, Role> Words = new(StringComparer.Ordinal)
    {
        ["staff"] = Role.Staff,
        ["can bo"] = Role.Staff,
        ["cong chuc"] = Role.Staff,
        ["chuyen vien"] = Role.Staff,
        ["nhan vien"] = Role.Staff,
        ["unithead"] = Role.UnitHead,
        ["unit head"] = Role.UnitHead,
        ["truong don vi"] = Role.UnitHead,
        ["thu truong"] = Role.UnitHead,
        ["truong phong"] = Role.UnitHead,
        ["chanh van phong"] = Role.UnitHead,
        ["chanh thanh tra"] = Role.UnitHead,
        ["chu tich xa"] = Role.UnitHead,
        ["chu tich ubnd xa"] = Role.UnitHead,
        ["chu tich"] = Role.UnitHead,
        ["districtleader"] = Role.DistrictLeader,
        ["district leader"] = Role.DistrictLeader,
        ["lanh dao huyen"] = Role.DistrictLeader,
        ["lanh dao"] = Role.DistrictLeader,
        ["chu tich huyen"] = Role.DistrictLeader,
        ["pho chu tich huyen"] = Role.DistrictLeader,
        ["admin"] = Role.Admin,
        ["quan tri"] = Role.Admin,
        ["quan tri vien"] = Role.Admin,
        ["office"] = Role.Office,
        ["van thu"] = Role.Office,
        ["theo doi"] = Role.Office,
        ["chuyen vien theo doi"] = Role.Office,
        ["theo doi nhiem vu"] = Role.Office,
        ["chuyen vien theo doi nhiem vu"] = Role.Office,
    };

    public static bool TryParse(string? text, out Role role)
    {
        role = Role.Staff;
        return text is not null && Words.TryGetValue(VietnameseText.Key(text), out role);
    }

    /// <summary>The Vietnamese name people read.</summary>
    public static string Display(Role role) => role switch
    {
        Role.Staff => "Cán bộ",
        Role.UnitHead => "Trưởng đơn vị",
        Role.DistrictLeader => "Lãnh đạo huyện",
        Role.Admin => "Quản trị",
        Role.Office => "Văn thư",
        _ => role.ToString(),
    };
}

using Bot.Domain.Organization;

namespace Bot.Tests.Organization;

public class AccessTests
{
    [Theory]
    [InlineData(Role.Staff, "NV", true)]
    [InlineData(Role.Staff, "TP", false)]
    [InlineData(Role.UnitHead, "NV", true)]
    [InlineData(Role.UnitHead, "X-DAISON", false)]
    [InlineData(Role.DistrictLeader, "X-DAISON", true)]
    [InlineData(Role.Admin, "TP", true)]
    public void Officials_see_and_change_their_own_unit_and_the_district_sees_all(Role role, string unit, bool allowed)
    {
        var official = new Official { Phone = "0900000004", Name = "Trần Thị Bình", UnitCode = "NV", Role = role };
        Assert.Equal(allowed, Access.MaySee(official, unit));
        Assert.Equal(allowed, Access.MayChange(official, unit));
        Assert.Equal(role is Role.Admin or Role.DistrictLeader, Access.MayApproveExtension(official)); // and the office, which sees its own desk
    }
}

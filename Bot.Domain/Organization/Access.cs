namespace Bot.Domain.Organization;

/// <summary>
/// Who may see and change the work of which unit: staff and unit heads their own unit,
/// district leaders and admins every unit.
/// </summary>
public static class Access
{
    public static bool SeesAllUnits(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return official.Role is Role.DistrictLeader or Role.Admin;
    }

    public static bool MaySee(Official official, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(official);
        return SeesAllUnits(official) || string.Equals(official.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Confirming, reopening: the unit's own people, or the district above them.</summary>
    public static bool MayChange(Official official, string unitCode) => MaySee(official, unitCode);

    /// <summary>
    /// Moving a deadline: admins, the district office and district leaders (the store's check; which of them decide
    /// requests is <c>Extensions:Approvers</c>, checked by the conversation).
    /// </summary>
    public static bool MayApproveExtension(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return official.Role is Role.Admin or Role.Office or Role.DistrictLeader;
    }

    /// <summary>
    /// A directive's original file: to the units it gives work (<paramref name="unitCodes"/>), and to the office, district
    /// leaders and admins.
    /// </summary>
    public static bool MayHaveOriginal(Official official, IEnumerable<string> unitCodes)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(unitCodes);
        return ReadsEveryDirective(official) || unitCodes.Contains(official.UnitCode, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The office, district leaders and admins: every directive's original, whichever units it gives work.</summary>
    public static bool ReadsEveryDirective(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return official.Role is Role.Office or Role.DistrictLeader or Role.Admin;
    }

    /// <summary>Taking directives in and publishing them: the office's desk, and admins.</summary>
    public static bool MayPublish(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return official.Role is Role.Office or Role.Admin;
    }
}

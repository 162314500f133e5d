namespace Bot.Domain.Organization;

/// <summary>What sort of body a unit is: it decides which groups ("UBND các xã, thị trấn") hold it.</summary>
public enum UnitKind
{
    /// <summary>UBND huyện and its standing members (Thường trực UBND huyện).</summary>
    DistrictLeadership,

    /// <summary>Văn phòng HĐND và UBND huyện.</summary>
    Office,

    /// <summary>A specialised department (phòng, Thanh tra huyện).</summary>
    Department,

    /// <summary>A commune (xã).</summary>
    Commune,

    /// <summary>A town (thị trấn).</summary>
    Town,
}

/// <summary>
/// A unit of the district that can carry tasks.
/// </summary>
/// <param name="Code">Short stable code ("NV", "X-DAISON"): what assignments and officials point at.</param>
/// <param name="Name">The name people read, with diacritics ("Phòng Nội vụ").</param>
/// <param name="Kind">Department, office, commune, town or district leadership.</param>
/// <param name="Aliases">Other written forms of the name ("UBND xã Đại Sơn", "Nội vụ").</param>
/// <param name="Parent">The code of the unit above it, or null.</param>
public sealed record Unit(string Code, string Name, UnitKind Kind, IReadOnlyList<string> Aliases, string? Parent);

/// <summary>
/// A name that stands for several units: by kind ("UBND các xã, thị trấn" = every commune and
/// town) or chosen when the directive is published ("Các cơ quan, đơn vị liên quan").
/// </summary>
public sealed record UnitGroup(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<UnitKind> MemberKinds, bool ChosenAtPublish);

namespace Bot.Domain.Organization;

/// <summary>What an official may see and do.</summary>
public enum Role
{
    /// <summary>Sees and confirms the tasks of their own unit.</summary>
    Staff,

    /// <summary>Head of a unit (trưởng phòng, chủ tịch UBND xã): their unit, with its people.</summary>
    UnitHead,

    /// <summary>District leadership: sees every unit.</summary>
    DistrictLeader,

    /// <summary>Runs the bot: every unit, and approves deadline extensions.</summary>
    Admin,

    /// <summary>The district office's desk (văn thư, chuyên viên theo dõi nhiệm vụ): receives directives in chat, reviews and publishes them.</summary>
    Office,
}

/// <summary>A chat account linked to an official: the channel ("telegram") and its user id there.</summary>
public sealed record ChatAccount(string Channel, string UserId);

/// <summary>
/// A person listed in the district directory. Found by phone (the key: officials share their
/// phone contact to link a chat). Later features add their own settings here (reachable,
/// digest, muted) as further init-only properties.
/// </summary>
public sealed record Official
{
    /// <summary>Normalised mobile number, 0xxxxxxxxx (<see cref="PhoneNumber"/>).</summary>
    public required string Phone { get; init; }

    public required string Name { get; init; }

    /// <summary>The code of the official's unit.</summary>
    public required string UnitCode { get; init; }

    public required Role Role { get; init; }

    public IReadOnlyList<ChatAccount> ChatAccounts { get; init; } = [];
}

using Bot.Domain.Organization;

namespace Bot.Domain.Conversation;

/// <summary>How a message says whose work it is about.</summary>
public enum ScopeKind
{
    /// <summary>It does not say: the asker's usual view (their unit; the district for its leaders).</summary>
    Unsaid,

    /// <summary>"của tôi", "xã mình", "phòng mình".</summary>
    Own,

    /// <summary>A unit by name; several when the name could mean more than one.</summary>
    Named,

    /// <summary>"các xã", "đơn vị nào", "toàn huyện": every unit (of a kind, when said).</summary>
    All,
}

/// <summary>Whose work a question is about, as the message says it (<see cref="Reach"/> decides what that means for the asker).</summary>
public sealed record Scope(ScopeKind Kind, IReadOnlyList<Unit> Units, IReadOnlyList<UnitKind> Of)
{
    /// <summary>A unit was named and the asker's own unit said too ("của tôi", "xã mình").</summary>
    public bool AlsoOwn { get; init; }

    public static Scope Unsaid { get; } = new(ScopeKind.Unsaid, [], []);

    public static Scope Own { get; } = new(ScopeKind.Own, [], []);

    public static Scope Named(IReadOnlyList<Unit> units) => new(ScopeKind.Named, units, []);

    public static Scope All(IReadOnlyList<UnitKind> of) => new(ScopeKind.All, [], of);
}

/// <summary>What a question is about once the asker's rights are applied: one unit, or every unit (of some kinds).</summary>
public sealed record Target(Unit? Unit, IReadOnlyList<UnitKind> Of)
{
    public bool IsAll => Unit is null;

    public bool Holds(Unit unit) => Unit is null ? Of.Count == 0 || Of.Contains(unit.Kind) : Unit.Code == unit.Code;
}

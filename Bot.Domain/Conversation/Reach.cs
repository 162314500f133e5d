using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// What an official may look at in the conversation: staff and unit heads their own unit; district
/// leaders, admins and the district office (it follows the district's work) every unit. Changing work
/// stays with <see cref="Access"/>, checked again by the store.
/// </summary>
public sealed class Reach(UnitDirectory units)
{
    public bool SeesAll(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return Access.SeesAllUnits(official) || units.ByCode(official.UnitCode)?.Kind == UnitKind.Office;
    }

    public bool MaySee(Official official, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(official);
        return SeesAll(official) || string.Equals(official.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase);
    }

    public Unit OwnUnit(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return units.ByCode(official.UnitCode) ?? new Unit(official.UnitCode, official.UnitCode, UnitKind.Department, [], null);
    }

    /// <summary>
    /// What the scope means for this asker, or the reply instead: a polite refusal for another unit's
    /// work, a question when a name could mean several units or when the asker named a unit and said
    /// their own too. Unsaid is the district for its
    /// leaders (their own unit carries no work of its own), the asker's unit for everyone else.
    /// </summary>
    public (Target? Target, Reply? Instead) Resolve(Turn turn, Scope scope)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(scope);
        var official = turn.Official;
        var own = OwnUnit(official);
        switch (scope.Kind)
        {
            case ScopeKind.Named when scope.Units.Count > 1:
                return (null, turn.Say(Phrases.WhichUnit(scope.Units.Select(u => u.Name).ToList())));
            case ScopeKind.Named when scope.AlsoOwn && !string.Equals(scope.Units[0].Code, own.Code, StringComparison.OrdinalIgnoreCase):
                return (null, turn.Say(Phrases.OwnOrNamed(scope.Units[0].Name, own.Name)));
            case ScopeKind.Named:
                var unit = scope.Units[0];
                return MaySee(official, unit.Code) ? (new Target(unit, []), null) : (null, turn.Say(Phrases.OnlyOwnUnit(own.Name, unit.Name)) with { Note = $"refused {unit.Code}" });
            case ScopeKind.All:
                return SeesAll(official) ? (new Target(null, scope.Of), null) : (null, turn.Say(Phrases.OnlyOwnUnit(own.Name, null)) with { Note = "refused all units" });
            case ScopeKind.Unsaid when Access.SeesAllUnits(official) && own.Kind == UnitKind.DistrictLeadership:
                return (new Target(null, []), null);
            default:
                return (new Target(own, []), null);
        }
    }
}

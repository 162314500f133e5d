using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Domain.Organization;

namespace Bot.Storage;

/// <summary>
/// Reads the district's units and group names from a JSON file (config/units.tu-ky.json):
/// `units`: code, name, kind, aliases, parent; `groups`: name, aliases, memberKinds, chosenAtPublish.
/// </summary>
public static class UnitsFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads the file at <paramref name="file"/> (found by the caller: Hosting.ConfigFiles).</summary>
    public static UnitDirectory Load(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var data = JsonSerializer.Deserialize<UnitsData>(File.ReadAllText(file), Json)
            ?? throw new InvalidDataException($"Tệp danh mục đơn vị {file} rỗng.");
        var units = data.Units.Select(u => new Unit(u.Code, u.Name, u.Kind, u.Aliases ?? [], u.Parent));
        var groups = data.Groups.Select(g => new UnitGroup(g.Name, g.Aliases ?? [], g.MemberKinds ?? [], g.ChosenAtPublish));
        return new UnitDirectory(units, groups) { District = data.District };
    }

    private sealed record UnitsData(List<UnitData> Units, List<GroupData> Groups, string? District = null);

    private sealed record UnitData(string Code, string Name, UnitKind Kind, List<string>? Aliases, string? Parent);

    private sealed record GroupData(string Name, List<string>? Aliases, List<UnitKind>? MemberKinds, bool ChosenAtPublish);
}

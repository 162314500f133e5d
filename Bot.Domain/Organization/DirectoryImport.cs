namespace Bot.Domain.Organization;

/// <summary>One data row of a directory file (columns unit, name, role, phone) and its row number in the file.</summary>
public sealed record OfficialRow(int Row, string? Unit, string? Name, string? Role, string? Phone);

/// <summary>A row left out, with the reason in Vietnamese.</summary>
public sealed record RejectedRow(int Row, string Reason);

public sealed record DirectoryImportReport(IReadOnlyList<Official> Accepted, IReadOnlyList<RejectedRow> Rejected);

/// <summary>
/// Checks the rows of a directory file against the district's units: every row is checked and
/// every fault is reported, so one bad row never hides another.
/// </summary>
public static class DirectoryImport
{
    public static DirectoryImportReport Check(IEnumerable<OfficialRow> rows, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(units);
        var accepted = new List<Official>();
        var rejected = new List<RejectedRow>();
        var firstRowOfPhone = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (new[] { row.Unit, row.Name, row.Role, row.Phone }.All(string.IsNullOrWhiteSpace)) continue; // a blank line
            var faults = new List<string>();
            var unit = string.IsNullOrWhiteSpace(row.Unit) ? null : units.Find(row.Unit);
            if (string.IsNullOrWhiteSpace(row.Unit)) faults.Add("thiếu tên đơn vị");
            else if (unit is null) faults.Add($"không có đơn vị \"{row.Unit.Trim()}\" trong danh mục");
            if (string.IsNullOrWhiteSpace(row.Name)) faults.Add("thiếu họ tên");
            if (!Roles.TryParse(row.Role, out var role)) faults.Add($"vai trò \"{row.Role?.Trim()}\" không hợp lệ");
            if (!PhoneNumber.TryNormalize(row.Phone, out var phone)) faults.Add($"số điện thoại \"{row.Phone?.Trim()}\" không hợp lệ");
            else if (firstRowOfPhone.TryGetValue(phone, out var first)) faults.Add($"số điện thoại trùng với dòng {first}");
            else firstRowOfPhone[phone] = row.Row;
            if (faults.Count > 0)
            {
                rejected.Add(new RejectedRow(row.Row, Capitalise(string.Join("; ", faults)) + "."));
                continue;
            }
            accepted.Add(new Official { Phone = phone, Name = row.Name!.Trim(), UnitCode = unit!.Code, Role = role });
        }
        return new DirectoryImportReport(accepted, rejected);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

using System.Globalization;
using Bot.Domain.Organization;
using CsvHelper;
using MiniExcelLibs;

namespace Bot.Storage;

/// <summary>
/// Reads the rows of a directory file: CSV (UTF-8, header unit,name,role,phone) or XLSX (the same
/// columns on the first sheet). Row numbers are as the file shows them: the header is row 1.
/// </summary>
public static class DirectoryFile
{
    private static readonly string[] Columns = ["unit", "name", "role", "phone"];

    public static IReadOnlyList<OfficialRow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => ReadCsv(path),
            ".XLSX" => ReadXlsx(path),
            _ => throw new InvalidDataException("Chỉ nhận tệp danh bạ dạng .csv hoặc .xlsx."),
        };
    }

    private static List<OfficialRow> ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true, SkipEmptyLines = true });
        CheckHeader(csv.Headers);
        var rows = new List<OfficialRow>();
        while (csv.Read())
            rows.Add(new OfficialRow((int)csv.LineNumber, Field(csv, "unit"), Field(csv, "name"), Field(csv, "role"), Field(csv, "phone")));
        return rows;
    }

    private static string? Field(CsvReader csv, string column) =>
        csv.TryGetFieldIndex(column, out var i) && i < csv.FieldCount ? csv.GetString(i) : null;

    private static List<OfficialRow> ReadXlsx(string path)
    {
        var rows = new List<OfficialRow>();
        var number = 1;
        IDictionary<string, object?>? first = null;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: true))
        {
            number++;
            if (first is null)
            {
                first = row;
                CheckHeader(row.Keys);
            }
            var byName = row.ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => Cell(kv.Value), StringComparer.Ordinal);
            if (byName.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new OfficialRow(number, byName.GetValueOrDefault("unit"), byName.GetValueOrDefault("name"), byName.GetValueOrDefault("role"), byName.GetValueOrDefault("phone")));
        }
        return rows;
    }

    // A phone typed into a spreadsheet is often a number: 912345678 lost its leading zero.
    private static string? Cell(object? value) => value switch
    {
        null => null,
        double d when d == Math.Floor(d) => ((long)d).ToString(CultureInfo.InvariantCulture) is var s && s.Length == 9 ? "0" + s : ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void CheckHeader(IEnumerable<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"Tệp danh bạ thiếu cột: {string.Join(", ", missing)} (cần các cột unit, name, role, phone).");
    }
}

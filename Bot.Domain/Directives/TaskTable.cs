using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// The task tables of plans (kế hoạch): a header row such as "STT | Nội dung | Đơn vị chủ trì
/// | Đơn vị phối hợp | Thời gian hoàn thành", then one task per row. Document text renders a
/// table row as one line with its cells joined by " | ". Columns are found by the folded
/// keywords of their header, whatever the exact wording.
/// </summary>
public static class TaskTable
{
    /// <param name="Line">Where the row is among the lines.</param>
    public sealed record Row(string Ref, string Content, string Lead, string Support, string Deadline, int Line);

    public sealed record Extraction(IReadOnlyList<Row> Rows, IReadOnlyList<string> Remaining);

    private enum Column { Index, Content, Lead, Support, Deadline }

    // "Đơn vị phối hợp" also says "đơn vị": helpers first; otherwise the keyword a header starts
    // with decides ("Thời gian thực hiện" is a time, "Đơn vị thực hiện" a unit, "Nội dung thực hiện" the task).
    private static readonly (Column Column, string[] Keys)[] HeaderKeys =
    [
        (Column.Support, ["phoi hop"]),
        (Column.Deadline, ["thoi gian", "thoi han", "hoan thanh", "tien do", "thoi diem"]),
        (Column.Content, ["noi dung", "nhiem vu", "cong viec", "giai phap", "hoat dong", "ten"]),
        (Column.Lead, ["chu tri", "thuc hien", "trach nhiem", "don vi", "co quan"]),
        (Column.Index, ["stt", "tt", "so tt"]),
    ];

    /// <summary>The task rows of every table in the lines, and the lines with the tables' lines left blank.</summary>
    public static Extraction Extract(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = new List<Row>();
        var remaining = new List<string>();
        Dictionary<Column, int>? columns = null;
        var table = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var cells = Cells(line);
            if (cells is null)
            {
                // A merged row ("I. Nhiệm vụ chung") between rows groups the rows under it; any other line ends the table.
                if (columns is not null && line.Trim().Length > 0 && !NextIsRow(lines, i)) columns = null;
                remaining.Add(columns is null ? line : "");
                continue;
            }
            var header = Header(cells);
            if (header is not null)
            {
                columns = header;
                table++;
                remaining.Add("");
                continue;
            }
            if (columns is null)
            {
                remaining.Add(line);
                continue;
            }
            remaining.Add("");
            var content = Cell(cells, columns, Column.Content);
            var lead = Cell(cells, columns, Column.Lead);
            // A row with a heading and no unit is a group of the rows under it ("I | Nhiệm vụ chung").
            if (content.Length == 0 || (lead.Length == 0 && Cell(cells, columns, Column.Deadline).Length == 0)) continue;
            var index = Cell(cells, columns, Column.Index);
            var reference = $"T{table}.{(index.Length > 0 ? index.TrimEnd('.') : (rows.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            rows.Add(new Row(reference, content, lead, Cell(cells, columns, Column.Support), Cell(cells, columns, Column.Deadline), i));
        }
        return new Extraction(rows, remaining);
    }

    private static bool NextIsRow(IReadOnlyList<string> lines, int i)
    {
        for (var k = i + 1; k < lines.Count; k++)
            if (lines[k].Trim().Length > 0) return Cells(lines[k]) is not null;
        return false;
    }

    private static string[]? Cells(string line)
    {
        if (!line.Contains(" | ", StringComparison.Ordinal)) return null;
        var cells = line.Split('|').Select(c => c.Trim()).ToArray();
        return cells.Length >= 3 ? cells : null;
    }

    private static Dictionary<Column, int>? Header(string[] cells)
    {
        var columns = new Dictionary<Column, int>();
        for (var k = 0; k < cells.Length; k++)
        {
            var words = Word.Split(VietnameseText.Fold(cells[k])).Select(w => w.Text).ToList();
            var best = (Column: (Column?)null, At: int.MaxValue);
            foreach (var (column, keys) in HeaderKeys)
            {
                if (columns.ContainsKey(column)) continue;
                var at = keys.Select(x => DirectiveWords.IndexOf(words, x)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
                if (at < 0) continue;
                if (column == Column.Support) { best = (column, -1); break; }
                if (at < best.At) best = (column, at);
            }
            if (best.Column is { } found) columns[found] = k;
        }
        return columns.ContainsKey(Column.Content) && columns.ContainsKey(Column.Lead) ? columns : null;
    }

    private static string Cell(string[] cells, Dictionary<Column, int> columns, Column column) =>
        columns.TryGetValue(column, out var k) && k < cells.Length ? cells[k] : "";
}

using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using Word = UglyToad.PdfPig.Content.Word;

namespace Bot.Documents;

/// <summary>
/// Ruled tables on a PDF page, read the way <see cref="DocxText"/> reads Word tables: one line per row,
/// cells joined by " | ". A table is a set of drawn horizontal and vertical rules that cross each
/// other; its horizontal rules cut it into rows, and in each row the vertical rules crossing the row's
/// middle cut it into cells (so a cell merged across columns is one cell). Words are placed in the
/// cell that holds their centre; a cell's lines are joined by spaces. Tables without rules are not
/// found: their rows come out as ordinary lines.
/// </summary>
internal static class PdfTables
{
    // Rules that come this close (in points) meet; rules this thin are lines, whatever shape drew them.
    private const double Touch = 2.5;
    private const double Thin = 3;

    // A page drawn with thousands of strokes (a map, a chart) is not a table page: don't try.
    private const int MaxSegments = 4000;

    /// <summary>A table row: where its top is, its text, and whether it is the table's first row.</summary>
    public sealed record Row(double Top, string Text, bool First);

    /// <summary>The rows of every ruled table on the page, and the words they took.</summary>
    public static (List<Row> Rows, HashSet<Word> Taken) Find(Page page, IReadOnlyList<Word> words)
    {
        var rows = new List<Row>();
        var taken = new HashSet<Word>();
        var segments = Segments(page);
        if (segments.Count > MaxSegments) return (rows, taken);
        foreach (var table in Connected(segments))
        {
            var across = Cluster(table.Where(s => s.Horizontal).Select(s => s.At)).OrderDescending().ToList();
            if (across.Count < 3 || !table.Any(s => !s.Horizontal)) continue; // at least two rows
            var left = table.Min(s => s.Horizontal ? s.From : s.At);
            var right = table.Max(s => s.Horizontal ? s.To : s.At);
            var first = true;
            for (var band = 0; band + 1 < across.Count; band++)
            {
                var (top, bottom) = (across[band], across[band + 1]);
                var middle = (top + bottom) / 2;
                var edges = Cluster(table.Where(s => !s.Horizontal && s.From - Touch <= middle && middle <= s.To + Touch).Select(s => s.At))
                    .Order().ToList();
                if (edges.Count < 2) continue;
                var cells = new List<List<Word>>(Enumerable.Range(0, edges.Count - 1).Select(_ => new List<Word>()));
                foreach (var word in words)
                {
                    var (x, y) = (word.BoundingBox.Centroid.X, word.BoundingBox.Centroid.Y);
                    if (y > top || y < bottom || x < left || x > right) continue;
                    var column = edges.FindLastIndex(e => e <= x);
                    if (column < 0 || column >= cells.Count) continue;
                    cells[column].Add(word);
                    taken.Add(word);
                }
                if (cells.All(c => c.Count == 0)) continue;
                rows.Add(new Row(top, string.Join(" | ", cells.Select(CellText)), first));
                first = false;
            }
        }
        return (rows, taken);
    }

    /// <summary>A cell's words line by line (top to bottom, left to right), its lines joined by spaces.</summary>
    private static string CellText(List<Word> words) =>
        string.Join(" ", words
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y / 2)) // same baseline, give or take a point
            .OrderByDescending(g => g.Key)
            .SelectMany(g => g.OrderBy(w => w.BoundingBox.Left))
            .Select(w => w.Text));

    /// <summary>A horizontal rule at height At from x From to To, or a vertical one at x At from y From to To.</summary>
    private readonly record struct Segment(bool Horizontal, double At, double From, double To);

    private static List<Segment> Segments(Page page)
    {
        var segments = new List<Segment>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box) continue;
                if (box.Height <= Thin && box.Width > Thin) segments.Add(new(true, box.Centroid.Y, box.Left, box.Right));
                else if (box.Width <= Thin && box.Height > Thin) segments.Add(new(false, box.Centroid.X, box.Bottom, box.Top));
                else AddEdges(subpath, segments); // a drawn box: its sides are rules
            }
        }
        return segments;
    }

    private static void AddEdges(PdfSubpath subpath, List<Segment> segments)
    {
        PdfPoint start = default, current = default;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    AddRule(line.From, line.To, segments);
                    current = line.To;
                    break;
                case PdfSubpath.Close:
                    AddRule(current, start, segments);
                    current = start;
                    break;
                default: // curves are not rules
                    break;
            }
        }
    }

    private static void AddRule(PdfPoint a, PdfPoint b, List<Segment> segments)
    {
        if (Math.Abs(a.Y - b.Y) <= 1 && Math.Abs(a.X - b.X) > Thin)
            segments.Add(new(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (Math.Abs(a.X - b.X) <= 1 && Math.Abs(a.Y - b.Y) > Thin)
            segments.Add(new(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }

    /// <summary>Groups of rules that cross or touch one another: each group is one table (or one frame).</summary>
    private static IEnumerable<List<Segment>> Connected(List<Segment> segments)
    {
        var parent = Enumerable.Range(0, segments.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < segments.Count; i++)
        {
            for (var j = i + 1; j < segments.Count; j++)
            {
                if (Meet(segments[i], segments[j])) parent[Root(i)] = Root(j);
            }
        }
        return Enumerable.Range(0, segments.Count).GroupBy(Root).Select(g => g.Select(i => segments[i]).ToList());
    }

    private static bool Meet(Segment a, Segment b)
    {
        if (a.Horizontal == b.Horizontal) // the same rule drawn in pieces
            return Math.Abs(a.At - b.At) <= Touch && a.From <= b.To + Touch && b.From <= a.To + Touch;
        var (h, v) = a.Horizontal ? (a, b) : (b, a);
        return v.At >= h.From - Touch && v.At <= h.To + Touch && h.At >= v.From - Touch && h.At <= v.To + Touch;
    }

    /// <summary>Positions closer than <see cref="Touch"/> to the previous one are the same position.</summary>
    private static List<double> Cluster(IEnumerable<double> positions)
    {
        var result = new List<double>();
        foreach (var p in positions.Order())
        {
            if (result.Count == 0 || p - result[^1] > Touch) result.Add(p);
        }
        return result;
    }
}

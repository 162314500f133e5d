using System.Text;
using System.Text.RegularExpressions;
using Bot.Domain.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;
using Word = UglyToad.PdfPig.Content.Word;

namespace Bot.Documents;

/// <summary>
/// The text layer of a PDF in reading order. Words that share a baseline make one line, read left to
/// right; lines go top to bottom, with a blank line where the gap above a line is clearly wider than
/// the document's usual line spacing (a new paragraph). Running headers and footers — lines near the top
/// or bottom that repeat, digits aside, at the same height on most pages — and bare page numbers
/// ("3", "- 3 -", "Trang 3/10") are dropped.
/// </summary>
internal static partial class PdfText
{
    // How many lines at each edge of a page may be a running header or footer.
    private const int EdgeLines = 3;

    // Two edge lines are "at the same place" when their baselines differ by at most this many points.
    private const double SamePlace = 6;

    public static (string Text, int? Pages) Extract(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            var pages = document.GetPages().Select(ReadPage).ToList();
            DropRunningLines(pages);
            // A scan: pictures of pages, and next to no text once running lines (a stamped footer) are gone.
            var letters = pages.Sum(p => p.Lines.Sum(l => l.Text.Count(char.IsLetterOrDigit)));
            if (letters < 20 * pages.Count && pages.Any(p => p.Images > 0)) throw DocumentException.Scanned();
            var usual = UsualLineSpacing(pages);
            var text = string.Join("\n", pages.Select(p => Render(p.Lines, usual)).Where(t => t.Length > 0));
            return (text, document.NumberOfPages);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw DocumentException.Protected();
        }
        catch (Exception e) when (e is not DocumentException)
        {
            throw DocumentException.Damaged("PDF", e);
        }
    }

    /// <summary>Each page's own text (running lines kept) and how many pictures it holds: what decides, page by
    /// page, whether a scan's text layer is read or the page is OCR'd again.</summary>
    public static List<(string Text, int Images)> Pages(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            return document.GetPages().Select(ReadPage)
                .Select(p => (Render(p.Lines, UsualLineSpacing([p])), p.Images))
                .ToList();
        }
        catch (PdfDocumentEncryptedException)
        {
            throw DocumentException.Protected();
        }
        catch (Exception e) when (e is not DocumentException)
        {
            throw DocumentException.Damaged("PDF", e);
        }
    }

    /// <summary>A line of the page; a table row is one line (<see cref="PdfTables"/>).</summary>
    private sealed record Line(string Text, double Baseline, double Height, bool InTable = false, bool FirstRow = false);

    private sealed record PageText(List<Line> Lines, int Images);

    private static PageText ReadPage(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var horizontal = words.Count(w => w.TextOrientation == TextOrientation.Horizontal);
        if (horizontal < words.Count / 2) return new PageText(ContentOrderLines(page), page.NumberOfImages); // a rotated page
        words = words.Where(w => w.TextOrientation == TextOrientation.Horizontal).ToList();
        var (rows, taken) = PdfTables.Find(page, words);
        var lines = GroupIntoLines(words.Where(w => !taken.Contains(w)))
            .Concat(rows.Select(r => new Line(r.Text, r.Top, 0, InTable: true, FirstRow: r.First)))
            .OrderByDescending(l => l.Baseline)
            .ToList();
        return new PageText(lines, page.NumberOfImages);
    }

    private static List<Line> GroupIntoLines(IEnumerable<Word> words)
    {
        var rows = new List<(double Baseline, double Height, List<Word> Words)>();
        foreach (var word in words.OrderByDescending(Baseline).ThenBy(w => w.BoundingBox.Left))
        {
            var height = Math.Max(word.BoundingBox.Height, 1);
            if (rows.Count > 0 && Math.Abs(rows[^1].Baseline - Baseline(word)) <= 0.4 * Math.Max(height, rows[^1].Height))
            {
                rows[^1].Words.Add(word);
                continue;
            }
            rows.Add((Baseline(word), height, [word]));
        }
        return rows
            .Select(r => new Line(string.Join(" ", r.Words.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)), r.Baseline, r.Height))
            .ToList();
    }

    private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    private static List<Line> ContentOrderLines(Page page) =>
        ContentOrderTextExtractor.GetText(page).Split('\n')
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Select(t => new Line(t, double.NaN, 0))
            .ToList();

    /// <summary>Removes running headers, footers and page numbers from the edges of every page.</summary>
    private static void DropRunningLines(List<PageText> pages)
    {
        var edgeKeys = pages.Select(p => EdgeOf(p.Lines).Select(l => (Key(l.Text), l.Baseline)).ToList()).ToList();
        bool Running(Line line)
        {
            var key = Key(line.Text);
            var seen = edgeKeys.Count(edge => edge.Any(e => e.Item1 == key && Math.Abs(e.Baseline - line.Baseline) <= SamePlace));
            return pages.Count >= 2 && seen >= 2 && seen * 2 > pages.Count;
        }
        bool Droppable(Line line) => !line.InTable && (PageNumber().IsMatch(VietnameseText.Fold(line.Text)) || Running(line));

        foreach (var page in pages)
        {
            var lines = page.Lines;
            for (var dropped = 0; dropped < EdgeLines && lines.Count > 0 && Droppable(lines[0]); dropped++) lines.RemoveAt(0);
            for (var dropped = 0; dropped < EdgeLines && lines.Count > 0 && Droppable(lines[^1]); dropped++) lines.RemoveAt(lines.Count - 1);
        }

        // A table that goes on over the next page repeats its header row there: keep the first one only.
        var headers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (page.Lines is [{ FirstRow: true } top, ..] && headers.Contains(top.Text)) page.Lines.RemoveAt(0);
            headers.UnionWith(page.Lines.Where(l => l.FirstRow).Select(l => l.Text));
        }
    }

    private static IEnumerable<Line> EdgeOf(List<Line> lines) =>
        lines.Count <= 2 * EdgeLines ? lines : lines.Take(EdgeLines).Concat(lines.TakeLast(EdgeLines));

    // A header compared across pages: folded, digits made alike ("Trang 2" = "Trang 3"), spaces collapsed.
    private static string Key(string text) => Digits().Replace(VietnameseText.Key(text), "#");

    /// <summary>The document's usual distance between baselines: the lower quartile of all gaps, since
    /// paragraph gaps and jumps between blocks are the larger ones.</summary>
    private static double UsualLineSpacing(List<PageText> pages)
    {
        var gaps = pages
            .SelectMany(p => p.Lines.Zip(p.Lines.Skip(1), (above, below) => above.InTable || below.InTable ? 0 : above.Baseline - below.Baseline))
            .Where(gap => gap > 0)
            .Order()
            .ToList();
        return gaps.Count > 0 ? gaps[gaps.Count / 4] : double.NaN;
    }

    /// <summary>The page's lines, with a blank line before one whose gap above is clearly wider than usual.</summary>
    private static string Render(List<Line> lines, double usual)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                var gap = lines[i - 1].Baseline - lines[i].Baseline;
                var paragraph = !lines[i].InTable && !lines[i - 1].InTable && gap > 1.3 * usual && gap > 1.6 * lines[i].Height;
                sb.Append(paragraph ? "\n\n" : "\n");
            }
            sb.Append(lines[i].Text);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // "3", "- 3 -", "Trang 3", "trang 3/10", "Page 3 of 10", "3 / 10" (the text is folded, so lower case, no accents).
    [GeneratedRegex(@"^[\s\-–—.()\[\]]*(trang|page)?\s*\d{1,4}\s*((/|tren|of)\s*\d{1,4})?[\s\-–—.()\[\]]*$")]
    private static partial Regex PageNumber();
}

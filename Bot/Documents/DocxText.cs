using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bot.Documents;

/// <summary>
/// The body of a Word document: one line per paragraph, in order, prefixed with the label Word draws
/// for list numbering ("1.", "a)", "-"). A table that lays the page out (the header's and the signature's
/// two columns) reads column by column, a line per paragraph, as its PDF reads. One line per row of any
/// other table: cells joined by " | ", line breaks
/// inside a cell turned into spaces, header row included, so the reader recognises a task table by its
/// header. A cell merged down over several rows repeats its text on each row (the lead unit of a group
/// of tasks belongs to each task). Page headers, footers and footnotes are not part of the body.
/// </summary>
internal static class DocxText
{
    public static string Extract(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body ?? throw new InvalidDataException("The package has no document body.");
            var numbering = new ListNumbering(main);
            var lines = new List<string>();
            foreach (var block in Blocks(body))
            {
                if (block is Table table) lines.AddRange(IsLayout(table) ? LayoutLines(table, numbering) : TableLines(table, numbering));
                else if (block is Paragraph paragraph) lines.Add(ParagraphLine(paragraph, numbering));
            }
            return string.Join("\n", lines);
        }
        catch (Exception e) when (e is not DocumentException)
        {
            throw DocumentException.Damaged("Word (.docx)", e);
        }
    }

    /// <summary>Paragraphs and tables in document order, looking inside content controls and the like.</summary>
    private static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            if (child is Paragraph or Table) yield return child;
            else if (child is not (SectionProperties or AlternateContentFallback))
                foreach (var inner in Blocks(child)) yield return inner;
        }
    }

    private static string ParagraphLine(Paragraph paragraph, ListNumbering numbering)
    {
        var text = RunText(paragraph);
        var label = numbering.Next(paragraph);
        return label is null || text.Trim().Length == 0 ? text : label + " " + text;
    }

    /// <summary>The visible text of a paragraph: text, tabs and line breaks, skipping the fallback
    /// copies Word keeps of drawings and text boxes.</summary>
    private static string RunText(OpenXmlElement element)
    {
        var sb = new StringBuilder();
        Append(element, sb);
        return sb.ToString();

        static void Append(OpenXmlElement element, StringBuilder sb)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text text: sb.Append(text.Text); break;
                    case TabChar or PositionalTab: sb.Append('\t'); break;
                    case Break or CarriageReturn: sb.Append('\n'); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                    // Fallback copies of drawings, and text Word shows struck out where it was moved from.
                    case AlternateContentFallback or ParagraphProperties or RunProperties or MoveFromRun: break;
                    default: Append(child, sb); break;
                }
            }
        }
    }

    /// <summary>
    /// A table Word uses to lay a page out rather than to hold data: the header of Decree 30/2020 (the issuing body
    /// beside the motto) and the signature block ("Nơi nhận" beside the signer) are one or two rows of two or three
    /// cells, a cell holding several paragraphs.
    /// </summary>
    private static bool IsLayout(Table table)
    {
        var rows = RowsOf(table).ToList();
        if (rows.Count is 0 or > 2) return false;
        var cells = rows.SelectMany(CellsOf).ToList();
        return rows.All(r => CellsOf(r).Count() is >= 2 and <= 3)
               && cells.Any(c => Blocks(c).OfType<Paragraph>().Count(p => RunText(p).Trim().Length > 0) >= 2);
    }

    /// <summary>A layout table's text as its columns read: each cell's paragraphs on lines of their own, cell by cell.</summary>
    private static IEnumerable<string> LayoutLines(Table table, ListNumbering numbering)
    {
        foreach (var row in RowsOf(table))
            foreach (var cell in CellsOf(row))
                foreach (var block in Blocks(cell))
                {
                    if (block is Paragraph paragraph) yield return ParagraphLine(paragraph, numbering);
                    else if (block is Table nested) foreach (var line in TableLines(nested, numbering)) yield return line;
                }
    }

    private static IEnumerable<string> TableLines(Table table, ListNumbering numbering)
    {
        var mergedAbove = new Dictionary<int, string>(); // grid column → text of the cell a merge started in
        foreach (var row in RowsOf(table))
        {
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in CellsOf(row))
            {
                var properties = cell.TableCellProperties;
                var text = CellText(cell, numbering);
                var merge = properties?.VerticalMerge;
                if (merge is not null)
                {
                    var continues = merge.Val is null || merge.Val.Value == MergedCellValues.Continue;
                    if (continues) text = mergedAbove.GetValueOrDefault(column, "");
                    else mergedAbove[column] = text;
                }
                else mergedAbove.Remove(column);
                cells.Add(text);
                column += properties?.GridSpan?.Val?.Value ?? 1;
            }
            yield return string.Join(" | ", cells);
        }
    }

    // Rows and cells may sit inside content controls; a nested table's rows and cells are its own.
    private static IEnumerable<TableRow> RowsOf(Table table) =>
        table.Descendants<TableRow>().Where(row => row.Ancestors<Table>().First() == table);

    private static IEnumerable<TableCell> CellsOf(TableRow row) =>
        row.Descendants<TableCell>().Where(cell => cell.Ancestors<TableRow>().First() == row);

    /// <summary>A cell's paragraphs (and any nested table) on one line, white space collapsed.</summary>
    private static string CellText(TableCell cell, ListNumbering numbering)
    {
        var parts = Blocks(cell).Select(block => block is Table nested
            ? string.Join(" ", TableLines(nested, numbering))
            : ParagraphLine((Paragraph)block, numbering));
        return string.Join(" ", string.Join(" ", parts).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The labels Word generates for numbered and bulleted paragraphs. Counters are kept per list
    /// definition and level; a deeper level starts again when a shallower one moves on.
    /// </summary>
    private sealed class ListNumbering(MainDocumentPart main)
    {
        private readonly Numbering? definitions = main.NumberingDefinitionsPart?.Numbering;
        private readonly Styles? styles = main.StyleDefinitionsPart?.Styles;
        private readonly Dictionary<string, int[]> counters = new(StringComparer.Ordinal);
        private readonly HashSet<int> overridesApplied = [];

        public string? Next(Paragraph paragraph)
        {
            var (numberId, level) = NumberingOf(paragraph);
            if (definitions is null || numberId is null or 0) return null;
            var instance = definitions.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var abstractNum = definitions.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (instance is null || abstractNum is null) return null;

            var levels = Enumerable.Range(0, 9).Select(i => LevelOf(instance, abstractNum, i)).ToArray();
            var key = abstractId!.Value.ToString(CultureInfo.InvariantCulture);
            if (!counters.TryGetValue(key, out var count))
            {
                count = levels.Select(l => StartOf(l) - 1).ToArray();
                counters[key] = count;
            }
            if (overridesApplied.Add(numberId.Value))
            {
                // "Restart numbering" in Word makes a new list instance that overrides the start value.
                foreach (var over in instance.Elements<LevelOverride>())
                {
                    var at = over.LevelIndex?.Value ?? 0;
                    if (over.StartOverrideNumberingValue?.Val?.Value is int start && at is >= 0 and < 9) count[at] = start - 1;
                }
            }
            level = Math.Clamp(level, 0, 8);
            count[level]++;
            for (var deeper = level + 1; deeper < 9; deeper++) count[deeper] = StartOf(levels[deeper]) - 1;
            return Label(levels, count, level);
        }

        private (int? NumberId, int Level) NumberingOf(Paragraph paragraph)
        {
            var own = paragraph.ParagraphProperties?.NumberingProperties;
            if (own?.NumberingId?.Val?.Value is int id) return (id, own.NumberingLevelReference?.Val?.Value ?? 0);
            // A list style ("List Number") may carry the numbering; follow the style and what it is based on.
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            for (var hops = 0; styleId is not null && hops < 10; hops++)
            {
                var style = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                var fromStyle = style?.StyleParagraphProperties?.NumberingProperties;
                if (fromStyle?.NumberingId?.Val?.Value is int styleNumber)
                    return (styleNumber, own?.NumberingLevelReference?.Val?.Value ?? fromStyle.NumberingLevelReference?.Val?.Value ?? 0);
                styleId = style?.BasedOn?.Val?.Value;
            }
            return (null, 0);
        }

        private static Level? LevelOf(NumberingInstance instance, AbstractNum abstractNum, int index) =>
            instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == index)?.Level
            ?? abstractNum.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == index);

        private static int StartOf(Level? level) => level?.StartNumberingValue?.Val?.Value ?? 1;

        private static string? Label(Level?[] levels, int[] count, int level)
        {
            var format = levels[level]?.NumberingFormat?.Val?.Value;
            var pattern = levels[level]?.LevelText?.Val?.Value ?? "";
            if (format == NumberFormatValues.None) return null;
            if (format == NumberFormatValues.Bullet)
                return pattern is "-" or "–" or "+" or "*" ? pattern : "-"; // symbol-font bullets read as "-"
            var sb = new StringBuilder(pattern);
            for (var i = 0; i < 9; i++)
                sb.Replace("%" + (i + 1).ToString(CultureInfo.InvariantCulture), Format(count[i], levels[i]?.NumberingFormat?.Val?.Value));
            var label = sb.ToString().Trim();
            return label.Length == 0 ? null : label;
        }

        private static string Format(int n, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter) return Letters(n).ToLowerInvariant();
            if (format == NumberFormatValues.UpperLetter) return Letters(n);
            if (format == NumberFormatValues.LowerRoman) return Roman(n).ToLowerInvariant();
            if (format == NumberFormatValues.UpperRoman) return Roman(n);
            if (format == NumberFormatValues.DecimalZero) return n.ToString("00", CultureInfo.InvariantCulture);
            return n.ToString(CultureInfo.InvariantCulture);
        }

        // Word's letters: a..z, then aa..zz, and so on.
        private static string Letters(int n) => n < 1 ? "" : new string((char)('A' + (n - 1) % 26), (n - 1) / 26 + 1);

        private static string Roman(int n)
        {
            if (n is < 1 or > 3999) return n.ToString(CultureInfo.InvariantCulture);
            (int Value, string Symbol)[] numerals =
                [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var sb = new StringBuilder();
            foreach (var (value, symbol) in numerals)
            {
                while (n >= value)
                {
                    sb.Append(symbol);
                    n -= value;
                }
            }
            return sb.ToString();
        }
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Bot.Tests.Documents;

/// <summary>
/// Builds real PDF files for the tests with PdfPig's writer. Text is set in DejaVu Sans (committed
/// under Specs/Documents/fonts with its licence), which has every Vietnamese letter.
/// </summary>
internal static class TestPdfs
{
    private static readonly byte[] Font = File.ReadAllBytes(SpecFile.PathOf("Documents/fonts/DejaVuSans.ttf"));

    public const double Width = 595, Height = 842; // A4 in points

    /// <summary>One line of text on a page: where its baseline is and how big.</summary>
    public sealed record TextLine(string Text, double X, double Y, double Size = 12);

    /// <summary>A drawn line, e.g. a table border.</summary>
    public sealed record Rule(double X1, double Y1, double X2, double Y2);

    /// <summary>What one page holds.</summary>
    public sealed record TestPage(IReadOnlyList<TextLine> Lines, IReadOnlyList<Rule> Rules);

    public static byte[] Build(params IReadOnlyList<TextLine>[] pages) =>
        Build(pages.Select(lines => new TestPage(lines, [])).ToArray());

    public static byte[] Build(params TestPage[] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(Font);
        foreach (var content in pages)
        {
            var page = builder.AddPage(Width, Height);
            foreach (var line in content.Lines) page.AddText(line.Text, line.Size, new PdfPoint(line.X, line.Y), font);
            foreach (var rule in content.Rules) page.DrawLine(new PdfPoint(rule.X1, rule.Y1), new PdfPoint(rule.X2, rule.Y2), 0.75);
        }
        return builder.Build();
    }

    /// <summary>
    /// A table ruled like Word prints one: a border round every cell. Columns are given by their edges;
    /// each row by its cells, "\n" breaking a cell's text into lines; a row of one cell spans the table.
    /// </summary>
    public static TestPage Table(double top, double[] edges, params string[][] rows)
    {
        var lines = new List<TextLine>();
        var rules = new List<Rule> { new(edges[0], top, edges[^1], top) };
        var y = top;
        foreach (var cells in rows)
        {
            var height = 14 * cells.Max(c => c.Split('\n').Length) + 8;
            var rowEdges = cells.Length == 1 ? [edges[0], edges[^1]] : edges;
            for (var i = 0; i < cells.Length; i++)
            {
                var cellLines = cells[i].Split('\n');
                for (var k = 0; k < cellLines.Length; k++) lines.Add(new TextLine(cellLines[k], rowEdges[i] + 3, y - 14 - 14 * k, 10));
            }
            rules.AddRange(rowEdges.Select(x => new Rule(x, y, x, y - height)));
            y -= height;
            rules.Add(new Rule(edges[0], y, edges[^1], y));
        }
        return new TestPage(lines, rules);
    }

    /// <summary>Lines of body text from the top of a page down, a blank line (one empty string) for a paragraph gap.</summary>
    public static List<TextLine> Body(double top, params string[] lines)
    {
        var result = new List<TextLine>();
        var y = top;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                y -= 10; // paragraph spacing on top of the line spacing
                continue;
            }
            result.Add(new TextLine(line, 70, y));
            y -= 16;
        }
        return result;
    }

    /// <summary>A PDF whose pages are pictures, as a scanner makes them; some scanners stamp a text
    /// footer on each page.</summary>
    public static byte[] Scanned(int pages, string? stampedFooter = null)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(Font);
        var png = Png(200, 280);
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(Width, Height);
            page.AddPng(png, new PdfRectangle(0, 0, Width, Height));
            if (stampedFooter is not null) page.AddText(stampedFooter, 8, new PdfPoint(70, 20), font);
        }
        return builder.Build();
    }

    /// <summary>A grey-scale PNG with a pattern in it (stripes, like lines of print).</summary>
    public static byte[] Png(int width, int height)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) pixels[y * width + x] = (byte)(y % 12 < 3 && x % 40 < 30 ? 30 : 235);
        return Png(pixels, width, height);
    }

    /// <summary>A grey-scale PNG of the given pixels (row by row, 0 black, 255 white).</summary>
    public static byte[] Png(byte[] pixels, int width, int height)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            raw.Write(pixels, y * width, width);
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(zlib);

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 0; // grey scale
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    // The CRC-32 that PNG chunks end with (polynomial 0xEDB88320).
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }
}

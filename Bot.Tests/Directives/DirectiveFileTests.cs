using System.Text.Json;
using Bot.Cli;
using Bot.Documents;
using Bot.Tests.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocxText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Bot.Tests.Directives;

/// <summary>
/// Directives read end to end from real files: the spec directives written into a Word file
/// (its task table as a real Word table) and into a PDF with a text layer, read by
/// Bot/Documents, then by the reader, and scored like their text versions.
/// </summary>
public sealed class DirectiveFileTests
{
    [Fact]
    public void A_plan_in_Word_with_a_task_table_reads_like_its_text()
    {
        var lines = File.ReadAllLines(SpecFile.PathOf("Directives/plan_gia_loc_table.txt"));

        var text = DocumentText.Read(Docx(lines), "ke-hoach.docx").Text;

        AssertReadsLike("plan_gia_loc_table.expected.json", text);
    }

    [Fact]
    public void A_commune_directive_in_PDF_reads_like_its_text()
    {
        var lines = File.ReadAllLines(SpecFile.PathOf("Directives/commune_tan_ky.txt"));
        var pages = lines.Chunk(40).Select(page => TestPdfs.Body(780, page)).ToArray();

        var text = DocumentText.Read(TestPdfs.Build(pages), "cong-van.pdf").Text;

        AssertReadsLike("commune_tan_ky.expected.json", text);
    }

    private static void AssertReadsLike(string expected, string text)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(SpecFile.PathOf("Directives/" + expected)));
        var directive = ParseCommand.Reader().Read(text, new DateOnly(2024, 1, 1));
        var score = DirectiveScore.Score(gold.RootElement, directive);
        Assert.True(score.Wrong.Count == 0, $"{score.Right}/{score.Total} right; wrong:\n  " + string.Join("\n  ", score.Wrong) + "\n" + text);
        Assert.Equal(gold.RootElement.GetProperty("tasks").GetArrayLength(), directive.Tasks.Count);
    }

    /// <summary>A Word file: one paragraph per line, and lines with " | " as the rows of a real table.</summary>
    private static byte[] Docx(IEnumerable<string> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            Table? table = null;
            foreach (var line in lines)
            {
                if (line.Contains(" | ", StringComparison.Ordinal))
                {
                    if (table is null) body.Append(table = new Table());
                    table.Append(new TableRow(line.Split(" | ").Select(cell => new TableCell(Para(cell)))));
                    continue;
                }
                table = null;
                body.Append(Para(line));
            }
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new DocxText(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Documents;
using Bot.Domain.Directives;
using Bot.Domain.Text;
using Bot.Domain.Time;
using Spectre.Console;

namespace Bot.Cli;

/// <summary>`Bot parse [--json] [--ref 2023-10-18] FILE`: read a directive and show its tasks.</summary>
public static class ParseCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = args.PositionalWithFlags("json");
        if (positional.Count != 1) throw new CliException("Cách dùng: Bot parse [--json] [--ref 2023-10-18] TỆP");
        var reference = ReferenceDay(args.Option("ref"));
        DocumentContent content;
        try
        {
            content = TextCommand.ReadWithProgress(positional[0]); // scans OCR'd, damaged text restored
        }
        catch (DocumentException e)
        {
            // The message is already short, polite Vietnamese for the user.
            await Console.Error.WriteLineAsync(e.Message);
            return CommandLine.BadInput;
        }
        var directive = Reader().Read(content.Restoration, reference);
        if (args.Flag("json")) Console.WriteLine(ToJson(directive, content.Restoration));
        else Show(directive);
        return 0;
    }

    /// <summary>The reader with the time recognizer on the work calendar ("trong 05 ngày làm việc" skips holidays), from the composition root.</summary>
    public static DirectiveReader Reader() => Bot.Hosting.BotServices.Reader();

    public static string ToJson(Directive directive) => ToJson(directive, null);

    /// <summary>The contract, with the text the directive was read from (<c>sourceText</c>) and the restorer's unsure words when it was restored.</summary>
    public static string ToJson(Directive directive, RestoredText? restoration)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return JsonSerializer.Serialize(DirectiveJson.From(directive, restoration), Json);
    }

    private static DateOnly ReferenceDay(string? option)
    {
        if (option is null) return VietnamTime.Today(TimeProvider.System);
        if (DateOnly.TryParse(option, CultureInfo.InvariantCulture, out var day)) return day;
        if (DateTime.TryParse(option, CultureInfo.InvariantCulture, out var time)) return DateOnly.FromDateTime(time);
        throw new CliException($"Không hiểu ngày tham chiếu \"{option}\" (ví dụ: 2023-10-18).");
    }

    private static void Show(Directive d)
    {
        var head = new Grid().AddColumn().AddColumn();
        head.AddRow("Số", Markup.Escape(d.Number ?? "—"));
        head.AddRow("Cơ quan ban hành", Markup.Escape(d.Issuer ?? "—"));
        head.AddRow("Ngày", d.IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—");
        head.AddRow("Loại", Markup.Escape(d.DocumentType ?? "—"));
        head.AddRow("Trích yếu", Markup.Escape(d.Subject ?? "—"));
        head.AddRow("Người ký", Markup.Escape(string.Join(" — ", new[] { d.SignerTitle, d.Signer }.Where(s => s is not null))));
        head.AddRow("Kính gửi", Markup.Escape(string.Join("; ", d.Recipients)));
        AnsiConsole.Write(head);

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Vị trí").AddColumn("Loại").AddColumn("Chủ trì").AddColumn("Phối hợp").AddColumn("Thời hạn").AddColumn("Lặp lại").AddColumn("Nội dung");
        foreach (var t in d.Tasks)
        {
            var due = t.DueBefore is { } at ? $"{t.DeadlineText}\n({Bot.Domain.Words.Wording.DueInFull(at)})" : t.DeadlineText ?? "";
            table.AddRow(
                Markup.Escape(Bot.Domain.Words.Wording.Place(t.Ref)),
                t.Kind == TaskKind.Request ? "đề nghị" : "nhiệm vụ",
                Markup.Escape(string.Join("\n", t.Lead)),
                Markup.Escape(string.Join("\n", t.Support)),
                Markup.Escape(due),
                Markup.Escape(Bot.Domain.Words.Wording.Repetition(t.Recurrence) ?? ""),
                Markup.Escape(Bot.Domain.Words.Wording.Summary(t.Text, 90)));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{d.Tasks.Count} nhiệm vụ.");
    }

    /// <summary>The JSON contract of docs/directive-json.md.</summary>
    private sealed record DirectiveJson(
        [property: JsonPropertyName("number")] string? Number,
        [property: JsonPropertyName("issuer")] string? Issuer,
        [property: JsonPropertyName("issuedOn")] string? IssuedOn,
        [property: JsonPropertyName("documentType")] string? DocumentType,
        [property: JsonPropertyName("subject")] string? Subject,
        [property: JsonPropertyName("signer")] string? Signer,
        [property: JsonPropertyName("signerTitle")] string? SignerTitle,
        [property: JsonPropertyName("urgency")] string? Urgency,
        [property: JsonPropertyName("recipients")] IReadOnlyList<string> Recipients,
        [property: JsonPropertyName("review")] IReadOnlyList<string> Review,
        [property: JsonPropertyName("tasks")] IReadOnlyList<TaskJson> Tasks,
        [property: JsonPropertyName("sourceText"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceText = null,
        [property: JsonPropertyName("unsure"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<UnsureJson>? Unsure = null)
    {
        public static DirectiveJson From(Directive d, RestoredText? restoration) => new(
            d.Number, d.Issuer, d.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.DocumentType, d.Subject, d.Signer,
            d.SignerTitle, d.Urgency, d.Recipients, d.Review, d.Tasks.Select(TaskJson.From).ToList(),
            restoration?.Source,
            restoration?.Unsure.Select(w => new UnsureJson(w.Start, restoration.Text.Substring(w.Start, w.Length),
                restoration.Source.Substring(w.SourceStart, w.SourceLength), Math.Round(w.Confidence, 2))).ToList());
    }

    /// <summary>A word the restorer is unsure of: where it is in the restored text, what it wrote and what the source had.</summary>
    private sealed record UnsureJson(
        [property: JsonPropertyName("at")] int At,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("confidence")] double Confidence);

    private sealed record TaskJson(
        [property: JsonPropertyName("ref")] string Ref,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("lead")] IReadOnlyList<string> Lead,
        [property: JsonPropertyName("support")] IReadOnlyList<string> Support,
        [property: JsonPropertyName("deadlineText")] string? DeadlineText,
        [property: JsonPropertyName("dueBefore")] string? DueBefore,
        [property: JsonPropertyName("recurrence")] string? Recurrence,
        [property: JsonPropertyName("confidence")] double Confidence,
        [property: JsonPropertyName("fieldConfidence")] FieldConfidenceJson FieldConfidence,
        [property: JsonPropertyName("review")] IReadOnlyList<string> Review)
    {
        public static TaskJson From(DirectiveTask t) => new(
            t.Ref, t.Kind == TaskKind.Request ? "request" : "task", t.Text, t.Lead, t.Support, t.DeadlineText,
            t.DueBefore?.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), t.Recurrence,
            t.Confidence.Overall, new FieldConfidenceJson(t.Confidence.Lead, t.Confidence.Support, t.Confidence.Deadline), t.Confidence.Review);
    }

    private sealed record FieldConfidenceJson(
        [property: JsonPropertyName("lead")] double Lead,
        [property: JsonPropertyName("support")] double Support,
        [property: JsonPropertyName("deadline")] double Deadline);
}

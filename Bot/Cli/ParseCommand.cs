using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Documents;
using Bot.Domain.Directives;
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
        string text;
        try
        {
            text = DocumentText.Read(positional[0]).Text;
        }
        catch (DocumentException e)
        {
            // The message is already short, polite Vietnamese for the user.
            await Console.Error.WriteLineAsync(e.Message);
            return CommandLine.BadInput;
        }
        var directive = Reader().Read(text, reference);
        if (args.Flag("json")) Console.WriteLine(ToJson(directive));
        else Show(directive);
        return 0;
    }

    /// <summary>The reader with the time recognizer.</summary>
    /// <summary>The reader with the time recognizer on the work calendar ("trong 05 ngày làm việc" skips holidays).</summary>
    public static DirectiveReader Reader()
    {
        var calendar = new Bot.Domain.Calendar.WorkCalendar(Bot.Domain.Calendar.HolidayPlan.Parse(
            File.ReadAllText(Bot.Hosting.BotConfiguration.FindFile("config/holidays.json"))));
        return new DirectiveReader(new TimeRecognizer(calendar).Recognize);
    }

    public static string ToJson(Directive directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return JsonSerializer.Serialize(DirectiveJson.From(directive), Json);
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
            .AddColumn("Mục").AddColumn("Loại").AddColumn("Chủ trì").AddColumn("Phối hợp").AddColumn("Thời hạn").AddColumn("Lặp lại").AddColumn("Nội dung");
        foreach (var t in d.Tasks)
        {
            var due = t.DueBefore is { } at ? $"{t.DeadlineText}\n({Due(at)})" : t.DeadlineText ?? "";
            table.AddRow(
                Markup.Escape(t.Ref),
                t.Kind == TaskKind.Request ? "đề nghị" : "nhiệm vụ",
                Markup.Escape(string.Join("\n", t.Lead)),
                Markup.Escape(string.Join("\n", t.Support)),
                Markup.Escape(due),
                Markup.Escape(t.Recurrence ?? ""),
                Markup.Escape(Short(t.Text, 90)));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{d.Tasks.Count} nhiệm vụ.");
    }

    /// <summary>An exclusive instant as people say it: midnight is the end of the day before.</summary>
    private static string Due(DateTimeOffset dueBefore)
    {
        var local = dueBefore.ToOffset(VietnamTime.Offset);
        return local.TimeOfDay == TimeSpan.Zero
            ? "hết ngày " + local.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : "trước " + local.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    private static string Short(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
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
        [property: JsonPropertyName("tasks")] IReadOnlyList<TaskJson> Tasks)
    {
        public static DirectiveJson From(Directive d) => new(
            d.Number, d.Issuer, d.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.DocumentType, d.Subject, d.Signer,
            d.SignerTitle, d.Urgency, d.Recipients, d.Review, d.Tasks.Select(TaskJson.From).ToList());
    }

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

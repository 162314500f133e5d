using System.Globalization;
using System.Text.Json;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;

namespace Bot.Storage;

/// <summary>
/// Reads a directive saved as JSON in the reader's contract (docs/directive-json.md: the output
/// of `Bot parse --json`, and the gold files). Lets `Bot import` store directives before the
/// document reader is wired in, and moves directives read elsewhere into the store.
/// </summary>
public sealed class DirectiveJsonFile : IDirectiveSource
{
    public ReadDirective Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"Chưa đọc được tệp {Path.GetFileName(path)}: lệnh import hiện chỉ nhận tệp .json theo mẫu của lệnh parse.");
        var text = File.ReadAllText(path);
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return new ReadDirective(Parse(json.RootElement), text, Path.GetFileName(path));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            var where = e is JsonException { LineNumber: { } line } ? $" (dòng {line + 1})" : "";
            throw new InvalidDataException($"Tệp {Path.GetFileName(path)} không đúng mẫu văn bản JSON{where}.", e);
        }
    }

    public static Directive Parse(JsonElement root)
    {
        var tasks = new List<DirectiveTask>();
        var i = 0;
        foreach (var t in Array(root, "tasks"))
        {
            i++;
            var text = Text(t, "text") ?? Text(t, "anchor") ?? throw new FormatException($"nhiệm vụ thứ {i} không có nội dung");
            tasks.Add(new DirectiveTask(
                Text(t, "ref") ?? i.ToString(CultureInfo.InvariantCulture),
                string.Equals(Text(t, "kind"), "request", StringComparison.OrdinalIgnoreCase) ? TaskKind.Request : TaskKind.Task,
                text,
                Strings(t, "lead"),
                Strings(t, "support"),
                Text(t, "deadlineText"),
                Text(t, "dueBefore") is { } due ? DateTimeOffset.Parse(due, CultureInfo.InvariantCulture) : null,
                Text(t, "recurrence")));
        }
        return new Directive(
            Text(root, "number"),
            Text(root, "issuer"),
            Text(root, "issuedOn") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Text(root, "documentType"),
            Text(root, "subject"),
            Text(root, "signer"),
            Text(root, "signerTitle"),
            Strings(root, "recipients"),
            tasks);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : [];

    private static List<string> Strings(JsonElement e, string name) =>
        Array(e, name).Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();
}

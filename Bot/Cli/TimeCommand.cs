using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Domain.Time;

namespace Bot.Cli;

/// <summary>
/// `Bot time [--ref 2023-10-18T09:30] [--batch FILE] [PHRASE...]`: recognises each phrase (one per
/// argument, or one per line of the file) and prints one JSON line per phrase — its deadline or first
/// time, the others under "more" — or an error line when it holds none. The reference is a wall-clock
/// time in Vietnam; by default, now.
/// </summary>
public static class TimeCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var reference = ReferenceTime(args.Option("ref"));
        var phrases = new List<string>();
        if (args.Option("batch") is { } file)
        {
            if (!File.Exists(file)) throw new CliException($"Không tìm thấy tệp \"{file}\".");
            phrases.AddRange((await File.ReadAllLinesAsync(file)).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')));
        }
        phrases.AddRange(args.Positional.Where(p => p.Trim().Length > 0));
        if (phrases.Count == 0) throw new CliException("Hãy nhập một cụm từ chỉ thời gian, hoặc --batch TỆP.");

        var unread = 0;
        foreach (var line in Lines(phrases, reference, Bot.Hosting.BotServices.Recognizer()))
        {
            Console.WriteLine(line);
            if (line.Contains("\"error\":", StringComparison.Ordinal)) unread++;
        }
        // A single phrase with no time in it is bad input (exit 2, as the README says); a batch reports per line.
        return unread > 0 && args.Option("batch") is null ? CommandLine.BadInput : 0;
    }

    /// <summary>
    /// One JSON line per phrase, so a batch's lines match its input: the phrase's deadline (else its first time), with the
    /// other times it holds under "more"; or an error line for a phrase with none.
    /// </summary>
    /// <param name="recognizer">The bot's own (with its work calendar); weekdays only when none is given.</param>
    internal static IEnumerable<string> Lines(IEnumerable<string> phrases, DateTime reference, TimeRecognizer? recognizer = null)
    {
        recognizer ??= new TimeRecognizer();
        foreach (var phrase in phrases)
        {
            var mentions = recognizer.Recognize(phrase, reference);
            if (mentions.Count == 0)
            {
                yield return JsonSerializer.Serialize(new TimeLine(phrase) { Error = "Không nhận ra thời gian" }, Json);
                continue;
            }
            var main = mentions.FirstOrDefault(m => m.Role == TimeRole.Deadline) ?? mentions[0];
            var others = mentions.Where(m => !ReferenceEquals(m, main)).Select(TimeLine.Of).ToList();
            yield return JsonSerializer.Serialize(TimeLine.Of(main) with { More = others.Count > 0 ? others : null }, Json);
        }
    }

    /// <summary>The --ref option as a local wall-clock time, or now in Vietnam.</summary>
    internal static DateTime ReferenceTime(string? option)
    {
        if (option is null) return VietnamTime.ToLocal(TimeProvider.System.GetUtcNow());
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];
        return DateTime.TryParseExact(option, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && t.Year is >= 1900 and <= 2199
            ? t
            : throw new CliException($"Thời điểm tham chiếu \"{option}\" không hợp lệ: hãy viết như 2023-10-18T09:30.");
    }

    /// <summary>One output line; absent fields are left out.</summary>
    internal sealed record TimeLine(string Text)
    {
        public string? Kind { get; init; }
        public string? Role { get; init; }
        public string? Timex { get; init; }
        public string? Start { get; init; }
        public string? End { get; init; }
        public string? DueBefore { get; init; }
        public string? Recurrence { get; init; }
        public string? Error { get; init; }

        /// <summary>The phrase's other times, when it holds more than one.</summary>
        public IReadOnlyList<TimeLine>? More { get; init; }

        public static TimeLine Of(TimeMention m) => new(m.Text)
        {
            Kind = Lower(m.Kind.ToString()),
            Role = Lower(m.Role.ToString()),
            Timex = m.Timex,
            Start = Iso(m.Start),
            End = Iso(m.End),
            DueBefore = Iso(m.DueBefore),
            Recurrence = m.Recurrence,
        };

        private static string Lower(string s) => s.ToLowerInvariant();

        private static string? Iso(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}

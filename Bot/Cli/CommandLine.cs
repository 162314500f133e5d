using System.Text;

namespace Bot.Cli;

/// <summary>
/// Dispatches `Bot VERB ...` to one class per verb. Each verb parses its own options with
/// <see cref="CliArgs"/> and returns the process exit code.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code for bad input: a missing file, an unreadable document, a wrong option.</summary>
    public const int BadInput = 2;

    private static readonly Dictionary<string, (string Help, Func<CliArgs, Task<int>> Run)> Verbs = new(StringComparer.Ordinal)
    {
        ["time"] = ("Bot time [--ref 2023-10-18T09:30] [--batch FILE] [PHRASE]: recognise Vietnamese time phrases, one JSON line each", TimeCommand.RunAsync),
        ["import"] = ("Bot import FILES... [--publish] [--related \"ĐƠN VỊ;ĐƠN VỊ\"] [--db PATH]: store directives and their tasks; --publish assigns them to units", ImportCommand.RunAsync),
        ["tasks"] = ("Bot tasks --unit NAME [--status open|overdue|done] [--due-within DAYS] [--json] [--db PATH]: a unit's tasks", TasksCommand.RunAsync),
        ["directory"] = ("Bot directory import FILE | list [--unit NAME] [--db PATH]: officials of the district directory (CSV/XLSX: unit,name,role,phone)", DirectoryCommand.RunAsync),
        ["parse"] = ("Bot parse [--json] [--ref 2023-10-18] FILE: read a directive (.txt, .pdf, .docx) and list its tasks", ParseCommand.RunAsync),
        ["text"] = ("Bot text [--plain] [--why WORD] FILE: the document's text as the bot reads it (extracted, OCR'd, restored); unsure words in ⟨ ⟩", TextCommand.RunAsync),
        ["serve"] = ("Bot serve [--db PATH]: Telegram when Telegram__Token is set (listening on Urls), else the console demo (also: Bot with no verb)", ServeCommand.RunAsync),
        ["chat"] = ("Bot chat [--as PHONE] [--today YYYY-MM-DD] [--db PATH]: talk to the assistant in the terminal (demo store without --db)", ChatCommand.RunAsync),
        ["remind-worker"] = ("Bot remind-worker [--db PATH]: run only the reminders, beside a serve with Scheduling__Reminders=false (both Storage__Shared=true)", RemindWorkerCommand.RunAsync),
        ["bench"] = ("Bot bench chat|store|remind|parse|time|docs|restore|ocr: measure speed (runs Bot.Bench)", BenchForward.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.OutputEncoding = Encoding.UTF8;
        if (args.Length > 0 && args[0] is "-h" or "--help" or "help")
        {
            PrintHelp();
            return 0;
        }
        var verb = args.Length == 0 || args[0].StartsWith('-') ? "serve" : args[0];
        var rest = args.Length == 0 || args[0].StartsWith('-') ? args : args[1..];
        if (!Verbs.TryGetValue(verb, out var command))
        {
            await Console.Error.WriteLineAsync($"Không có lệnh \"{verb}\".");
            PrintHelp();
            return BadInput;
        }
        try
        {
            return await command.Run(new CliArgs(rest));
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return BadInput;
        }
    }

    private static void PrintHelp()
    {
        Console.WriteLine("Trợ lý theo dõi nhiệm vụ từ văn bản chỉ đạo. Các lệnh:");
        foreach (var (_, (help, _)) in Verbs.OrderBy(v => v.Key, StringComparer.Ordinal)) Console.WriteLine("  " + help);
    }
}

/// <summary>A wrong option or argument; its message is shown to the user as is.</summary>
public sealed class CliException(string message) : Exception(message);

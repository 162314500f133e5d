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
        ["time"] = ("Bot time [--ref 2023-10-18T09:30] [--batch TỆP] [CỤM TỪ]: đọc cụm từ chỉ thời gian tiếng Việt, mỗi cụm một dòng JSON", TimeCommand.RunAsync),
        ["import"] = ("Bot import TỆP... [--publish] [--related \"ĐƠN VỊ;ĐƠN VỊ\"] [--db ĐƯỜNG_DẪN]: lưu văn bản và nhiệm vụ; --publish giao việc cho đơn vị", ImportCommand.RunAsync),
        ["report"] = (ReportCommand.Usage + ": xếp hạng đơn vị theo tỷ lệ đúng hạn, biểu đồ PNG và tệp Excel", ReportCommand.RunAsync),
        ["tasks"] = ("Bot tasks --unit TÊN [--status open|overdue|done] [--due-within SỐ_NGÀY] [--json] [--db ĐƯỜNG_DẪN]: việc của một đơn vị", TasksCommand.RunAsync),
        ["directory"] = ("Bot directory import TỆP | list [--unit TÊN] | invite SĐT [--days N] [--db ĐƯỜNG_DẪN]: danh bạ cán bộ (CSV/XLSX: unit,name,role,phone), mã mời", DirectoryCommand.RunAsync),
        ["parse"] = ("Bot parse [--json] [--ref 2023-10-18] TỆP: đọc văn bản chỉ đạo (.txt, .pdf, .docx, ảnh quét) và liệt kê nhiệm vụ", ParseCommand.RunAsync),
        ["text"] = ("Bot text [--plain] [--why TỪ] TỆP: văn bản như trợ lý đọc (trích, OCR, khôi phục dấu); từ chưa chắc trong ⟨ ⟩", TextCommand.RunAsync),
        ["serve"] = ("Bot serve [--db ĐƯỜNG_DẪN]: phục vụ Telegram khi có Telegram__Token, nếu không thì chạy thử trong cửa sổ lệnh (cũng là: Bot không kèm lệnh)", ServeCommand.RunAsync),
        ["chat"] = ("Bot chat [--as SĐT] [--today YYYY-MM-DD] [--db ĐƯỜNG_DẪN]: trò chuyện với trợ lý trong cửa sổ lệnh (không có --db: kho chạy thử)", ChatCommand.RunAsync),
        ["remind-worker"] = ("Bot remind-worker [--db ĐƯỜNG_DẪN]: chỉ chạy nhắc việc, bên cạnh một serve có Scheduling__Reminders=false (cả hai Storage__Shared=true)", RemindWorkerCommand.RunAsync),
        ["migrate"] = ("Bot migrate --from TỆP_LITEDB --to CHUỖI_KẾT_NỐI: chép toàn bộ kho LiteDB sang PostgreSQL, đếm và so hai bên (chạy lại không ghi trùng)", MigrateCommand.RunAsync),
        ["bench"] = ("Bot bench chat|store|remind|parse|time|docs|restore|ocr|zalo|province [--store litedb|postgresql|both]: đo tốc độ (chạy Bot.Bench)", BenchForward.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.OutputEncoding = Encoding.UTF8;
        // Piped or redirected, a terminal's width is unknown and tables fall to one word a line: give them room.
        if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 200;
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
        Console.WriteLine("Trợ lý theo dõi nhiệm vụ từ văn bản chỉ đạo. Cách dùng: Bot LỆNH [tùy chọn]. Các lệnh:");
        foreach (var (_, (help, _)) in Verbs.OrderBy(v => v.Key, StringComparer.Ordinal)) Console.WriteLine("  " + help);
        Console.WriteLine("Lỗi đầu vào (tệp không có, tùy chọn sai, cụm từ không có thời gian) in thông báo tiếng Việt và thoát với mã 2.");
    }
}

/// <summary>A wrong option or argument; its message is shown to the user as is.</summary>
public sealed class CliException(string message) : Exception(message);

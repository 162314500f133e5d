using Bot.Documents;
using Spectre.Console;

namespace Bot.Cli;

/// <summary>
/// `Bot text FILE [--plain] [--why WORD]`: the document's text as the bot reads it — extracted, OCR'd
/// and restored — one line per source line; words the restorer is unsure of are wrapped in ⟨ ⟩
/// unless --plain. --why WORD lists the readings the restorer weighs for one OCR word.
/// </summary>
public static class TextCommand
{
    /// <summary>Reads a file; a scan shows a progress bar on the terminal while its pages are OCR'd.</summary>
    public static DocumentContent ReadWithProgress(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".txt" or ".docx" || Console.IsErrorRedirected) return DocumentReader.Default.Read(path);
        DocumentContent? content = null;
        // on standard error, so that what the verb prints (parse --json) stays clean
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Đang đọc tệp", maxValue: 1);
                var progress = new Progress<ReadingProgress>(p =>
                {
                    task.Description = p.ToString();
                    task.MaxValue = p.Pages;
                    task.Value = p.Page - 1;
                });
                content = DocumentReader.Default.Read(path, progress);
                task.Value = task.MaxValue;
            });
        return content!;
    }

    public static async Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Option("why") is { } word)
        {
            foreach (var (text, cost) in RestorerTables.Shared.Readings(word))
                Console.WriteLine($"{text ?? word + " (giữ nguyên)"}\t{cost:F2}");
            return 0;
        }
        var positional = args.PositionalWithFlags("plain");
        if (positional.Count != 1) throw new CliException("Cách dùng: Bot text [--plain] TỆP");
        DocumentContent content;
        try
        {
            content = ReadWithProgress(positional[0]);
        }
        catch (DocumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return CommandLine.BadInput;
        }
        var restored = content.Restoration;
        Console.WriteLine(args.Flag("plain") ? restored.Text : restored.Marked("⟨", "⟩"));
        var how = content.OcrPages.Count > 0 ? $"nhận dạng chữ {content.OcrPages.Count} trang; " : "";
        var unsure = restored.Unsure.Count();
        await Console.Error.WriteLineAsync(restored.Words.Count == 0
            ? $"({how}văn bản đọc được nguyên vẹn, không cần khôi phục)"
            : $"({how}khôi phục {restored.Changed} chữ; {unsure} chữ chưa chắc{(unsure > 0 && !args.Flag("plain") ? ", đánh dấu ⟨ ⟩" : "")})");
        return 0;
    }
}

using Bot.Documents;
using Bot.Domain.Text;

namespace Bot.Cli;

/// <summary>
/// `Bot text FILE [--plain] [--why WORD]`: the document's text as the bot reads it — extracted, OCR'd
/// and restored — one line per source line; words the restorer is unsure of are wrapped in ⟨ ⟩
/// unless --plain. --why WORD lists the readings the restorer weighs for one OCR word.
/// </summary>
public static class TextCommand
{
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
        string source;
        try
        {
            source = DocumentText.Read(positional[0]).Text;
        }
        catch (DocumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return CommandLine.BadInput;
        }
        var restored = RestorerTables.Shared.Restore(source);
        Console.WriteLine(args.Flag("plain") ? restored.Text : restored.Marked("⟨", "⟩"));
        return 0;
    }
}

using System.Globalization;
using Bot.Domain.Conversation;
using Bot.Domain.Words;

namespace Bot.Channels.Console;

/// <summary>
/// The conversation in a terminal, for the demo and for tests: what the person types goes in as
/// text; buttons are listed as [a], [b]... and typing that letter taps the button (letters, so a
/// number typed is always a task's number: "9" on page 2 is task 9, as its button says). Edits of an
/// earlier message are printed again, marked as updated. A file (a report's chart, its workbook) is written to
/// <paramref name="filesFolder"/> (a temporary folder unless given) and its path printed.
/// </summary>
public sealed class ConsoleChat(IConversation conversation, TextReader input, TextWriter output, string userId, string? filesFolder = null)
{
    /// <summary>Where the files the bot sends are written.</summary>
    public string FilesFolder { get; } = filesFolder ?? Path.Combine(Path.GetTempPath(), "bot-chat-files");

    public const string Channel = "console";
    private readonly List<(Button Button, string MessageId)> _choices = [];
    private int _nextMessageId = 1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(Phrases.ConsoleHint);
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "thoát" or "thoat" or "exit" or "quit") break;
            await SayAsync(line, cancellationToken);
        }
    }

    /// <summary>One turn: the person's line in, the bot's reply printed.</summary>
    public async Task SayAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var inbound = new Inbound(Channel, userId, userId) { DisplayName = "Cán bộ" };
        var trimmed = line.Trim();
        if (trimmed.Length == 1 && trimmed[0] - 'a' is var choice && choice >= 0 && choice < _choices.Count)
        {
            var (button, messageId) = _choices[choice];
            inbound = inbound with { Tap = new ButtonTap(button.Data, messageId, "console-" + _nextMessageId.ToString(CultureInfo.InvariantCulture)) };
        }
        else if (trimmed.StartsWith("sđt ", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("sdt ", StringComparison.OrdinalIgnoreCase))
        {
            inbound = inbound with { Contact = new SharedContact(trimmed[4..].Trim(), IsOwn: true) };
        }
        else
        {
            inbound = inbound with { Text = line };
        }
        var reply = await conversation.HandleAsync(inbound, cancellationToken);
        if (reply.Answer?.Text is { } toast) await output.WriteLineAsync($"  ({toast})");
        if (reply.Messages.Count > 0) _choices.Clear();
        foreach (var message in reply.Messages) await PrintAsync(message);
    }

    private async Task PrintAsync(Outbound message)
    {
        var id = message.EditMessageId ?? (_nextMessageId++).ToString(CultureInfo.InvariantCulture);
        if (message.EditMessageId is not null) await output.WriteLineAsync("  (cập nhật tin trước)");
        await output.WriteLineAsync(message.Text);
        if (message.File is { } file)
        {
            Directory.CreateDirectory(FilesFolder);
            var path = Path.Combine(FilesFolder, Path.GetFileName(file.Name));
            await File.WriteAllBytesAsync(path, file.Content);
            await output.WriteLineAsync(Phrases.FileSavedAt(path));
        }
        if (message.AskContact) await output.WriteLineAsync(Phrases.TypeYourPhone);
        foreach (var row in message.Buttons)
        {
            var labels = new List<string>();
            foreach (var button in row)
            {
                if (_choices.Count < 26) labels.Add($"[{(char)('a' + _choices.Count)}] {button.Text}");
                _choices.Add((button, id));
            }
            await output.WriteLineAsync("  " + string.Join("   ", labels));
        }
        await output.WriteLineAsync();
    }
}

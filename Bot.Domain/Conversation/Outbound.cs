namespace Bot.Domain.Conversation;

/// <summary>
/// One reply: a new message, or an edit of one already sent (<see cref="EditMessageId"/>). Channels
/// render buttons as they can (Telegram: inline keyboard; console: numbered choices).
/// </summary>
public sealed record Outbound(string ChatId, string Text)
{
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];

    public string? EditMessageId { get; init; }

    /// <summary>Ask the person to share their phone number (Telegram: a contact keyboard button).</summary>
    public bool AskContact { get; init; }

    /// <summary>A file sent with the message, the text as its caption (Telegram: sendPhoto / sendDocument).</summary>
    public OutboundFile? File { get; init; }

    public static Outbound Say(string chatId, string text) => new(chatId, text);
}

/// <summary>A file to send: a picture shown in the chat (<paramref name="IsPhoto"/>) or a document to open.</summary>
public sealed record OutboundFile(string Name, byte[] Content, bool IsPhoto);

/// <param name="Text">What the button says, e.g. "✅ Đã xong".</param>
/// <param name="Data">Signed button data (<see cref="ButtonSigner"/>), at most 64 bytes.</param>
public sealed record Button(string Text, string Data);

/// <summary>The short answer to a tapped button (Telegram shows it as a toast).</summary>
public sealed record TapAnswer(string QueryId, string? Text);

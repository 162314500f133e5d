using System.Globalization;
using Bot.Domain.Conversation;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Channels.Telegram;

/// <summary>Turns a Telegram update into the conversation's <see cref="Inbound"/>: one switch over update kinds.</summary>
public static class TelegramUpdates
{
    public const string Channel = "telegram";

    /// <summary>The inbound for an update, or null for kinds the bot ignores (edits, group joins...).</summary>
    public static Inbound? ToInbound(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        switch (update.Type)
        {
            case UpdateType.Message when update.Message is { From: { } from } message && message.Chat.Type == ChatType.Private:
                return new Inbound(Channel, Id(from.Id), Id(message.Chat.Id))
                {
                    Text = message.Text ?? message.Caption,
                    Contact = message.Contact is { } c ? new SharedContact(c.PhoneNumber, c.UserId == from.Id) : null,
                    Document = message.Document is { } d ? new InboundDocument(d.FileName ?? "tep", d.FileSize ?? 0, d.FileId)
                        : message.Photo is { Length: > 0 } sizes ? Picture(sizes, message.Date) : null,
                    DisplayName = from.FirstName,
                };
            case UpdateType.CallbackQuery when update.CallbackQuery is { } query:
                var chatId = query.Message?.Chat.Id ?? query.From.Id;
                return new Inbound(Channel, Id(query.From.Id), Id(chatId))
                {
                    Tap = new ButtonTap(query.Data ?? "", query.Message is { } m ? Id(m.Id) : null, query.Id),
                    DisplayName = query.From.FirstName,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// A photo sent compressed (the camera button) is a file like any other, for the desk and for evidence: its largest
    /// size, named by when it was sent (Telegram gives it no name; it is always a JPEG).
    /// </summary>
    private static InboundDocument Picture(PhotoSize[] sizes, DateTime sentUtc)
    {
        var largest = sizes.MaxBy(s => (long)s.Width * s.Height)!;
        var sent = Bot.Domain.Time.VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(sentUtc, DateTimeKind.Utc)));
        return new InboundDocument($"anh-{sent:yyyyMMdd-HHmmss}.jpg", largest.FileSize ?? 0, largest.FileId);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

namespace Bot.Domain.Conversation;

/// <summary>
/// One thing a person did in a chat, whatever the channel: typed text, tapped a button, shared a
/// contact or sent a file. Channels turn their updates into this and decide nothing else.
/// </summary>
/// <param name="Channel">"telegram", "zalo" or "console".</param>
/// <param name="UserId">The person's id on that channel.</param>
/// <param name="ChatId">Where to answer.</param>
public sealed record Inbound(string Channel, string UserId, string ChatId)
{
    public string? Text { get; init; }

    /// <summary>The data of a tapped button, and the message it was under.</summary>
    public ButtonTap? Tap { get; init; }

    public SharedContact? Contact { get; init; }

    public InboundDocument? Document { get; init; }

    /// <summary>The person's display name as the channel gives it, for greetings of unknown users.</summary>
    public string? DisplayName { get; init; }
}

/// <param name="Data">The button's data as the channel gave it back (untrusted).</param>
/// <param name="MessageId">The message the button was under, so the reply can edit it.</param>
/// <param name="QueryId">The channel's id for the tap, which must always be answered.</param>
public sealed record ButtonTap(string Data, string? MessageId, string? QueryId);

/// <param name="Phone">The number as the client sent it ("+84900000001", "0900000001").</param>
/// <param name="IsOwn">True when the contact is the sender's own (Telegram: contact.user_id == from.id).</param>
public sealed record SharedContact(string Phone, bool IsOwn);

public sealed record InboundDocument(string FileName, long Size, string FileId);

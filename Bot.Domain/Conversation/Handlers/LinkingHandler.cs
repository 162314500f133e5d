using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// Who is this: a chat the directory does not know sees nothing but how to link itself, by sharing
/// its own phone number or by an invite link ("/start CODE", one use, until it expires).
/// </summary>
public sealed class LinkingHandler(IDirectoryStore directory, IConversationStore memory, UnitDirectory units) : IConversationHandler
{
    /// <summary>A linked official who shares a contact again is told who the chat is linked to.</summary>
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent is ContactIntent ? turn.Say(Phrases.AlreadyLinked(turn.Official.Name, UnitName(turn.Official.UnitCode))) : null;
    }

    /// <summary>Anything from a chat no official is linked to.</summary>
    public Reply Stranger(Inbound inbound, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.Contact is { } contact) return Link(inbound, contact);
        if (IntentReader.Read(inbound.Text) is StartIntent { InviteCode: { } code })
        {
            var phone = memory.RedeemInvite(code, now);
            var invited = phone is null ? null : directory.ByPhone(phone);
            if (invited is not null) return Linked(inbound, invited);
            return AskContact(inbound, Phrases.BadInvite, note: "bad invite code");
        }
        if (inbound.Tap is { } tap)
            return new Reply([], tap.QueryId is { } q ? new TapAnswer(q, Phrases.Stale) : null) { Note = "tap from an unlinked chat" };
        return AskContact(inbound, Phrases.WhoAreYou);
    }

    private Reply Link(Inbound inbound, SharedContact contact)
    {
        if (!contact.IsOwn) return AskContact(inbound, Phrases.OwnContactOnly, "foreign contact");
        if (!PhoneNumber.TryNormalize(contact.Phone, out var phone) || directory.ByPhone(phone) is not { } official)
            return new Reply([Outbound.Say(inbound.ChatId, Phrases.UnknownPhone)]) { Note = "unknown phone" };
        return Linked(inbound, official);
    }

    private Reply Linked(Inbound inbound, Official official)
    {
        var account = new ChatAccount(inbound.Channel, inbound.UserId);
        if (!official.ChatAccounts.Contains(account))
            directory.Upsert([official with { ChatAccounts = [.. official.ChatAccounts, account] }]);
        return new Reply([Outbound.Say(inbound.ChatId, Phrases.Linked(official.Name, UnitName(official.UnitCode)))]) { Note = $"linked {official.Phone}" };
    }

    private static Reply AskContact(Inbound inbound, string text, string? note = null) =>
        new([new Outbound(inbound.ChatId, text) { AskContact = true }]) { Note = note };

    private string UnitName(string code) => units.ByCode(code)?.Name ?? code;
}

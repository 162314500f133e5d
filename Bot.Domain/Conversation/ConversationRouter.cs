using Bot.Domain.Conversation.Handlers;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// The conversation: who is this official, what do they want, which feature answers. A chat nobody
/// is linked to goes to linking; otherwise the inbound becomes a <see cref="Turn"/> (typed text and
/// taps read into the same intents) and the first handler that owns its intent answers. Every
/// change goes through the store, which checks the official's unit again.
/// </summary>
public sealed class ConversationRouter(
    IDirectoryStore directory,
    LinkingHandler linking,
    TurnReader reader,
    Buttons buttons,
    Reachability reachability,
    IEnumerable<IConversationHandler> handlers,
    TimeProvider clock) : IConversation
{
    private readonly IConversationHandler[] _handlers = [.. handlers];

    public async Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var now = clock.GetUtcNow();
        var official = directory.ByChatAccount(new ChatAccount(inbound.Channel, inbound.UserId));
        if (official is null) return linking.Stranger(inbound, now);
        reachability.Heard(official, inbound.Channel); // someone who writes to us can be written to again, there
        Turn turn;
        if (inbound.Tap is { } tap)
        {
            if (buttons.Read(inbound, tap) is not { } tapped) return Refused(tap);
            turn = new Turn(inbound, official, tapped.Action.Intent, now) { Tap = tapped };
        }
        else turn = new Turn(inbound, official, reader.Read(inbound, now), now);
        foreach (var handler in _handlers)
        {
            var reply = handler is IAsyncConversationHandler waits ? await waits.HandleAsync(turn, cancellationToken) : handler.Handle(turn);
            if (reply is not null) return reply;
        }
        return inbound.Tap is { } unanswered ? Refused(unanswered) : turn.Say(Phrases.NotUnderstood) with { Note = "not understood" };
    }

    /// <summary>The same, for callers without I/O to wait on (the demo, tests, benches): it completes at once unless a file is sent.</summary>
    public Reply Handle(Inbound inbound) => HandleAsync(inbound, CancellationToken.None).GetAwaiter().GetResult();

    private static Reply Refused(ButtonTap tap) =>
        new([], new TapAnswer(tap.QueryId ?? "", Phrases.Stale)) { Note = $"refused button \"{(tap.Data.Length <= 80 ? tap.Data : tap.Data[..80] + "…")}\"" };
}

using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// What people ask that the bot cannot do yet — a deadline extension, progress in part ("đã làm được
/// 50%") — is said plainly, with what to do instead, rather than answered with something else.
/// </summary>
public sealed class LaterFeaturesHandler : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent switch
        {
            NotYetIntent { Feature: LaterFeature.Extension } n => turn.Say(Phrases.NoExtensionsYet(n.Number)) with { Note = "extension asked (not yet)" },
            NotYetIntent { Feature: LaterFeature.PartProgress } n => turn.Say(Phrases.NoPartProgressYet(n.Number, n.Detail)) with { Note = "part progress (not yet)" },
            _ => null,
        };
    }
}

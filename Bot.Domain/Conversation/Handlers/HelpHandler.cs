using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>Greetings, thanks and help. (Files are the office's desk's: <see cref="DeskHandler"/>.)</summary>
public sealed class HelpHandler : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent switch
        {
            StartIntent or GreetingIntent => turn.Say(Phrases.Greeting(turn.Official.Name)),
            HelpIntent => turn.Say(Phrases.Help),
            ThanksIntent => turn.Say(Phrases.YouAreWelcome),
            _ => null,
        };
    }
}

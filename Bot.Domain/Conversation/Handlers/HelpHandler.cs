using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>Greetings, thanks, help, and what the bot cannot take yet (files: the district office's intake is to come).</summary>
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
            DocumentIntent => turn.Say(Phrases.NoDocumentsYet),
            _ => null,
        };
    }
}

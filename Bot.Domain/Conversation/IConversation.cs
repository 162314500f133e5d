namespace Bot.Domain.Conversation;

/// <summary>Everything the bot says back to one inbound: messages to send or edit, and the answer to a tap.</summary>
public sealed record Reply(IReadOnlyList<Outbound> Messages, TapAnswer? Answer = null)
{
    /// <summary>What the host should log about this turn (a refused button, an unknown phone); null when routine.</summary>
    public string? Note { get; init; }

    public static Reply Nothing { get; } = new([]);
}

/// <summary>The conversation: who is this, what do they want, what may they see. Channels only carry.</summary>
public interface IConversation
{
    Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken);
}

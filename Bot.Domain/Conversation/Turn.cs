using Bot.Domain.Organization;

namespace Bot.Domain.Conversation;

/// <summary>
/// One turn with a linked official, as the handlers see it: who, what they want (the same intent
/// whether typed or tapped), and when. <see cref="Tap"/> says which button it came from.
/// </summary>
public sealed record Turn(Inbound Inbound, Official Official, Intent Intent, DateTimeOffset Now)
{
    /// <summary>The button this turn came from (its list, the message to edit, the tap to answer); null for typed text.</summary>
    public TappedButton? Tap { get; init; }

    /// <summary>Who sees the answer, and where.</summary>
    public Viewer Viewer => new(Official, new ChatAccount(Inbound.Channel, Inbound.UserId), Inbound.ChatId);

    /// <summary>A reply that says one thing, as a new message.</summary>
    public Reply Say(string text) => new([Outbound.Say(Inbound.ChatId, text)]);

    /// <summary>A reply to a tap that only answers it (the toast), changing no message.</summary>
    public Reply Toast(string text) => new([], new TapAnswer(Tap?.QueryId ?? "", text));
}

/// <summary>A verified tap: the action, the shown list it acts on, when the button was made, and where it was.</summary>
public sealed record TappedButton(ButtonAction Action, TaskList List, DateTimeOffset IssuedAt, string? MessageId, string QueryId);

/// <summary>Who a message is for: the official, the chat account buttons are signed for, and the chat it goes to.</summary>
public sealed record Viewer(Official Official, ChatAccount Account, string ChatId)
{
    /// <summary>The chat as the conversation's memory keys it ("telegram:1001").</summary>
    public string Chat => $"{Account.Channel}:{ChatId}";
}

/// <summary>
/// One feature of the conversation: answers the intents it owns and returns null for the rest.
/// A new feature is a new handler registered in the composition root, not a branch in another one.
/// </summary>
public interface IConversationHandler
{
    Reply? Handle(Turn turn);
}

/// <summary>
/// A feature whose answer waits on I/O (a file to fetch and read): the router awaits it instead of
/// calling <see cref="IConversationHandler.Handle"/>.
/// </summary>
public interface IAsyncConversationHandler : IConversationHandler
{
    Task<Reply?> HandleAsync(Turn turn, CancellationToken cancellationToken);
}

using Bot.Domain.Conversation;

namespace Bot.Channels;

/// <summary>A messaging platform as the bot sees it: send or edit a message, answer a tap.</summary>
public interface IChannel
{
    string Name { get; }

    /// <summary>Sends (or edits) a message and returns the platform's message id.</summary>
    /// <exception cref="RecipientUnreachableException">The person blocked the bot or cannot be written to.</exception>
    /// <exception cref="ChannelRateLimitedException">The platform asks to wait before sending again.</exception>
    Task<string> SendAsync(Outbound message, CancellationToken cancellationToken);

    Task AnswerAsync(TapAnswer answer, CancellationToken cancellationToken);
}

/// <summary>The person blocked the bot (Telegram 403): stop writing to them and tell the office.</summary>
public sealed class RecipientUnreachableException(string chatId, string reason)
    : Exception($"Chat {chatId} is unreachable: {reason}")
{
    public string ChatId { get; } = chatId;
}

/// <summary>The platform's 429: wait <see cref="RetryAfter"/> before the next send.</summary>
public sealed class ChannelRateLimitedException(TimeSpan retryAfter)
    : Exception($"Rate limited; retry after {retryAfter.TotalSeconds:0} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

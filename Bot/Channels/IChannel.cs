using Bot.Domain.Conversation;

namespace Bot.Channels;

/// <summary>
/// A messaging platform as the bot sees it: send or edit a message, answer a tap. A channel turns
/// its platform's errors into <see cref="ChannelException"/>, so nothing behind this interface
/// knows Telegram's (or Zalo's) error codes.
/// </summary>
public interface IChannel
{
    /// <summary>"telegram", "zalo", "console": the channel of the chat accounts it reaches.</summary>
    string Name { get; }

    /// <summary>Sends (or edits) a message and returns the platform's message id.</summary>
    /// <exception cref="ChannelException">The platform would not take it: unreachable, throttled, transient or rejected.</exception>
    Task<string> SendAsync(Outbound message, CancellationToken cancellationToken);

    Task AnswerAsync(TapAnswer answer, CancellationToken cancellationToken);
}

/// <summary>Why a channel could not deliver, in the few kinds that decide what to do next.</summary>
public enum ChannelFailure
{
    /// <summary>The person cannot be written to (blocked the bot, left): stop, mark them, tell the office.</summary>
    Unreachable,

    /// <summary>Too fast: wait <see cref="ChannelException.RetryAfter"/>, then send again.</summary>
    Throttled,

    /// <summary>The platform or the network failed this time (5xx, timeout): try again later.</summary>
    Transient,

    /// <summary>The platform will never take this request (a bad request): trying again cannot help.</summary>
    Rejected,
}

/// <summary>A platform's error as the bot reads it; the platform's own text is the message, for the logs.</summary>
public sealed class ChannelException(ChannelFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public ChannelFailure Failure { get; } = failure;

    /// <summary>For <see cref="ChannelFailure.Throttled"/>: how long the platform asks to wait.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter ?? TimeSpan.Zero;
}

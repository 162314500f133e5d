using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Microsoft.Extensions.Logging;

namespace Bot.Channels;

/// <summary>How any channel's update handler sends a reply to what a person just did: the same on every platform.</summary>
public static class Replies
{
    /// <summary>
    /// Sends one message of a reply, once more after the wait a short throttle asks for; a person who cannot
    /// be reached is marked so; other failures are logged (the person asks again).
    /// </summary>
    public static async Task SendAsync(IChannel channel, Inbound inbound, Outbound message, Reachability reachability, TimeProvider clock,
        ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reachability);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await channel.SendAsync(message, cancellationToken);
                return;
            }
            catch (ChannelException e) when (e.Failure == ChannelFailure.Throttled && attempt == 1 && e.RetryAfter <= TimeSpan.FromSeconds(30))
            {
                await Task.Delay(e.RetryAfter, clock, cancellationToken);
            }
            catch (ChannelException e) when (e.Failure == ChannelFailure.Unreachable)
            {
                logger.LogWarning("{Channel} chat {Chat} cannot be reached: {Reason}", channel.Name, message.ChatId, e.Message);
                reachability.Refused(new ChatAccount(inbound.Channel, inbound.UserId));
                return;
            }
            catch (ChannelException e)
            {
                logger.LogWarning("Reply to {Channel} chat {Chat} not sent ({Failure}): {Reason}", channel.Name, message.ChatId, e.Failure, e.Message);
                return;
            }
        }
    }
}

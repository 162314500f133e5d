using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Words;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// One update in, the conversation's reply out, the same for polling and webhook. A tap is always
/// answered, and nothing a person sends can throw out of here.
/// </summary>
public sealed class TelegramUpdateHandler(
    IConversation conversation, TelegramChannel channel, Reachability reachability, TimeProvider clock, ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var inbound = TelegramUpdates.ToInbound(update);
        if (inbound is null) return;
        Reply reply;
        try
        {
            reply = await conversation.HandleAsync(inbound, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Update {UpdateId} from {User} failed", update.Id, inbound.UserId);
            reply = new Reply([Outbound.Say(inbound.ChatId, Phrases.Sorry)], inbound.Tap?.QueryId is { } q ? new TapAnswer(q, null) : null);
        }
        if (reply.Note is { } note) logger.LogInformation("Chat {Chat}: {Note}", inbound.ChatId, note);
        if (inbound.Tap?.QueryId is { } queryId)
            await channel.AnswerAsync(reply.Answer ?? new TapAnswer(queryId, null), cancellationToken);
        foreach (var message in reply.Messages) await SendAsync(inbound, message, cancellationToken);
    }

    /// <summary>A reply, sent once more after the wait a throttle asks for; a person who cannot be reached is marked so.</summary>
    private async Task SendAsync(Inbound inbound, Outbound message, CancellationToken cancellationToken)
    {
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
                logger.LogWarning("Chat {Chat} cannot be reached: {Reason}", message.ChatId, e.Message);
                reachability.Refused(new ChatAccount(inbound.Channel, inbound.UserId));
                return;
            }
            catch (ChannelException e)
            {
                logger.LogWarning("Reply to chat {Chat} not sent ({Failure}): {Reason}", message.ChatId, e.Failure, e.Message);
                return;
            }
        }
    }
}

using Bot.Domain.Conversation;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// One update in, the conversation's reply out, the same for polling and webhook. A tap is always
/// answered, and nothing a person sends can throw out of here.
/// </summary>
public sealed class TelegramUpdateHandler(IConversation conversation, TelegramChannel channel, ILogger<TelegramUpdateHandler> logger)
{
    private const string SorryText = "Xin lỗi, trợ lý đang gặp sự cố. Anh/chị vui lòng thử lại sau ít phút.";

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
            reply = new Reply([Outbound.Say(inbound.ChatId, SorryText)], inbound.Tap?.QueryId is { } q ? new TapAnswer(q, null) : null);
        }
        if (inbound.Tap?.QueryId is { } queryId)
            await channel.AnswerAsync(reply.Answer ?? new TapAnswer(queryId, null), cancellationToken);
        foreach (var message in reply.Messages)
        {
            try
            {
                await channel.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is RecipientUnreachableException or ChannelRateLimitedException or global::Telegram.Bot.Exceptions.RequestException or HttpRequestException)
            {
                logger.LogWarning("Reply to chat {Chat} not sent: {Reason}", message.ChatId, e.Message);
            }
        }
    }
}

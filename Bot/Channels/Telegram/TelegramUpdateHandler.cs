using Bot.Domain.Conversation;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// One update in, the conversation's reply out, the same for polling and webhook. A tap is always
/// answered, and nothing a person sends can throw out of here.
/// </summary>
public sealed class TelegramUpdateHandler(
    IConversation conversation, TelegramChannel channel, Bot.Storage.BotStore store, TimeProvider clock, ILogger<TelegramUpdateHandler> logger)
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
        if (reply.Note is { } note) logger.LogInformation("Chat {Chat}: {Note}", inbound.ChatId, note);
        if (inbound.Tap?.QueryId is { } queryId)
            await channel.AnswerAsync(reply.Answer ?? new TapAnswer(queryId, null), cancellationToken);
        foreach (var message in reply.Messages) await SendAsync(inbound, message, cancellationToken);
    }

    /// <summary>A reply, sent once more after the wait a 429 asks for; a 403 marks the official unreachable.</summary>
    private async Task SendAsync(Inbound inbound, Outbound message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await channel.SendAsync(message, cancellationToken);
                return;
            }
            catch (ChannelRateLimitedException e) when (attempt == 1 && e.RetryAfter <= TimeSpan.FromSeconds(30))
            {
                await Task.Delay(e.RetryAfter, clock, cancellationToken);
            }
            catch (RecipientUnreachableException e)
            {
                logger.LogWarning("Chat {Chat} blocked the bot: {Reason}", message.ChatId, e.Message);
                if (store.Directory.ByChatAccount(new Bot.Domain.Organization.ChatAccount(inbound.Channel, inbound.UserId)) is { } official)
                {
                    var prefs = store.Conversation.Preferences(official.Phone);
                    if (prefs.UnreachableSince is null) store.Conversation.SavePreferences(prefs with { UnreachableSince = clock.GetUtcNow() });
                }
                return;
            }
            catch (Exception e) when (e is ChannelRateLimitedException or global::Telegram.Bot.Exceptions.RequestException or HttpRequestException)
            {
                logger.LogWarning("Reply to chat {Chat} not sent: {Reason}", message.ChatId, e.Message);
                return;
            }
        }
    }
}

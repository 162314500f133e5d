using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Words;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// One update in, the conversation's reply out, the same for polling and webhook, once per update id on the
/// store. A tap is always answered, and nothing a person sends can throw out of here.
/// </summary>
public sealed class TelegramUpdateHandler(
    IConversation conversation, TelegramChannel channel, Reachability reachability, Bot.Storage.INodeCoordination nodes, TimeProvider clock,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>
    /// Handles the update unless it was handled (or means nothing to us); <see cref="Bot.Storage.UpdateClaim.InHand"/>
    /// when a node has it in hand now, and the caller should ask for it again later.
    /// </summary>
    public async Task<Bot.Storage.UpdateClaim> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var inbound = TelegramUpdates.ToInbound(update);
        if (inbound is null) return Bot.Storage.UpdateClaim.Handled;
        // Handled once on this store, by whichever node it reached first (a webhook retried, two nodes behind one URL,
        // a new polling leader); marked handled only once answered, so an update its node died with is taken again.
        var claim = nodes.Claim(TelegramUpdates.Channel, update.Id);
        if (claim != Bot.Storage.UpdateClaim.Mine)
        {
            logger.LogInformation("Update {UpdateId}: {Claim} on another turn; not handled here.", update.Id, claim);
            return claim;
        }
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
        foreach (var message in reply.Messages) await Replies.SendAsync(channel, inbound, message, reachability, clock, logger, cancellationToken);
        nodes.Handled(TelegramUpdates.Channel, update.Id);
        return Bot.Storage.UpdateClaim.Mine;
    }
}

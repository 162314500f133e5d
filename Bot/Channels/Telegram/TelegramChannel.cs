using System.Globalization;
using Bot.Domain.Conversation;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Channels.Telegram;

/// <summary>
/// Sends the conversation's messages through Telegram.Bot. Text goes as HTML-escaped plain text;
/// 403 becomes <see cref="RecipientUnreachableException"/>, 429 <see cref="ChannelRateLimitedException"/>,
/// and "message is not modified" is not an error (the person already sees that text).
/// </summary>
public sealed class TelegramChannel(ITelegramBotClient bot, ILogger<TelegramChannel> logger) : IChannel
{
    /// <summary>The commands shown in Telegram's menu, in Vietnamese.</summary>
    public static readonly BotCommand[] Commands =
    [
        new("viec", "Việc của đơn vị tôi còn phải làm"),
        new("sapden", "Việc sắp đến hạn"),
        new("quahan", "Việc đã quá hạn"),
        new("tiendo", "Tiến độ các đơn vị"),
        new("huongdan", "Cách dùng trợ lý"),
        new("start", "Bắt đầu, liên kết số điện thoại"),
    ];

    public string Name => TelegramUpdates.Channel;

    public async Task<string> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var chatId = long.Parse(message.ChatId, CultureInfo.InvariantCulture);
        try
        {
            if (message.EditMessageId is { } edit)
            {
                var messageId = int.Parse(edit, CultureInfo.InvariantCulture);
                await bot.EditMessageText(chatId, messageId, message.Text, replyMarkup: Inline(message), cancellationToken: cancellationToken);
                return edit;
            }
            ReplyMarkup? markup = message.AskContact
                ? new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact("📱 Gửi số điện thoại")) { ResizeKeyboard = true, OneTimeKeyboard = true }
                : Inline(message);
            var sent = await bot.SendMessage(chatId, message.Text, replyMarkup: markup, cancellationToken: cancellationToken);
            return sent.Id.ToString(CultureInfo.InvariantCulture);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            throw new RecipientUnreachableException(message.ChatId, e.Message);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            throw new ChannelRateLimitedException(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.Ordinal))
        {
            return message.EditMessageId ?? "";
        }
    }

    public async Task AnswerAsync(TapAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            await bot.AnswerCallbackQuery(answer.QueryId, answer.Text, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Too old or answered already: the person's spinner is gone anyway.
            logger.LogInformation("Callback {QueryId} not answered: {Reason}", answer.QueryId, e.Message);
        }
    }

    private static InlineKeyboardMarkup? Inline(Outbound message) =>
        message.Buttons.Count == 0
            ? null
            : new InlineKeyboardMarkup(message.Buttons.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));
}

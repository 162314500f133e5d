using System.Globalization;
using Bot.Domain.Conversation;
using Bot.Domain.Words;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Channels.Telegram;

/// <summary>
/// Sends the conversation's messages through Telegram.Bot, as plain text; a message with a file goes as a photo
/// (sendPhoto) or a document (sendDocument) with the text as its caption. Telegram's errors become the
/// channel's own (<see cref="Failure"/>): 403 and a chat that is gone are unreachable, 429 throttled with
/// its retry_after, 5xx and network faults transient, other 4xx rejected; "message is not modified" is
/// not an error (the person already sees that text).
/// </summary>
public sealed class TelegramChannel(ITelegramBotClient bot, ILogger<TelegramChannel> logger) : IChannel, IFileSource
{
    /// <summary>The commands shown in Telegram's menu, in Vietnamese.</summary>
    public static readonly BotCommand[] Commands = [.. Phrases.Menu.Select(c => new BotCommand(c.Command, c.Description))];

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
            if (message.File is { } file)
            {
                // The text is the caption (Telegram takes 1,024 characters there); the name travels with the upload.
                using var content = new MemoryStream(file.Content, writable: false);
                var input = InputFile.FromStream(content, file.Name);
                var caption = message.Text.Length <= 1024 ? message.Text : message.Text[..1020] + "…";
                var posted = file.IsPhoto
                    ? await bot.SendPhoto(chatId, input, caption: caption, replyMarkup: Inline(message), cancellationToken: cancellationToken)
                    : await bot.SendDocument(chatId, input, caption: caption, replyMarkup: Inline(message), cancellationToken: cancellationToken);
                return posted.Id.ToString(CultureInfo.InvariantCulture);
            }
            ReplyMarkup? markup = message.AskContact
                ? new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact(Phrases.ShareContactButton)) { ResizeKeyboard = true, OneTimeKeyboard = true }
                : Inline(message);
            var sent = await bot.SendMessage(chatId, message.Text, replyMarkup: markup, cancellationToken: cancellationToken);
            return sent.Id.ToString(CultureInfo.InvariantCulture);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.Ordinal))
        {
            return message.EditMessageId ?? "";
        }
        catch (Exception e) when (Failure(e, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>A Telegram or network error as the channel's own; null for what is not Telegram's to say (our cancellation, our bugs).</summary>
    public static ChannelException? Failure(Exception e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            ApiRequestException { ErrorCode: 403 } api => new ChannelException(ChannelFailure.Unreachable, api.Message, inner: api),
            ApiRequestException { ErrorCode: 400 } api when api.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
                => new ChannelException(ChannelFailure.Unreachable, api.Message, inner: api),
            ApiRequestException { ErrorCode: 429 } api => new ChannelException(ChannelFailure.Throttled, api.Message, TimeSpan.FromSeconds(api.Parameters?.RetryAfter ?? 1), api),
            ApiRequestException { ErrorCode: >= 500 } api => new ChannelException(ChannelFailure.Transient, api.Message, inner: api),
            ApiRequestException { ErrorCode: >= 400 } api => new ChannelException(ChannelFailure.Rejected, api.Message, inner: api),
            RequestException or HttpRequestException => new ChannelException(ChannelFailure.Transient, e.Message, inner: e),
            TaskCanceledException when !cancellationToken.IsCancellationRequested => new ChannelException(ChannelFailure.Transient, "timed out", inner: e),
            _ => null,
        };
    }

    /// <summary>getFile, then the file URL; Telegram gives bots files of at most 20 MB ("file is too big").</summary>
    public async Task<byte[]> DownloadAsync(string fileId, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var file = await bot.GetFile(fileId, cancellationToken);
            if (file.FileSize > maxBytes || file.FilePath is null) throw new FileTooLargeException($"{file.FileSize} bytes");
            using var content = new MemoryStream();
            await bot.DownloadFile(file.FilePath, content, cancellationToken);
            if (content.Length > maxBytes) throw new FileTooLargeException($"{content.Length} bytes");
            return content.ToArray();
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("file is too big", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileTooLargeException(e.Message);
        }
        catch (Exception e) when (e is not FileTooLargeException && Failure(e, cancellationToken) is { } failure)
        {
            throw failure;
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

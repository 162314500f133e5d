using Bot.Channels;
using Bot.Documents;
using Bot.Domain.Conversation;
using Bot.Domain.Desk;
using Bot.Domain.Words;
using Bot.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Desk;

/// <summary>
/// Intake of a file sent in chat: fetched from its channel (at most 20 MB), read as `import` reads a file
/// (<see cref="DirectiveSource"/>), with a message in the chat edited as the pages of a scan are read
/// ("Đang đọc trang 3/12…"). Whatever goes wrong is a refusal with a Vietnamese reason; nothing is stored here.
/// </summary>
public sealed class ChatIntake(IChatFiles files, IEnumerable<IChannel> channels, DirectiveSource source, ILogger<ChatIntake> logger)
    : IDirectiveIntake
{
    public async Task<Intake> ReadAsync(Inbound from, InboundDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(document);
        var fetched = await files.FetchAsync(from, document, IDirectiveIntake.MaxBytes, cancellationToken);
        if (fetched is FetchRefused refused) return new IntakeRefused(refused.Message, refused.Why);
        var content = ((FetchedFile)fetched).Content;
        var progress = new ChatProgress(channels.FirstOrDefault(c => c.Name == from.Channel), from.ChatId, logger);
        try
        {
            var read = await source.ReadAsync(content, document.FileName, progress, cancellationToken);
            await progress.DoneAsync(cancellationToken);
            return new IntakeRead(read, content);
        }
        catch (DocumentException e)
        {
            await progress.DoneAsync(cancellationToken);
            return new IntakeRefused(e.Message, e.Problem.ToString());
        }
    }

    /// <summary>
    /// "Đang đọc trang 3/12…" in the chat: sent at the first page, edited at each next one, in order (reports come from the
    /// reader's flow; sends are chained so an edit never overtakes the send it edits). A failed send only loses the progress.
    /// </summary>
    private sealed class ChatProgress(IChannel? channel, string chatId, ILogger logger) : IProgress<ReadingProgress>
    {
        private readonly Lock _gate = new();
        private Task _chain = Task.CompletedTask;
        private string? _messageId;
        private ReadingProgress? _last;

        public void Report(ReadingProgress value)
        {
            if (channel is null) return;
            lock (_gate)
            {
                _last = value;
                _chain = _chain.ContinueWith(_ => ShowAsync(value.ToString()), TaskScheduler.Default).Unwrap();
            }
        }

        public async Task DoneAsync(CancellationToken cancellationToken)
        {
            Task chain;
            lock (_gate) chain = _chain;
            await chain.WaitAsync(cancellationToken);
            if (_messageId is not null && _last is { } last) await ShowAsync(Phrases.ReadPages(last.Pages));
        }

        private async Task ShowAsync(string text)
        {
            try
            {
                var id = await channel!.SendAsync(new Outbound(chatId, text) { EditMessageId = _messageId }, CancellationToken.None);
                _messageId ??= id;
            }
            catch (ChannelException e)
            {
                logger.LogInformation("Progress in chat {Chat} not shown: {Reason}", chatId, e.Message);
            }
        }
    }
}

/// <summary>A file sent in chat, fetched from its channel's file source within a size limit; what goes wrong is a refusal in Vietnamese.</summary>
public sealed class ChatFiles(IEnumerable<IFileSource> sources, ILogger<ChatFiles> logger) : IChatFiles
{
    public async Task<Fetched> FetchAsync(Inbound from, InboundDocument document, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(document);
        var files = sources.FirstOrDefault(s => s.Name == from.Channel);
        if (files is null) return new FetchRefused(Phrases.FileNotFetched, $"channel {from.Channel} gives no files");
        try
        {
            return new FetchedFile(await files.DownloadAsync(document.FileId, maxBytes, cancellationToken));
        }
        catch (FileTooLargeException e)
        {
            return new FetchRefused(Phrases.FileTooLarge((int)(maxBytes / (1024 * 1024))), e.Message);
        }
        catch (ChannelException e)
        {
            logger.LogWarning("File {File} from {User} not fetched ({Failure}): {Reason}", document.FileName, from.UserId, e.Failure, e.Message);
            return new FetchRefused(Phrases.FileNotFetched, e.Message);
        }
    }
}

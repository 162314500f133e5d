namespace Bot.Domain.Conversation;

/// <summary>A file fetched from a chat, or why it was not.</summary>
public abstract record Fetched;

public sealed record FetchedFile(byte[] Content) : Fetched;

/// <param name="Message">Vietnamese, ready to show.</param>
/// <param name="Why">For the log.</param>
public sealed record FetchRefused(string Message, string Why) : Fetched;

/// <summary>The host's part: fetch a file sent in chat from its channel, within a size limit. Nothing is stored.</summary>
public interface IChatFiles
{
    Task<Fetched> FetchAsync(Inbound from, InboundDocument document, long maxBytes, CancellationToken cancellationToken);
}

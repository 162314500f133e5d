namespace Bot.Channels;

/// <summary>A channel a bot can fetch sent files from (Telegram: getFile, then the file URL).</summary>
public interface IFileSource
{
    /// <summary>The channel's name, as on <see cref="IChannel.Name"/>.</summary>
    string Name { get; }

    /// <summary>The file's content.</summary>
    /// <exception cref="FileTooLargeException">Over <paramref name="maxBytes"/>, or over what the platform lets a bot fetch.</exception>
    /// <exception cref="ChannelException">The platform would not give it.</exception>
    Task<byte[]> DownloadAsync(string fileId, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>A sent file over the size a bot may fetch.</summary>
public sealed class FileTooLargeException(string message) : Exception(message);

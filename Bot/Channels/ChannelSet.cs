using Bot.Domain.Organization;

namespace Bot.Channels;

/// <summary>
/// The channels this host sends through (each registered as an <see cref="IChannel"/>), and which one
/// reaches an official: the first of their chat accounts on a channel here. With Zalo beside Telegram,
/// the choice (the channel last used, or a preference) is made here and nowhere else.
/// </summary>
public sealed class ChannelSet
{
    private readonly Dictionary<string, IChannel> _byName = new(StringComparer.Ordinal);

    public ChannelSet(IEnumerable<IChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var channel in channels) _byName.TryAdd(channel.Name, channel); // the first registered of a name wins
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The channel and account to write to an official on; null when none of theirs is here.</summary>
    public (IChannel Channel, ChatAccount Account)? For(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        foreach (var account in official.ChatAccounts)
            if (_byName.TryGetValue(account.Channel, out var channel)) return (channel, account);
        return null;
    }
}

using Bot.Domain.Organization;
using Bot.Domain.Reminders;

namespace Bot.Channels;

/// <summary>
/// The channels this host sends through (each registered as an <see cref="IChannel"/>), and which one
/// reaches an official: the channel they last wrote on when it runs here, else the first of their chat
/// accounts on a channel here. One official on Telegram and Zalo gets each message once, on one of them.
/// </summary>
public sealed class ChannelSet
{
    private readonly Dictionary<string, IChannel> _byName = new(StringComparer.Ordinal);
    private readonly IPreferenceStore? _preferences;

    /// <param name="preferences">Where the channel each official last used is kept; without it, the first account wins.</param>
    public ChannelSet(IEnumerable<IChannel> channels, IPreferenceStore? preferences = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var channel in channels) _byName.TryAdd(channel.Name, channel); // the first registered of a name wins
        _preferences = preferences;
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The channel and account to write to an official on; null when none of theirs is here.</summary>
    public (IChannel Channel, ChatAccount Account)? For(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (official.ChatAccounts.Count > 1 && _preferences?.Preferences(official.Phone).LastChannel is { } last
            && _byName.TryGetValue(last, out var used) && official.ChatAccounts.FirstOrDefault(a => a.Channel == last) is { } account)
            return (used, account);
        foreach (var a in official.ChatAccounts)
            if (_byName.TryGetValue(a.Channel, out var channel)) return (channel, a);
        return null;
    }
}

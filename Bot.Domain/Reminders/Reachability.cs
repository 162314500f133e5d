using Bot.Domain.Organization;

namespace Bot.Domain.Reminders;

/// <summary>
/// Who the bot can write to: the one place that marks an official unreachable (a channel refused
/// them: they blocked the bot) and reachable again (they wrote to it). Reminders skip the
/// unreachable, and the district office reads them in its digest.
/// </summary>
public sealed class Reachability(IPreferenceStore preferences, IDirectoryStore directory, TimeProvider clock)
{
    /// <summary>
    /// They wrote (on <paramref name="channel"/>): whatever refused them before, they can be written to
    /// again, and that channel is the one they are written to from now on. Saved only when either changed.
    /// </summary>
    public void Heard(Official official, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(official);
        var p = preferences.Preferences(official.Phone);
        // Only someone with accounts on several channels needs it: nobody else gets a write for it.
        var last = official.ChatAccounts.Count > 1 ? channel ?? p.LastChannel : p.LastChannel;
        if (p.UnreachableSince is not null || p.LastChannel != last)
            preferences.SavePreferences(p with { UnreachableSince = null, LastChannel = last });
    }

    /// <summary>The channel refused to deliver to this account; marked once, from the first refusal. False for an account nobody has.</summary>
    public bool Refused(ChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (directory.ByChatAccount(account) is not { } official) return false;
        Refused(official);
        return true;
    }

    public void Refused(Official official)
    {
        ArgumentNullException.ThrowIfNull(official);
        var p = preferences.Preferences(official.Phone);
        if (p.UnreachableSince is null) preferences.SavePreferences(p with { UnreachableSince = clock.GetUtcNow() });
    }

    /// <summary>Everyone the bot cannot write to, earliest first, with the day it found out.</summary>
    public IReadOnlyList<(Official Official, DateTimeOffset Since)> Unreachable() =>
        [.. preferences.AllPreferences().Where(p => p.UnreachableSince is not null).OrderBy(p => p.UnreachableSince)
            .Select(p => (Official: directory.ByPhone(p.Phone), Since: p.UnreachableSince!.Value))
            .Where(x => x.Official is not null).Select(x => (x.Official!, x.Since))];
}

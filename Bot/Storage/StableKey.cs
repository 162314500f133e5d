namespace Bot.Storage;

/// <summary>
/// A 64-bit key from a text (FNV-1a over its UTF-16 units): the same on every node and every run, for lock
/// names and for update ids that come as text (Zalo's msg_id). Two of a week's million ids meet with odds
/// near one in thirty million.
/// </summary>
public static class StableKey
{
    public static long Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var ch in text) hash = (hash ^ ch) * 1099511628211UL;
        return unchecked((long)hash);
    }
}

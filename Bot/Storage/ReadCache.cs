using System.Collections.Concurrent;

namespace Bot.Storage;

/// <summary>
/// What was read from one collection, kept until that collection is written again: a chat turn reads the
/// same official, preferences and page of work again and again, and the store pays a read and a mapping
/// each time. <paramref name="stamp"/> changes with every write to the collection, and is null when nothing
/// may be kept: on LiteDB the file's write count while this process owns it (<see cref="BotStore.Changes"/>),
/// on PostgreSQL every node's writes as heard (<see cref="Postgres.PgChangeFeed"/>). Any write drops
/// everything kept. At most <c>capacity</c> values are kept; past that, reads simply go to the store.
/// </summary>
internal sealed class ReadCache<TKey, TValue>(Func<long?> stamp, int capacity) where TKey : notnull
{
    private sealed class Kept(long stamp, IEqualityComparer<TKey>? comparer)
    {
        public readonly long Stamp = stamp;
        public readonly ConcurrentDictionary<TKey, TValue> Values = new(comparer);
        public int Count; // ConcurrentDictionary.Count takes every lock: counted here instead
    }

    private readonly IEqualityComparer<TKey>? _comparer = typeof(TKey) == typeof(string) ? (IEqualityComparer<TKey>)StringComparer.Ordinal : null;
    private Kept? _kept;

    public TValue Get(TKey key, Func<TKey, TValue> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Current() is not { } kept) return read(key);
        if (kept.Values.TryGetValue(key, out var value)) return value;
        // Read after the count was taken: if a write comes in between, what is kept is newer than its
        // count, and the next caller, seeing the new count, drops it.
        value = read(key);
        if (Volatile.Read(ref kept.Count) < capacity && kept.Values.TryAdd(key, value)) Interlocked.Increment(ref kept.Count);
        return value;
    }

    /// <summary>Those of the keys that have a value: the ones not kept are read together, in one call.</summary>
    public Dictionary<TKey, TValue> GetMany(IEnumerable<TKey> keys, Func<IReadOnlyList<TKey>, IEnumerable<(TKey Key, TValue Value)>> read)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(read);
        var kept = Current();
        var found = new Dictionary<TKey, TValue>(_comparer);
        var missing = new List<TKey>();
        var asked = new HashSet<TKey>(_comparer);
        foreach (var key in keys)
        {
            if (!asked.Add(key)) continue;
            if (kept is not null && kept.Values.TryGetValue(key, out var value)) found[key] = value;
            else missing.Add(key);
        }
        if (missing.Count == 0) return found;
        foreach (var (key, value) in read(missing))
        {
            found[key] = value;
            if (kept is not null && Volatile.Read(ref kept.Count) < capacity && kept.Values.TryAdd(key, value)) Interlocked.Increment(ref kept.Count);
        }
        return found;
    }

    /// <summary>The values kept for the collection as it is now; null when nothing may be kept.</summary>
    private Kept? Current()
    {
        if (stamp() is not { } now) return null;
        var kept = Volatile.Read(ref _kept);
        if (kept is not null && kept.Stamp == now) return kept;
        // A caller that took an older count must not take the place of a newer one.
        if (kept is not null && kept.Stamp > now) return null;
        var fresh = new Kept(now, _comparer);
        return Interlocked.CompareExchange(ref _kept, fresh, kept) == kept ? fresh : null;
    }
}

internal static class ReadCacheOfFound
{
    /// <summary>
    /// Those of the keys that exist: the ones not kept are read together, in one call; a key the read does not
    /// return is kept as none, so asking for it again reads nothing until the next write.
    /// </summary>
    public static Dictionary<string, T> GetFound<T>(this ReadCache<string, T?> cache, IEnumerable<string> keys,
        Func<IReadOnlyList<string>, IEnumerable<(string Key, T Value)>> read) where T : class
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(read);
        var all = cache.GetMany(keys, missing =>
        {
            var found = read(missing).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
            return missing.Select(key => (key, found.GetValueOrDefault(key)));
        });
        return all.Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value!, StringComparer.Ordinal);
    }
}

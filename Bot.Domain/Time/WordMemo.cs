using System.Collections.Concurrent;

namespace Bot.Domain.Time;

/// <summary>
/// What a word (or any piece of text) comes to, computed once and shared by every call: texts
/// repeat their words, and texts of one kind repeat each other's. Looked up by span without
/// allocating. Thread-safe and bounded (the words of OCR noise never end); it keeps its own
/// count, as <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock.
/// </summary>
internal sealed class WordMemo<T>
{
    private const int Limit = 100_000;
    private readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Func<string, T> _compute;
    private int _added;

    public WordMemo(Func<string, T> compute)
    {
        _compute = compute;
        _bySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public T Get(string word) => _known.TryGetValue(word, out var known) ? known : Add(word);

    public T Get(ReadOnlySpan<char> word) => _bySpan.TryGetValue(word, out var known) ? known : Add(word.ToString());

    private T Add(string word)
    {
        if (Interlocked.Increment(ref _added) > Limit)
        {
            _known.Clear();
            Interlocked.Exchange(ref _added, 0);
        }
        return _known.GetOrAdd(word, _compute);
    }
}

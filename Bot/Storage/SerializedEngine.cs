using System.Collections.Concurrent;
using LiteDB;
using LiteDB.Engine;

namespace Bot.Storage;

/// <summary>
/// The LiteDB engine, one thread at a time. LiteDB 5.0's page cache can hand a reader a page buffer
/// that another thread is recycling (litedb-org/LiteDB#2817, unfixed in 5.0.20): on a file larger
/// than the cache, concurrent reads fail with "pages in memory store must be non-shared" and the
/// like, and each failure leaves a transaction open until every query fails with "Maximum number of
/// transactions reached". Our reads take a millisecond or two, so taking turns costs little.
/// </summary>
/// <remarks>
/// The gate is a re-entrant monitor held by the calling thread: a query holds it until its reader is
/// disposed, and an explicit transaction from <see cref="BeginTrans"/> to its commit or rollback, so
/// the queries of a transaction run inside it. Every caller reads synchronously on one thread.
/// </remarks>
internal sealed class SerializedEngine(ILiteEngine inner, IReadOnlyDictionary<string, string>? parts = null) : ILiteEngine
{
    private readonly object _gate = new();

    // Writes counted per collection, and per part of a collection where its documents name their part
    // (parts: collection → field, e.g. assignments → UnitCode): a write whose documents were not seen
    // (a delete by id, a rollback) counts for every part.
    private readonly ConcurrentDictionary<string, long> _changes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _blind = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Collection, string Part), long> _parts = new();
    private readonly Dictionary<string, string> _partFields = new(parts ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How many times <paramref name="collection"/> was written through this engine (a rolled-back write
    /// counts too): what was derived from it stays true while this number stays the same, as long as no
    /// other process writes the file.
    /// </summary>
    public long Changes(string collection) => _changes.TryGetValue(collection, out var n) ? n : 0;

    /// <summary>The same for the documents of one part of a collection (see the constructor's parts).</summary>
    public long Changes(string collection, string part) =>
        (_blind.TryGetValue(collection, out var all) ? all : 0) + (_parts.TryGetValue((collection, part), out var n) ? n : 0);

    // Counted once the write is in (a transaction's readers wait for its commit at the gate), so whoever
    // reads the count and then the data never keeps data older than its count.
    private T Writing<T>(string collection, Func<T> call)
    {
        try
        {
            return Run(call);
        }
        finally
        {
            Count(collection, null);
        }
    }

    // The same for documents given whole: each counts for its part as LiteDB takes it.
    private T Writing<T>(string collection, IEnumerable<BsonDocument> docs, Func<IEnumerable<BsonDocument>, T> call)
    {
        if (!_partFields.TryGetValue(collection, out var field)) return Writing(collection, () => call(docs));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var blind = false;
        try
        {
            return Run(() => call(docs.Select(d =>
            {
                if (d.TryGetValue(field, out var part) && part.IsString) seen.Add(part.AsString);
                else blind = true;
                return d;
            })));
        }
        finally
        {
            Count(collection, blind ? null : seen);
        }
    }

    private void Count(string collection, IEnumerable<string>? parts)
    {
        if (parts is null) _blind.AddOrUpdate(collection, 1, (_, n) => n + 1);
        else foreach (var part in parts) _parts.AddOrUpdate((collection, part), 1, (_, n) => n + 1);
        _changes.AddOrUpdate(collection, 1, (_, n) => n + 1);
    }

    public bool BeginTrans()
    {
        Monitor.Enter(_gate);
        bool began;
        try
        {
            began = inner.BeginTrans();
        }
        catch
        {
            Monitor.Exit(_gate);
            throw;
        }
        if (!began) Monitor.Exit(_gate);
        return began;
    }

    public bool Commit() => End(inner.Commit);

    // What was read inside the transaction (its own writes) is gone after a rollback: every count moves on.
    public bool Rollback() => End(() =>
    {
        try
        {
            return inner.Rollback();
        }
        finally
        {
            foreach (var collection in _changes.Keys) Count(collection, null);
        }
    });

    public IBsonDataReader Query(string collection, Query query)
    {
        Monitor.Enter(_gate);
        try
        {
            return new Reader(inner.Query(collection, query), _gate);
        }
        catch
        {
            Monitor.Exit(_gate);
            throw;
        }
    }

    public int Checkpoint() => Run(inner.Checkpoint);

    public long Rebuild(RebuildOptions options) => Run(() => inner.Rebuild(options));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Writing(collection, docs, d => inner.Insert(collection, d, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Writing(collection, docs, d => inner.Update(collection, d));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Writing(collection, () => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Writing(collection, docs, d => inner.Upsert(collection, d, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Writing(collection, () => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Writing(collection, () => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Writing(name, () => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Writing(name, () => Writing(newName, () => inner.RenameCollection(name, newName)));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Run(() => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Run(() => inner.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Run(() => inner.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Run(() => inner.Pragma(name, value));

    public void Dispose()
    {
        lock (_gate) inner.Dispose();
    }

    private T Run<T>(Func<T> call)
    {
        lock (_gate) return call();
    }

    // Ends the transaction that BeginTrans entered the gate for.
    private bool End(Func<bool> end)
    {
        try
        {
            return end();
        }
        finally
        {
            if (Monitor.IsEntered(_gate)) Monitor.Exit(_gate);
        }
    }

    /// <summary>A query's reader; it gives the gate back when disposed.</summary>
    private sealed class Reader(IBsonDataReader inner, object gate) : IBsonDataReader
    {
        private bool _disposed;

        public BsonValue this[string field] => inner[field];

        public string Collection => inner.Collection;

        public BsonValue Current => inner.Current;

        public bool HasValues => inner.HasValues;

        public bool Read() => inner.Read();

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                inner.Dispose();
            }
            finally
            {
                Monitor.Exit(gate);
            }
        }
    }
}

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
internal sealed class SerializedEngine(ILiteEngine inner) : ILiteEngine
{
    private readonly object _gate = new();

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

    public bool Rollback() => End(inner.Rollback);

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

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(() => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Run(() => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Run(() => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(() => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Run(() => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Run(() => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Run(() => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Run(() => inner.RenameCollection(name, newName));

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

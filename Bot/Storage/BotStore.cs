using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// The bot's one LiteDB file, opened once per process. Owns the <see cref="LiteDatabase"/>, makes
/// the indexes every query needs when it opens, and runs each change as one transaction under
/// one write gate: LiteDB transactions are per thread and do not stop two threads from reading
/// the same document before either writes, so read-check-write changes are serialised here.
/// </summary>
public sealed class BotStore : IDisposable
{
    internal const string AssignmentsName = "assignments";
    internal const string DirectivesName = "directives";
    internal const string OfficialsName = "officials";
    internal const string AuditName = "audit";

    private readonly Lock _writeGate = new();

    private BotStore(LiteDatabase database, TimeProvider clock)
    {
        Database = database;
        Clock = clock;
        EnsureIndexes();
        Upgrade();
        Assignments = new LiteAssignmentStore(this);
        Directory = new LiteDirectoryStore(this);
        Conversation = new LiteConversationStore(this);
    }

    public IAssignmentStore Assignments { get; }

    public IDirectoryStore Directory { get; }

    public Bot.Domain.Conversation.IConversationStore Conversation { get; }

    public TimeProvider Clock { get; }

    internal LiteDatabase Database { get; }

    internal ILiteCollection<AssignmentDoc> AssignmentDocs => Database.GetCollection<AssignmentDoc>(AssignmentsName);

    internal ILiteCollection<DirectiveDoc> DirectiveDocs => Database.GetCollection<DirectiveDoc>(DirectivesName);

    internal ILiteCollection<OfficialDoc> OfficialDocs => Database.GetCollection<OfficialDoc>(OfficialsName);

    internal ILiteCollection<AuditDoc> AuditDocs => Database.GetCollection<AuditDoc>(AuditName);

    /// <summary>Opens (or creates) the file. A password encrypts the file at rest (AES).</summary>
    public static BotStore Open(StoreOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var full = Path.GetFullPath(options.Path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) System.IO.Directory.CreateDirectory(folder);
        var settings = new LiteDB.Engine.EngineSettings
        {
            Filename = full,
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
        };
        // One caller at a time: see SerializedEngine for the LiteDB race this avoids.
        var engine = new SerializedEngine(new LiteDB.Engine.LiteEngine(settings));
        return new BotStore(new LiteDatabase(engine, StoreMapping.CreateMapper()), clock);
    }

    /// <summary>Runs a change as one transaction: all of it is written, or none.</summary>
    internal T Write<T>(Func<T> change)
    {
        lock (_writeGate)
        {
            if (!Database.BeginTrans()) throw new InvalidOperationException("A transaction is already open on this thread.");
            try
            {
                var result = change();
                Database.Commit();
                return result;
            }
            catch
            {
                Database.Rollback();
                throw;
            }
        }
    }

    private void EnsureIndexes()
    {
        var assignments = AssignmentDocs;
        assignments.EnsureIndex(x => x.OpenKey);            // open work of a unit by deadline; due within / overdue of a unit
        assignments.EnsureIndex(x => x.OpenDue);            // due within / overdue across units
        assignments.EnsureIndex(x => x.OpenDueKey);         // the reminders' window across units, from the index alone
        assignments.EnsureIndex(x => x.UnitCode);           // done work of a unit
        assignments.EnsureIndex(x => x.DirectiveId);        // a directive's assignments: reconcile, by directive number
        assignments.EnsureIndex(x => x.DirectiveUnitKey);   // one unit's share of a directive ("công văn 1259")
        assignments.EnsureIndex(x => x.DueBefore);          // progress over a period
        DirectiveDocs.EnsureIndex(x => x.ContentHash, unique: false);
        DirectiveDocs.EnsureIndex(x => x.NumberKey);
        OfficialDocs.EnsureIndex(x => x.UnitCode);
        OfficialDocs.EnsureIndex("AccountKeys", "$.AccountKeys[*]");
        AuditDocs.EnsureIndex(x => x.AssignmentId);
    }

    /// <summary>The shape of the file this version writes, kept in LiteDB's user version.</summary>
    internal const int SchemaVersion = 2;

    /// <summary>
    /// Brings a file written by an earlier version to <see cref="SchemaVersion"/>, once. 1: open keys
    /// carry the assignment id; 2: open work has a key across units too (OpenDueKey). The index fields
    /// are derived, so they are simply derived again, in
    /// batches (one transaction holds its pages in memory); the version is set only when all are done,
    /// so a crash half way repeats the step, which is harmless.
    /// </summary>
    private void Upgrade()
    {
        if (Database.UserVersion >= SchemaVersion) return;
        string? after = null;
        while (true)
        {
            var query = AssignmentDocs.Query();
            if (after is not null) query = query.Where(Filter.Gt("_id", after));
            var batch = query.OrderBy("_id").Limit(5_000).ToList();
            if (batch.Count == 0) break;
            Write(() =>
            {
                foreach (var doc in batch) AssignmentDocs.Update(StoreMapping.ToDoc(StoreMapping.ToDomain(doc)));
                return batch.Count;
            });
            after = batch[^1].Id;
        }
        Database.UserVersion = SchemaVersion;
    }

    public void Dispose()
    {
        ((LiteConversationStore)Conversation).Dispose(); // the lists written behind go to disk first
        Database.Dispose();
    }
}

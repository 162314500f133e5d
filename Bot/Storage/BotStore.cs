using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// The bot's LiteDB file, opened once per process. Owns the <see cref="LiteDatabase"/>, makes
/// the indexes every query needs when it opens, and runs each change as one transaction under
/// one write gate: LiteDB transactions are per thread and do not stop two threads from reading
/// the same document before either writes, so read-check-write changes are serialised here.
/// Beside it, the chat file (<see cref="ChatPath"/>) keeps what was shown in chats: its writes
/// behind, several times a second, then never hold up the readers of the assignments.
/// </summary>
public sealed class BotStore : IDisposable
{
    internal const string AssignmentsName = "assignments";
    internal const string DirectivesName = "directives";
    internal const string OfficialsName = "officials";
    internal const string AuditName = "audit";

    private readonly Lock _writeGate = new();
    private readonly LiteDatabase _chats;

    private BotStore(LiteDatabase database, LiteDatabase chats, TimeProvider clock)
    {
        Database = database;
        Clock = clock;
        EnsureIndexes();
        _chats = chats;
        Upgrade(chats);
        Assignments = new LiteAssignmentStore(this);
        Directory = new LiteDirectoryStore(this);
        Conversation = new LiteConversationStore(this, chats);
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
        var database = OpenFile(full, options.Password);
        try
        {
            return new BotStore(database, OpenFile(ChatPath(full), options.Password), clock);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>The chat file beside the store: data/bot.db → data/bot.chat.db.</summary>
    public static string ChatPath(string path) => Path.ChangeExtension(path, ".chat.db");

    private static LiteDatabase OpenFile(string path, string? password)
    {
        var settings = new LiteDB.Engine.EngineSettings
        {
            Filename = path,
            Password = string.IsNullOrEmpty(password) ? null : password,
        };
        // One caller at a time: see SerializedEngine for the LiteDB race this avoids.
        return new LiteDatabase(new SerializedEngine(new LiteDB.Engine.LiteEngine(settings)), StoreMapping.CreateMapper());
    }

    /// <summary>Runs a change as one transaction: all of it is written, or none.</summary>
    internal T Write<T>(Func<T> change)
    {
        lock (_writeGate) return InTransaction(Database, change);
    }

    /// <summary>One transaction on <paramref name="database"/>; the caller keeps writers apart.</summary>
    internal static T InTransaction<T>(LiteDatabase database, Func<T> change)
    {
        if (!database.BeginTrans()) throw new InvalidOperationException("A transaction is already open on this thread.");
        try
        {
            var result = change();
            database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            throw;
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
    internal const int SchemaVersion = 3;

    /// <summary>The collections of what was shown in chats, in the chat file since version 3.</summary>
    internal static readonly string[] ChatCollections = [LiteConversationStore.ListsName, LiteConversationStore.FocusName, LiteConversationStore.LastListsName];

    /// <summary>
    /// Brings a file written by an earlier version to <see cref="SchemaVersion"/>, once. 1: open keys
    /// carry the assignment id; 2: open work has a key across units too (OpenDueKey); 3: what was
    /// shown in chats moves to the chat file. The version is set only when all is done, so a crash
    /// half way repeats the steps, which is harmless: index fields are derived again, moved documents upserted again.
    /// </summary>
    private void Upgrade(LiteDatabase chats)
    {
        var version = Database.UserVersion;
        if (version >= SchemaVersion) return;
        if (version < 2) DeriveIndexFields();
        foreach (var name in ChatCollections)
        {
            if (!Database.CollectionExists(name)) continue;
            var moved = Database.GetCollection(name).FindAll().ToList();
            InTransaction(chats, () => chats.GetCollection(name).Upsert(moved));
            Database.DropCollection(name);
        }
        Database.UserVersion = SchemaVersion;
    }

    // The index fields are derived from the assignment, so they are derived again, in batches (one
    // transaction holds its pages in memory).
    private void DeriveIndexFields()
    {
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
    }

    public void Dispose()
    {
        ((LiteConversationStore)Conversation).Dispose(); // the lists written behind go to disk first
        _chats.Dispose();
        Database.Dispose();
    }
}

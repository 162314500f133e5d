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
/// <remarks>
/// LiteDB's file has no lock of its own between processes, and each process caches pages: two that
/// open it directly corrupt it. So a store takes a lock file beside it: one process alone by default,
/// or any number of processes that all open it shared (<see cref="StoreOptions.Shared"/>), which use
/// LiteDB's shared engine: every operation takes a lock across processes and reads the file afresh.
/// That is slower per query, and meant for a district's store with a second process beside the bot.
/// </remarks>
public sealed class BotStore : IStore
{
    internal const string AssignmentsName = "assignments";
    internal const string DirectivesName = "directives";
    internal const string OfficialsName = "officials";
    internal const string AuditName = "audit";

    private readonly Lock _writeGate = new();
    private readonly LiteDatabase _chats;
    private readonly FileStream _lock;

    private readonly SerializedEngine _engine;

    private BotStore((LiteDatabase Database, SerializedEngine Engine) file, LiteDatabase chats, FileStream fileLock, bool shared, TimeProvider clock)
    {
        (Database, _engine) = file;
        Shared = shared;
        Clock = clock;
        Nodes = new LiteNodeCoordination(clock);
        _lock = fileLock;
        EnsureIndexes();
        _chats = chats;
        Upgrade(chats);
        Assignments = new LiteAssignmentStore(this);
        Directory = new LiteDirectoryStore(this);
        Conversation = new LiteConversationStore(this, chats);
        Preferences = new LitePreferenceStore(this);
        Outbox = new LiteNudgeOutbox(this);
        Desk = new LiteDesk(this);
        Zalo = new LiteZaloStore(this);
        Extensions = new LiteExtensionRequests(this);
        Progress = new LiteProgressReports(this);
        ReportSource = new LiteReportSource(this);
        WorkChanges = new LiteWorkChanges(this, (LiteAssignmentStore)Assignments);
    }

    public IAssignmentStore Assignments { get; }

    public IDirectoryStore Directory { get; }

    public Bot.Domain.Conversation.IConversationStore Conversation { get; }

    public Bot.Domain.Reminders.IPreferenceStore Preferences { get; }

    public Bot.Domain.Reminders.INudgeOutbox Outbox { get; }

    /// <summary>The office's desk: drafts of directives received in chat, and their original files.</summary>
    public Bot.Domain.Desk.IDraftStore Drafts => Desk;

    /// <inheritdoc cref="Drafts"/>
    public Bot.Domain.Desk.IOriginalFiles Originals => Desk;

    private LiteDesk Desk { get; }

    public Bot.Channels.Zalo.IZaloStore Zalo { get; }

    public INodeCoordination Nodes { get; }

    /// <summary>Extension requests (xin gia hạn), from drafting to the decision.</summary>
    public Bot.Domain.Extensions.IExtensionRequests Extensions { get; }

    /// <summary>Progress in part ("đã làm được 60%").</summary>
    public IProgressReports Progress { get; }

    /// <summary>What leaders' reports read: the work due in a period.</summary>
    public Bot.Domain.Reports.IReportSource ReportSource { get; }

    public Bot.Domain.Reminders.IWorkChanges WorkChanges { get; }

    public TimeProvider Clock { get; }

    /// <summary>
    /// How many times assignments were written, while this process owns the file; null when it is shared
    /// (other processes write without this process knowing).
    /// </summary>
    internal long? AssignmentChanges => Changes(AssignmentsName);

    /// <summary>How many times assignments of one unit were written, while this process owns the file; null when it is shared.</summary>
    internal long? AssignmentChangesOf(string unitCode) => Shared ? null : _engine.Changes(AssignmentsName, unitCode);

    /// <summary>How many times a collection of the file was written, while this process owns the file; null when it is shared.</summary>
    internal long? Changes(string collection) => Shared ? null : _engine.Changes(collection);

    /// <summary>Opened beside other processes (<see cref="StoreOptions.Shared"/>).</summary>
    public bool Shared { get; }

    internal LiteDatabase Database { get; }

    /// <summary>The chat file (what was shown in chats), for `migrate`.</summary>
    internal LiteDatabase Chats => _chats;

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
        var fileLock = Lock(full, options.Shared);
        (LiteDatabase Database, SerializedEngine Engine)? file = null;
        try
        {
            file = OpenFile(full, options.Password, options.Shared);
            return new BotStore(file.Value, OpenFile(ChatPath(full), options.Password, options.Shared).Database, fileLock, options.Shared, clock);
        }
        catch
        {
            file?.Database.Dispose();
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>The lock file beside the store: exclusive for a process that owns the file, shared among processes that all open it shared.</summary>
    private static FileStream Lock(string path, bool shared)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, shared ? FileShare.ReadWrite : FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new StoreInUseException(path, e);
        }
    }

    /// <summary>The chat file beside the store: data/bot.db → data/bot.chat.db.</summary>
    public static string ChatPath(string path) => Path.ChangeExtension(path, ".chat.db");

    private static (LiteDatabase Database, SerializedEngine Engine) OpenFile(string path, string? password, bool shared)
    {
        var settings = new LiteDB.Engine.EngineSettings
        {
            Filename = path,
            Password = string.IsNullOrEmpty(password) ? null : password,
        };
        LiteDB.Engine.ILiteEngine engine = shared ? new SharedEngine(settings) : new LiteDB.Engine.LiteEngine(settings);
        // One caller at a time: see SerializedEngine for the LiteDB race this avoids.
        // Lists are kept per unit (Workload): a write to one unit's work leaves the others' kept.
        var serialized = new SerializedEngine(engine, new Dictionary<string, string> { [AssignmentsName] = nameof(AssignmentDoc.UnitCode) });
        return (new LiteDatabase(serialized, StoreMapping.CreateMapper()), serialized);
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
        assignments.EnsureIndex(x => x.DueKey);             // a period's report, tallied from the index alone
        assignments.EnsureIndex(x => x.UnitDueKey);         // a unit's work of a period in deadline order
        DirectiveDocs.EnsureIndex(x => x.ContentHash, unique: false);
        DirectiveDocs.EnsureIndex(x => x.NumberKey);
        OfficialDocs.EnsureIndex(x => x.UnitCode);
        OfficialDocs.EnsureIndex("AccountKeys", "$.AccountKeys[*]");
        AuditDocs.EnsureIndex(x => x.AssignmentId);
    }

    /// <summary>The shape of the file this version writes, kept in LiteDB's user version.</summary>
    internal const int SchemaVersion = 5;

    /// <summary>The collections of what was shown in chats, in the chat file since version 3.</summary>
    internal static readonly string[] ChatCollections = [LiteConversationStore.ListsName, LiteConversationStore.FocusName, LiteConversationStore.LastListsName];

    /// <summary>
    /// Brings a file written by an earlier version to <see cref="SchemaVersion"/>, once. 1: open keys
    /// carry the assignment id; 2: open work has a key across units too (OpenDueKey); 3: what was
    /// shown in chats moves to the chat file; 4: work with a deadline has report keys (DueKey, UnitDueKey); 5: the work of a
    /// directive without a number carries its subject and date, which name it. The version is set only when all is done, so a crash
    /// half way repeats the steps, which is harmless: index fields are derived again, moved documents upserted again.
    /// </summary>
    private void Upgrade(LiteDatabase chats)
    {
        var version = Database.UserVersion;
        if (version >= SchemaVersion) return;
        if (version < 4) DeriveIndexFields();
        if (version < 5) NameUnnumberedWork();
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

    // A directive without a number is named by its subject and date (Publishing.Carried); work published before carried
    // neither. Directives are few, and only the unnumbered ones' work is rewritten.
    private void NameUnnumberedWork()
    {
        foreach (var directive in DirectiveDocs.FindAll().Where(d => string.IsNullOrWhiteSpace(d.Number)).ToList())
        {
            var work = AssignmentDocs.Find(Filter.Eq(nameof(AssignmentDoc.DirectiveId), directive.Id)).ToList();
            Write(() =>
            {
                foreach (var doc in work)
                {
                    doc.DirectiveSubject = directive.Subject;
                    doc.DirectiveIssuedOn = directive.IssuedOn;
                    AssignmentDocs.Update(doc);
                }
                return work.Count;
            });
        }
    }

    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return; // once, whichever registration of it is disposed
        ((LiteConversationStore)Conversation).Dispose(); // the lists written behind go to disk first
        _chats.Dispose();
        Database.Dispose();
        _lock.Dispose();
    }
}

/// <summary>Another process owns the store's file: say so rather than corrupt it.</summary>
public sealed class StoreInUseException(string path, Exception inner) : IOException(
    $"Tệp dữ liệu {path} đang được một tiến trình khác dùng. Để nhiều tiến trình (serve, remind-worker, các lệnh) cùng dùng một tệp, " +
    "đặt Storage__Shared=true cho tất cả.", inner);

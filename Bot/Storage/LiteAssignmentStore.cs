using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using LiteDB;

namespace Bot.Storage;

/// <summary>Directives, assignments and the audit log in LiteDB. Every query goes through an index.</summary>
internal sealed class LiteAssignmentStore(BotStore store) : IAssignmentStore
{
    // The pages of lists and the tasks asked about are read again and again between writes; any write to
    // an assignment drops them all (see ReadCache). 50,000 assignments are a few tens of megabytes.
    private readonly ReadCache<string, Assignment?> _byId = new(() => store.Changes(BotStore.AssignmentsName), capacity: 50_000);

    public long? ChangeStamp => store.AssignmentChanges;

    public long? ChangeStampOf(string unitCode) => store.AssignmentChangesOf(unitCode);

    public TrackedDirective? FindDirective(string id) =>
        store.DirectiveDocs.FindById(id) is { } doc ? StoreMapping.ToDomain(doc) : null;

    public TrackedDirective? FindDirectiveByHash(string contentHash) =>
        store.DirectiveDocs.FindOne(Filter.Eq(nameof(DirectiveDoc.ContentHash), contentHash)) is { } doc ? StoreMapping.ToDomain(doc) : null;

    public IReadOnlyList<Assignment> OfDirective(string directiveId) =>
        Map(store.AssignmentDocs.Find(Filter.Eq(nameof(AssignmentDoc.DirectiveId), directiveId)));

    public SaveResult Save(TrackedDirective directive, Reconciliation changes, AuditEntry audit)
    {
        ArgumentNullException.ThrowIfNull(directive);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(audit);
        return store.Write(() =>
        {
            store.DirectiveDocs.Upsert(StoreMapping.ToDoc(directive));
            var docs = store.AssignmentDocs;
            if (changes.Insert.Count > 0) docs.InsertBulk(changes.Insert.Select(StoreMapping.ToDoc));
            foreach (var a in changes.Update) docs.Update(StoreMapping.ToDoc(a));
            foreach (var id in changes.Delete) docs.Delete(id);
            store.AuditDocs.Insert(StoreMapping.ToDoc(audit));
            return new SaveResult(changes.Insert.Count, changes.Update.Count, changes.Delete.Count);
        });
    }

    public Assignment? Get(string assignmentId) =>
        _byId.Get(assignmentId, id => store.AssignmentDocs.FindById(id) is { } doc ? StoreMapping.ToDomain(doc) : null);

    public IReadOnlyDictionary<string, Assignment> Get(IEnumerable<string> assignmentIds)
    {
        ArgumentNullException.ThrowIfNull(assignmentIds);
        return _byId.GetFound(assignmentIds, missing =>
            store.AssignmentDocs.Find(Filter.In("_id", new BsonArray(missing.Select(id => new BsonValue(id)))))
                .Select(doc => (doc.Id, StoreMapping.ToDomain(doc))));
    }

    public ChangeResult Confirm(string assignmentId, Official by, string? note = null) =>
        Change(assignmentId, (a, now) => Lifecycle.Confirm(a, by, now, note));

    public ChangeResult Reopen(string assignmentId, Official by, string reason) =>
        Change(assignmentId, (a, now) => Lifecycle.Reopen(a, by, now, reason));

    public ChangeResult Extend(string assignmentId, Official approvedBy, DateTimeOffset newDueBefore, string reason) =>
        Change(assignmentId, (a, now) => Lifecycle.Extend(a, approvedBy, newDueBefore, reason, now));

    /// <summary>
    /// How many writes of assignments closed an open one (a confirmation): they cannot make a reminder due, so the
    /// reminder pass's count of writes (<see cref="LiteWorkChanges"/>) leaves them out. Counted after the write is in.
    /// </summary>
    internal long Closings => Interlocked.Read(ref _closings);

    private long _closings;

    private ChangeResult Change(string assignmentId, Func<Assignment, DateTimeOffset, ChangeResult> rule)
    {
        var closed = false;
        var result = store.Write(() =>
        {
            var doc = store.AssignmentDocs.FindById(assignmentId);
            if (doc is null) return new ChangeResult(ChangeOutcome.NotFound, null, "Không tìm thấy nhiệm vụ này.");
            var before = StoreMapping.ToDomain(doc);
            var result = rule(before, store.Clock.GetUtcNow());
            if (result is { Changed: true, Assignment: { } after, Audit: { } audit })
            {
                store.AssignmentDocs.Update(StoreMapping.ToDoc(after));
                store.AuditDocs.Insert(StoreMapping.ToDoc(audit));
                closed = !before.IsDone && after.IsDone;
            }
            return result;
        });
        if (closed) Interlocked.Increment(ref _closings);
        return result;
    }

    // The where and the order use the same index, so LiteDB walks it in order from the seek and stops at
    // the bound or the limit.
    public IReadOnlyList<Assignment> OpenOfUnit(string unitCode, int limit = int.MaxValue, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        var low = from is { } f ? StoreMapping.OpenKeyPrefix(unitCode, f) : unitCode + "|";
        var high = StoreMapping.OpenKeyEnd(unitCode, to);
        return Map(store.AssignmentDocs.Query()
            .Where(Filter.Gte(nameof(AssignmentDoc.OpenKey), low))
            .OrderBy(nameof(AssignmentDoc.OpenKey))
            .ToEnumerable()
            .TakeWhile(d => string.CompareOrdinal(d.OpenKey, high) < 0)
            .Take(limit));
    }

    // Only the key is selected and the key is the index's: LiteDB then reads the index alone (its
    // "index key only" plan), not one document per task.
    public IReadOnlyList<OpenTask> OpenTasksOfUnit(string unitCode, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        var low = from is { } f ? StoreMapping.OpenKeyPrefix(unitCode, f) : unitCode + "|";
        var high = StoreMapping.OpenKeyEnd(unitCode, to);
        return [.. store.AssignmentDocs.Query()
            .Where(Filter.Gte(nameof(AssignmentDoc.OpenKey), low))
            .OrderBy(nameof(AssignmentDoc.OpenKey))
            .Select(x => x.OpenKey)
            .ToEnumerable()
            .TakeWhile(key => string.CompareOrdinal(key, high) < 0)
            .Take(limit)
            .Select(key => StoreMapping.FromOpenKey(key!))];
    }

    public IReadOnlyList<Assignment> DueWithin(int days, string? unitCode = null)
    {
        var now = store.Clock.GetUtcNow();
        return OpenDueBetween(now, now.AddDays(days), unitCode).Where(a => a.DueBefore > now).ToList();
    }

    public IReadOnlyList<Assignment> Overdue(string? unitCode = null, int limit = int.MaxValue) =>
        OpenDueBetween(DateTimeOffset.UnixEpoch, store.Clock.GetUtcNow(), unitCode, limit);

    public IReadOnlyList<OpenTask> OpenTasksDueBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var high = StoreMapping.OpenDueKeyEnd(to);
        return [.. store.AssignmentDocs.Query()
            .Where(Filter.Gte(nameof(AssignmentDoc.OpenDueKey), StoreMapping.OpenDueKeyPrefix(from)))
            .OrderBy(nameof(AssignmentDoc.OpenDueKey))
            .Select(x => x.OpenDueKey)
            .ToEnumerable()
            .TakeWhile(key => string.CompareOrdinal(key, high) < 0)
            .Select(key => StoreMapping.FromOpenDueKey(key!))];
    }

    // Open work with a deadline in [from, to], in deadline order. A ">=" seek read in index order and
    // stopped at the upper bound: LiteDB's BETWEEN scans several times slower on the same index.
    private List<Assignment> OpenDueBetween(DateTimeOffset from, DateTimeOffset to, string? unitCode, int limit = int.MaxValue)
    {
        IEnumerable<AssignmentDoc> docs;
        if (unitCode is null)
        {
            docs = store.AssignmentDocs.Query().Where(Filter.Gte(nameof(AssignmentDoc.OpenDue), new BsonValue(from.UtcDateTime)))
                .OrderBy(nameof(AssignmentDoc.OpenDue)).ToEnumerable().TakeWhile(d => d.OpenDue <= to);
        }
        else
        {
            var high = StoreMapping.OpenKeyEnd(unitCode, to);
            docs = store.AssignmentDocs.Query().Where(Filter.Gte(nameof(AssignmentDoc.OpenKey), StoreMapping.OpenKeyPrefix(unitCode, from)))
                .OrderBy(nameof(AssignmentDoc.OpenKey)).ToEnumerable().TakeWhile(d => string.CompareOrdinal(d.OpenKey, high) < 0);
        }
        return Map(docs.Take(limit));
    }

    public IReadOnlyList<Assignment> DoneOfUnit(string unitCode) =>
        Map(store.AssignmentDocs.Find(Filter.Eq(nameof(AssignmentDoc.UnitCode), unitCode))
            .Where(d => d.Status == AssignmentStatus.Done)
            .OrderByDescending(d => d.Completion?.At));

    // Several issuers may use the same number: the work of each directive with it.
    /// <summary>By the full number ("1259/UBND-VP") or, as people type it, the number alone ("1259").</summary>
    public IReadOnlyList<Assignment> ByDirectiveNumber(string number, string? unitCode = null)
    {
        var key = StoreMapping.NumberKey(number);
        // Each filter on its own walks the NumberKey index (an OR of the two would scan every directive),
        // and only the ids are read: a directive's document carries every unit of every task.
        IEnumerable<string> ids = DirectiveIds(Filter.Eq(nameof(DirectiveDoc.NumberKey), key));
        if (!key.Contains('/', StringComparison.Ordinal)) ids = ids.Union(DirectiveIds(Filter.StartsWith(nameof(DirectiveDoc.NumberKey), key + "/")));
        var docs = ids.SelectMany(id => unitCode is null
            ? store.AssignmentDocs.Find(Filter.Eq(nameof(AssignmentDoc.DirectiveId), id))
            : store.AssignmentDocs.Find(Filter.Eq(nameof(AssignmentDoc.DirectiveUnitKey), id + "|" + unitCode)));
        return Map(docs.OrderBy(d => d.UnitCode, StringComparer.Ordinal).ThenBy(d => d.DueBefore));
    }

    public IReadOnlyList<TrackedDirective> DirectivesByNumber(string number)
    {
        var key = StoreMapping.NumberKey(number);
        IEnumerable<string> ids = DirectiveIds(Filter.Eq(nameof(DirectiveDoc.NumberKey), key));
        if (!key.Contains('/', StringComparison.Ordinal)) ids = ids.Union(DirectiveIds(Filter.StartsWith(nameof(DirectiveDoc.NumberKey), key + "/")));
        return ids.Select(FindDirective).OfType<TrackedDirective>().OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    // Directives are few (hundreds a year): their documents are read whole, as for the daily job below.
    public IReadOnlyList<DirectiveTitle> PublishedTitles() =>
        store.DirectiveDocs.Find(Filter.Eq(nameof(DirectiveDoc.Published), true))
            .Select(d => new DirectiveTitle(d.Id, new DirectiveName(string.IsNullOrWhiteSpace(d.Number) ? null : d.Number, d.Subject, d.IssuedOn)))
            .OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    // Directives are few (hundreds a year): a walk of their documents once a day is cheap.
    public IReadOnlyList<string> RepeatingDirectiveIds() =>
        store.DirectiveDocs.Find(Filter.Eq(nameof(DirectiveDoc.Published), true))
            .Where(d => d.Tasks.Any(t => t.Recurrence is not null)).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();

    private List<string> DirectiveIds(BsonExpression where) =>
        store.DirectiveDocs.Query().Where(where).Select(d => d.Id).ToList();

    public IReadOnlyList<UnitProgress> Progress(DateTimeOffset from, DateTimeOffset to)
    {
        // The range is half-open: an assignment due exactly at `to` belongs to the next period.
        var docs = store.AssignmentDocs.Find(Filter.Between(nameof(AssignmentDoc.DueBefore), new BsonValue(from.UtcDateTime), new BsonValue(to.UtcDateTime)))
            .Where(d => d.DueBefore < to);
        return UnitProgress.Of(docs.Select(StoreMapping.ToDomain), store.Clock.GetUtcNow());
    }

    public IReadOnlyList<AuditEntry> AuditOf(string assignmentId) =>
        store.AuditDocs.Find(Filter.Eq(nameof(AuditDoc.AssignmentId), assignmentId)).Select(StoreMapping.ToDomain).OrderBy(e => e.At).ToList();

    private static List<Assignment> Map(IEnumerable<AssignmentDoc> docs) => docs.Select(StoreMapping.ToDomain).ToList();
}

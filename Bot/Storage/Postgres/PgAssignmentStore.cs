using System.Text.Json;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Dapper;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>
/// Directives, assignments and the audit log in PostgreSQL. An assignment is its document (jsonb, the
/// LiteDB store's shape) beside the columns its queries filter and order by; every query walks an index.
/// </summary>
internal sealed class PgAssignmentStore(PgStore store) : IAssignmentStore
{
    internal const string Table = "assignments";
    private const string Columns = "doc::text";

    // Stamped by every node's writes as heard (PgChangeFeed): the work of a unit by the notifications naming it.
    public long? ChangeStamp => store.Feed.Stamp(Table);

    public long? ChangeStampOf(string unitCode) => store.Feed.Stamp(PgChangeFeed.Unit + unitCode);

    // The pages of lists and the tasks asked about are read again and again between writes (see ReadCache).
    private readonly ReadCache<string, Assignment?> _byId = new(() => store.Feed.Stamp(Table), capacity: 50_000);

    public TrackedDirective? FindDirective(string id) =>
        store.Query<string>("select doc::text from directives where id = @id", new { id }).FirstOrDefault() is { } json ? ToDirective(json) : null;

    public TrackedDirective? FindDirectiveByHash(string contentHash) =>
        store.Query<string>("select doc::text from directives where content_hash = @contentHash limit 1", new { contentHash }).FirstOrDefault() is { } json
            ? ToDirective(json) : null;

    public IReadOnlyList<Assignment> OfDirective(string directiveId) =>
        Map(store.Query<string>($"select {Columns} from assignments where directive_id = @directiveId order by id", new { directiveId }));

    public SaveResult Save(TrackedDirective directive, Reconciliation changes, AuditEntry audit)
    {
        ArgumentNullException.ThrowIfNull(directive);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(audit);
        return store.Write((c, t) =>
        {
            UpsertDirectives(c, t, [directive]);
            if (changes.Insert.Count > 0) WriteAssignments(c, t, changes.Insert, upsert: false);
            if (changes.Update.Count > 0) WriteAssignments(c, t, changes.Update, upsert: true);
            if (changes.Delete.Count > 0) c.Execute("delete from assignments where id = any(@ids)", new { ids = changes.Delete.ToArray() }, t);
            InsertAudit(c, t, [audit]);
            return new SaveResult(changes.Insert.Count, changes.Update.Count, changes.Delete.Count);
        });
    }

    public Assignment? Get(string assignmentId) => _byId.Get(assignmentId, id =>
        store.Query<string>($"select {Columns} from assignments where id = @id", new { id }).FirstOrDefault() is { } json ? ToAssignment(json) : null);

    public IReadOnlyDictionary<string, Assignment> Get(IEnumerable<string> assignmentIds)
    {
        ArgumentNullException.ThrowIfNull(assignmentIds);
        return _byId.GetFound(assignmentIds, missing =>
            Map(store.Query<string>($"select {Columns} from assignments where id = any(@ids)", new { ids = missing.ToArray() })).Select(a => (a.Id, a)));
    }

    public ChangeResult Confirm(string assignmentId, Official by, string? note = null) =>
        Change(assignmentId, (a, now) => Lifecycle.Confirm(a, by, now, note));

    public ChangeResult Reopen(string assignmentId, Official by, string reason) =>
        Change(assignmentId, (a, now) => Lifecycle.Reopen(a, by, now, reason));

    public ChangeResult Extend(string assignmentId, Official approvedBy, DateTimeOffset newDueBefore, string reason) =>
        Change(assignmentId, (a, now) => Lifecycle.Extend(a, approvedBy, newDueBefore, reason, now));

    // The row is locked while the rule decides: a second confirmation, on any node, waits and then sees the first.
    private ChangeResult Change(string assignmentId, Func<Assignment, DateTimeOffset, ChangeResult> rule)
    {
        // The assignments, and the units before and after once read: this node's cached work of them is dropped at commit.
        var touched = new List<string>(3) { Table };
        return store.Write((c, t) =>
        {
            var json = c.QueryFirstOrDefault<string>($"select {Columns} from assignments where id = @assignmentId for update", new { assignmentId }, t);
            if (json is null) return new ChangeResult(ChangeOutcome.NotFound, null, "Không tìm thấy nhiệm vụ này.");
            var before = ToAssignment(json);
            var result = rule(before, store.Clock.GetUtcNow());
            if (result is { Changed: true, Assignment: { } after, Audit: { } audit })
            {
                touched.Add(PgChangeFeed.Unit + before.UnitCode);
                touched.Add(PgChangeFeed.Unit + after.UnitCode);
                WriteAssignments(c, t, [after], upsert: true);
                InsertAudit(c, t, [audit]);
            }
            return result;
        }, new Touched(touched));
    }

    public IReadOnlyList<Assignment> OpenOfUnit(string unitCode, int limit = int.MaxValue, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        return Map(store.Query<string>($"select {Columns} from assignments where open and unit_code = @unitCode{Window(from, to)} order by due_before, id limit @limit",
            new { unitCode, from = from?.ToUniversalTime(), to = to?.ToUniversalTime(), limit }));
    }

    public IReadOnlyList<OpenTask> OpenTasksOfUnit(string unitCode, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        var sql = $"select id, unit_code, due_before from assignments where open and unit_code = @unitCode{Window(from, to)} order by due_before, id limit @limit";
        return Tasks(sql, new { unitCode, from = from?.ToUniversalTime(), to = to?.ToUniversalTime(), limit });
    }

    // A deadline in [from, to]; work without a deadline only when there is no upper bound (it sorts last).
    private static string Window(DateTimeOffset? from, DateTimeOffset? to) =>
        (from is null ? "" : " and (due_before >= @from or due_before is null)") + (to is null ? "" : " and due_before <= @to");

    public IReadOnlyList<Assignment> DueWithin(int days, string? unitCode = null)
    {
        var now = store.Clock.GetUtcNow();
        return OpenDueBetween(now, now.AddDays(days), unitCode).Where(a => a.DueBefore > now).ToList();
    }

    public IReadOnlyList<Assignment> Overdue(string? unitCode = null, int limit = int.MaxValue) =>
        OpenDueBetween(DateTimeOffset.UnixEpoch, store.Clock.GetUtcNow(), unitCode, limit);

    public IReadOnlyList<OpenTask> OpenTasksDueBetween(DateTimeOffset from, DateTimeOffset to) =>
        Tasks("select id, unit_code, due_before from assignments where open and due_before between @from and @to order by due_before, unit_code, id",
            new { from = from.ToUniversalTime(), to = to.ToUniversalTime() });

    private List<Assignment> OpenDueBetween(DateTimeOffset from, DateTimeOffset to, string? unitCode, int limit = int.MaxValue) =>
        Map(store.Query<string>($"select {Columns} from assignments where open and due_before between @from and @to"
            + (unitCode is null ? " order by due_before, unit_code, id" : " and unit_code = @unitCode order by due_before, id") + " limit @limit",
            new { from = from.ToUniversalTime(), to = to.ToUniversalTime(), unitCode, limit }));

    public IReadOnlyList<Assignment> DoneOfUnit(string unitCode) =>
        Map(store.Query<string>($"select {Columns} from assignments where not open and unit_code = @unitCode order by done_at desc", new { unitCode }));

    /// <summary>By the full number ("1259/UBND-VP") or, as people type it, the number alone ("1259").</summary>
    public IReadOnlyList<Assignment> ByDirectiveNumber(string number, string? unitCode = null)
    {
        var key = StoreMapping.NumberKey(number);
        var prefix = key.Contains('/', StringComparison.Ordinal) ? null : key + "/";
        var docs = store.Query<string>($"""
            select {Columns} from assignments
            where directive_id in (select id from directives where number_key = @key or (@prefix::text is not null and number_key like @prefix || '%'))
              and (@unitCode::text is null or unit_code = @unitCode)
            """, new { key, prefix = prefix?.Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal), unitCode });
        return Map(docs).OrderBy(a => a.UnitCode, StringComparer.Ordinal).ThenBy(a => a.DueBefore).ToList();
    }

    public IReadOnlyList<TrackedDirective> DirectivesByNumber(string number)
    {
        var key = StoreMapping.NumberKey(number);
        var prefix = key.Contains('/', StringComparison.Ordinal) ? null : key.Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "/";
        return store.Query<string>("""
            select doc::text from directives where number_key = @key or (@prefix::text is not null and number_key like @prefix || '%') order by id
            """, new { key, prefix }).Select(ToDirective).ToList();
    }

    public IReadOnlyList<DirectiveTitle> PublishedTitles() =>
        [.. store.Query<TitleRow>("""
            select id, doc->>'Number' as number, doc->>'Subject' as subject, doc->>'IssuedOn' as issued_on from directives
            where (doc->>'Published')::boolean order by id collate "C"
            """, new { }).Select(r => r.ToTitle())];

    // Directives are few (hundreds a year): the daily job reads their documents' flags, no index needed.
    public IReadOnlyList<string> RepeatingDirectiveIds() =>
        [.. store.Query<string>("""
            select id from directives
            where (doc->>'Published')::boolean and jsonb_path_exists(doc, '$.Tasks[*] ? (@.Recurrence != null)')
            order by id collate "C"
            """, new { })];

    public IReadOnlyList<UnitProgress> Progress(DateTimeOffset from, DateTimeOffset to) =>
        UnitProgress.Of(Map(store.Query<string>($"select {Columns} from assignments where due_before >= @from and due_before < @to",
            new { from = from.ToUniversalTime(), to = to.ToUniversalTime() })), store.Clock.GetUtcNow());

    public IReadOnlyList<AuditEntry> AuditOf(string assignmentId) =>
        store.Query<AuditRow>("select at, by_phone, action, assignment_id, directive_id, detail from audit where assignment_id = @assignmentId order by at, seq",
            new { assignmentId }).Select(r => r.ToEntry()).ToList();

    private List<OpenTask> Tasks(string sql, object args) =>
        store.Query<(string Id, string UnitCode, DateTime? DueBefore)>(sql, args)
            .Select(r => new OpenTask(r.Id, r.UnitCode, r.DueBefore is { } d ? new DateTimeOffset(d, TimeSpan.Zero) : null)).ToList();

    // Many rows in one statement (arrays unnested), so a directive to 1,000 units is one round trip.
    internal static void WriteAssignments(NpgsqlConnection c, NpgsqlTransaction t, IReadOnlyCollection<Assignment> assignments, bool upsert)
    {
        var docs = assignments.Select(a => (a, JsonSerializer.Serialize(StoreMapping.ToDoc(a), PgJson.Options))).ToList();
        c.Execute("""
            insert into assignments (id, directive_id, unit_code, due_before, open, done_at, doc)
            select * from unnest(@ids, @directives, @units, @dues, @opens, @dones, @docs::jsonb[])
            """ + (upsert ? """
             on conflict (id) do update set directive_id = excluded.directive_id, unit_code = excluded.unit_code, due_before = excluded.due_before,
              open = excluded.open, done_at = excluded.done_at, doc = excluded.doc
            """ : ""), new
        {
            ids = docs.Select(d => d.a.Id).ToArray(),
            directives = docs.Select(d => d.a.DirectiveId).ToArray(),
            units = docs.Select(d => d.a.UnitCode).ToArray(),
            dues = docs.Select(d => d.a.DueBefore?.UtcDateTime).ToArray(),
            opens = docs.Select(d => !d.a.IsDone).ToArray(),
            dones = docs.Select(d => d.a.Completion?.At.UtcDateTime).ToArray(),
            docs = docs.Select(d => d.Item2).ToArray(),
        }, t);
    }

    internal static void UpsertDirectives(NpgsqlConnection c, NpgsqlTransaction t, IReadOnlyCollection<TrackedDirective> directives)
    {
        var docs = directives.Select(StoreMapping.ToDoc).ToList();
        c.Execute("""
            insert into directives (id, content_hash, number_key, doc)
            select * from unnest(@ids, @hashes, @keys, @docs::jsonb[])
            on conflict (id) do update set content_hash = excluded.content_hash, number_key = excluded.number_key, doc = excluded.doc
            """, new
        {
            ids = docs.Select(d => d.Id).ToArray(),
            hashes = docs.Select(d => d.ContentHash).ToArray(),
            keys = docs.Select(d => d.NumberKey).ToArray(),
            docs = docs.Select(d => JsonSerializer.Serialize(d, PgJson.Options)).ToArray(),
        }, t);
    }

    internal static void InsertAudit(NpgsqlConnection c, NpgsqlTransaction t, IReadOnlyCollection<AuditEntry> entries) =>
        c.Execute("""
            insert into audit (at, by_phone, action, assignment_id, directive_id, detail)
            select * from unnest(@ats, @bys, @actions, @assignments, @directives, @details)
            """, new
        {
            ats = entries.Select(e => e.At.UtcDateTime).ToArray(),
            bys = entries.Select(e => e.ByPhone).ToArray(),
            actions = entries.Select(e => e.Action).ToArray(),
            assignments = entries.Select(e => e.AssignmentId).ToArray(),
            directives = entries.Select(e => e.DirectiveId).ToArray(),
            details = entries.Select(e => e.Detail).ToArray(),
        }, t);

    internal static Assignment ToAssignment(string json) => StoreMapping.ToDomain(JsonSerializer.Deserialize<AssignmentDoc>(json, PgJson.Options)!);

    internal static TrackedDirective ToDirective(string json) => StoreMapping.ToDomain(JsonSerializer.Deserialize<DirectiveDoc>(json, PgJson.Options)!);

    private static List<Assignment> Map(IEnumerable<string> docs) => docs.Select(ToAssignment).ToList();

    private sealed record TitleRow(string Id, string? Number, string? Subject, string? Issued_on)
    {
        public DirectiveTitle ToTitle() => new(Id, new DirectiveName(string.IsNullOrWhiteSpace(Number) ? null : Number, Subject,
            Issued_on is null ? null : DateOnly.Parse(Issued_on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed record AuditRow(DateTime At, string By_phone, string Action, string? Assignment_id, string? Directive_id, string Detail)
    {
        public AuditEntry ToEntry() => new(new DateTimeOffset(At, TimeSpan.Zero), By_phone, Action, Assignment_id, Directive_id, Detail);
    }
}

/// <summary>How documents are written as jsonb: the shapes of the LiteDB store, as System.Text.Json writes them.</summary>
internal static class PgJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
}

using System.Text.Json;
using Bot.Domain.Assignments;
using Bot.Domain.Extensions;
using Bot.Domain.Reports;
using Dapper;

namespace Bot.Storage.Postgres;

/// <summary>
/// Extension requests in PostgreSQL: the domain record as jsonb beside the columns it is found by. One open
/// request per task is a partial unique index, and a change is compare-and-set on the state in its UPDATE's
/// WHERE, so two nodes (or two approvers) give one decision.
/// </summary>
internal sealed class PgExtensionRequests(PgStore store) : IExtensionRequests
{
    internal const string Table = "extension_requests";
    private const string Doc = "doc::text";

    // Every turn asks whether its chat is drafting or answering a request; almost none is. The chats that are,
    // read once per change of the table on any node (the LiteDB store's owner keeps the same set).
    private sealed record InPlay(long Stamp, HashSet<string> Chats);

    private InPlay? _inPlay;

    private bool MayBeInPlay(string chat)
    {
        if (store.Feed.Stamp(Table) is not { } stamp) return true;
        var kept = Volatile.Read(ref _inPlay);
        if (kept is null || kept.Stamp != stamp)
        {
            // Read after the stamp was taken: a write in between leaves a newer set under an older stamp, which the next turn reads again.
            var chats = store.Query<string>("""
                select drafting_chat from extension_requests where drafting_chat is not null
                union select answering_chat from extension_requests where answering_chat is not null
                """).ToHashSet(StringComparer.Ordinal);
            kept = new InPlay(stamp, chats);
            Volatile.Write(ref _inPlay, kept);
        }
        return kept.Chats.Contains(chat);
    }

    public ExtensionRequest? Get(string id) => One($"select {Doc} from extension_requests where id = @id", new { id });

    public ExtensionRequest? OpenOf(string assignmentId) =>
        One($"select {Doc} from extension_requests where assignment_id = @assignmentId and open", new { assignmentId });

    public int CountOf(string assignmentId) =>
        store.Read(c => c.ExecuteScalar<int>("select count(*) from extension_requests where assignment_id = @assignmentId", new { assignmentId }));

    public ExtensionRequest? DraftingIn(string chat) => !MayBeInPlay(chat) ? null :
        One($"select {Doc} from extension_requests where drafting_chat = @chat order by touched_at desc limit 1", new { chat });

    public ExtensionRequest? AnsweringIn(string chat) => !MayBeInPlay(chat) ? null :
        Many($"select {Doc} from extension_requests where answering_chat = @chat", new { chat }).OrderByDescending(r => r.AnsweringSince).FirstOrDefault();

    public bool TryOpen(ExtensionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.Write((c, t) => c.Execute("""
            insert into extension_requests (id, assignment_id, drafting_chat, answering_chat, open, unanswered, touched_at, doc)
            values (@Id, @AssignmentId, @DraftingChat, @AnsweringChat, @Open, @Unanswered, @TouchedAt, @Json::jsonb)
            on conflict do nothing
            """, Row.Of(request), t) == 1, Touched.Of(Table));
    }

    public bool TryUpdate(ExtensionRequest request, ExtensionState expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = Row.Of(request);
        return store.Write((c, t) =>
        {
            // The row locked while its state is compared: another node's update waits, then sees the new state.
            var json = c.QueryFirstOrDefault<string>($"select {Doc} from extension_requests where id = @Id for update", new { row.Id }, t);
            if (json is null || JsonSerializer.Deserialize<ExtensionRequest>(json, PgJson.Options)!.State != expected) return false;
            return c.Execute("""
                update extension_requests set drafting_chat = @DraftingChat, answering_chat = @AnsweringChat, open = @Open,
                  unanswered = @Unanswered, touched_at = @TouchedAt, doc = @Json::jsonb
                where id = @Id
                """, row, t) == 1;
        }, Touched.Of(Table));
    }

    public IReadOnlyList<ExtensionRequest> Unanswered() => Many($"select {Doc} from extension_requests where unanswered", null);

    public IReadOnlyList<ExtensionRequest> OfAssignment(string assignmentId) =>
        [.. Many($"select {Doc} from extension_requests where assignment_id = @assignmentId", new { assignmentId }).OrderBy(r => r.Number)];

    private ExtensionRequest? One(string sql, object args) => Many(sql, args).FirstOrDefault();

    private List<ExtensionRequest> Many(string sql, object? args) =>
        [.. store.Query<string>(sql, args).Select(json => JsonSerializer.Deserialize<ExtensionRequest>(json, PgJson.Options)!)];

    private sealed record Row(string Id, string AssignmentId, string? DraftingChat, string? AnsweringChat, bool Open, bool Unanswered, DateTimeOffset TouchedAt, string Json)
    {
        // The same fields the LiteDB store finds requests by.
        public static Row Of(ExtensionRequest r) => new(r.Id, r.AssignmentId,
            r.State == ExtensionState.Drafting ? r.Chat : null,
            r.State == ExtensionState.Asked ? r.AnsweringChat : null,
            r.IsOpen, r.State == ExtensionState.Asked && r.RemindedAt is null, r.TouchedAt.ToUniversalTime(),
            JsonSerializer.Serialize(r, PgJson.Options));
    }
}

/// <summary>Progress reports in PostgreSQL, one row each; the latest of a task by DISTINCT ON.</summary>
internal sealed class PgProgressReports(PgStore store) : IProgressReports
{
    internal const string Table = "progress_reports";

    // Lists and details ask for the progress of every task they show, again and again between reports.
    private readonly ReadCache<string, ProgressReport?> _latest = new(() => store.Feed.Stamp(Table), capacity: 50_000);

    private const string Columns = "id, assignment_id, percent, note, by_phone, by_name, at, files::text as files";

    public void Add(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        store.Write((c, t) => c.Execute("insert into progress_reports (id, assignment_id, percent, note, by_phone, by_name, at, files) values (@Id, @AssignmentId, @Percent, @Note, @ByPhone, @ByName, @At, @Files::jsonb)",
            new { report.Id, report.AssignmentId, report.Percent, report.Note, report.ByPhone, report.ByName, At = report.At.ToUniversalTime(), Files = FilesJson(report) }, t),
            Touched.Of(Table));
    }

    public void Update(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        store.Write((c, t) => c.Execute("""
            update progress_reports set assignment_id = @AssignmentId, percent = @Percent, note = @Note, by_phone = @ByPhone, by_name = @ByName, at = @At,
              files = @Files::jsonb
            where id = @Id
            """, new { report.Id, report.AssignmentId, report.Percent, report.Note, report.ByPhone, report.ByName, At = report.At.ToUniversalTime(), Files = FilesJson(report) }, t),
            Touched.Of(Table));
    }

    public ProgressReport? Latest(string assignmentId) => _latest.Get(assignmentId, id =>
        store.Query<ReportRow>($"select {Columns} from progress_reports where assignment_id = @id order by at desc limit 1", new { id })
            .Select(r => r.ToReport()).FirstOrDefault());

    public IReadOnlyDictionary<string, ProgressReport> Latest(IReadOnlyCollection<string> assignmentIds)
    {
        ArgumentNullException.ThrowIfNull(assignmentIds);
        if (assignmentIds.Count == 0) return new Dictionary<string, ProgressReport>();
        // Tasks without a report are kept too (as none: GetFound), so a list shown again asks nothing.
        return _latest.GetFound(assignmentIds, missing => store.Query<ReportRow>($"""
            select distinct on (assignment_id) {Columns} from progress_reports where assignment_id = any(@ids) order by assignment_id, at desc
            """, new { ids = missing.ToArray() }).Select(r => (r.Assignment_id, r.ToReport())));
    }

    public IReadOnlyList<ProgressReport> OfAssignment(string assignmentId) =>
        [.. store.Query<ReportRow>($"select {Columns} from progress_reports where assignment_id = @assignmentId order by at", new { assignmentId }).Select(r => r.ToReport())];

    private static string FilesJson(ProgressReport report) => JsonSerializer.Serialize(report.Files, PgJson.Options);

    public ProgressReport? LatestBy(string phone, DateTimeOffset since) =>
        store.Query<ReportRow>($"select {Columns} from progress_reports where by_phone = @phone and at >= @since order by at desc limit 1",
            new { phone, since = since.ToUniversalTime() }).Select(r => r.ToReport()).FirstOrDefault();

    private sealed class ReportRow
    {
        public string Id { get; set; } = "";
        public string Assignment_id { get; set; } = "";
        public int Percent { get; set; }
        public string? Note { get; set; }
        public string By_phone { get; set; } = "";
        public string By_name { get; set; } = "";
        public DateTime At { get; set; }
        public string Files { get; set; } = "[]";

        public ProgressReport ToReport() => new()
        {
            Id = Id, AssignmentId = Assignment_id, Percent = Percent, Note = Note, ByPhone = By_phone, ByName = By_name,
            At = new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)),
            Files = JsonSerializer.Deserialize<List<EvidenceFile>>(Files, PgJson.Options) ?? [],
        };
    }
}

/// <summary>
/// What a period's report reads in PostgreSQL: its tally counted by the server (GROUP BY over the deadline index,
/// which carries the unit and when it was done), and the assignments due in [from, to), of one unit when given.
/// </summary>
internal sealed class PgReportSource(PgStore store) : Bot.Domain.Reports.IReportSource
{
    // Report.StatusOf in SQL: done before the deadline is on time, not done and due by now is overdue.
    public IReadOnlyList<UnitTally> Tally(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? unitCode = null) =>
        [.. store.Query<(string UnitCode, int DoneOnTime, int DoneLate, int Open, int Overdue)>("""
            select unit_code,
              (count(*) filter (where not open and done_at < due_before))::int,
              (count(*) filter (where not open and done_at >= due_before))::int,
              (count(*) filter (where open and due_before > @now))::int,
              (count(*) filter (where open and due_before <= @now))::int
            from assignments where due_before >= @from and due_before < @to
            """ + (unitCode is null ? "" : " and unit_code = @unitCode") + " group by unit_code",
            new { from = from.ToUniversalTime(), to = to.ToUniversalTime(), now = now.ToUniversalTime(), unitCode })
            .Select(r => new UnitTally(r.UnitCode, r.DoneOnTime, r.DoneLate, r.Open, r.Overdue))];

    public IEnumerable<Assignment> DueBetween(DateTimeOffset from, DateTimeOffset to, string? unitCode = null) =>
        store.Query<string>("select doc::text from assignments where due_before >= @from and due_before < @to"
                + (unitCode is null ? "" : " and unit_code = @unitCode") + " order by due_before, id",
            new { from = from.ToUniversalTime(), to = to.ToUniversalTime(), unitCode })
            .Select(PgAssignmentStore.ToAssignment);
}

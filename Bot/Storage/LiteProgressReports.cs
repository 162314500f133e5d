using Bot.Domain.Assignments;
using Bot.Domain.Reports;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// Progress reports in the bot's file, one document each, found by task and by who reported; the latest of a
/// task is the one with the latest time. A PostgreSQL store implements <see cref="IProgressReports"/> as a table
/// (assignment_id, at) with DISTINCT ON for the latest.
/// </summary>
internal sealed class LiteProgressReports : IProgressReports
{
    internal const string Name = "progress_reports";

    private readonly BotStore _store;

    // Lists and details ask for the progress of every task they show; few tasks have any. A process that owns
    // the file knows which without a query; beside another process (shared) it asks the file.
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Lock _reportedGate = new();

    public LiteProgressReports(BotStore store)
    {
        _store = store;
        Docs.EnsureIndex(d => d.AssignmentId);
        Docs.EnsureIndex(d => d.ByPhone);
        foreach (var doc in Docs.Query().Select(d => d.AssignmentId).ToEnumerable()) _reported.Add(doc);
    }

    private bool MayHave(string assignmentId)
    {
        if (_store.Shared) return true;
        lock (_reportedGate) return _reported.Contains(assignmentId);
    }

    private void Reported(string assignmentId)
    {
        lock (_reportedGate) _reported.Add(assignmentId);
    }

    private ILiteCollection<ProgressDoc> Docs => _store.Database.GetCollection<ProgressDoc>(Name);

    public void Add(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _store.Write(() => Docs.Insert(ToDoc(report)));
        Reported(report.AssignmentId);
    }

    public void Update(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _store.Write(() => Docs.Update(ToDoc(report)));
        Reported(report.AssignmentId);
    }

    public ProgressReport? Latest(string assignmentId) => !MayHave(assignmentId) ? null :
        Docs.Find(Query.EQ(nameof(ProgressDoc.AssignmentId), assignmentId)).OrderByDescending(d => d.At).Select(ToDomain).FirstOrDefault();

    public IReadOnlyDictionary<string, ProgressReport> Latest(IReadOnlyCollection<string> assignmentIds)
    {
        ArgumentNullException.ThrowIfNull(assignmentIds);
        var wanted = assignmentIds.Where(MayHave).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return new Dictionary<string, ProgressReport>();
        // Few ids: one index seek each. Many (a workbook): one pass over the reports, which are far fewer than the work.
        var docs = wanted.Count <= 64
            ? wanted.SelectMany(id => Docs.Find(Query.EQ(nameof(ProgressDoc.AssignmentId), id)))
            : Docs.FindAll().Where(d => wanted.Contains(d.AssignmentId));
        return docs.GroupBy(d => d.AssignmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => ToDomain(g.MaxBy(d => d.At)!), StringComparer.Ordinal);
    }

    public IReadOnlyList<ProgressReport> OfAssignment(string assignmentId) => !MayHave(assignmentId) ? [] :
        [.. Docs.Find(Query.EQ(nameof(ProgressDoc.AssignmentId), assignmentId)).OrderBy(d => d.At).Select(ToDomain)];

    public ProgressReport? LatestBy(string phone, DateTimeOffset since) =>
        Docs.Find(Query.EQ(nameof(ProgressDoc.ByPhone), phone)).Where(d => d.At >= since.UtcDateTime).OrderByDescending(d => d.At).Select(ToDomain).FirstOrDefault();

    private static ProgressDoc ToDoc(ProgressReport r) => new()
    {
        Id = r.Id, AssignmentId = r.AssignmentId, Percent = r.Percent, Note = r.Note, ByPhone = r.ByPhone, ByName = r.ByName, At = r.At.UtcDateTime,
        Files = [.. r.Files.Select(f => new EvidenceDoc { Id = f.Id, FileName = f.FileName, Size = f.Size })],
    };

    private static ProgressReport ToDomain(ProgressDoc d) => new()
    {
        Id = d.Id, AssignmentId = d.AssignmentId, Percent = d.Percent, Note = d.Note, ByPhone = d.ByPhone, ByName = d.ByName,
        At = new DateTimeOffset(DateTime.SpecifyKind(d.At, DateTimeKind.Utc)),
        Files = [.. d.Files.Select(f => new EvidenceFile(f.Id, f.FileName, f.Size))],
    };

    internal sealed class ProgressDoc
    {
        public string Id { get; set; } = "";
        public string AssignmentId { get; set; } = "";
        public int Percent { get; set; }
        public string? Note { get; set; }
        public string ByPhone { get; set; } = "";
        public string ByName { get; set; } = "";
        public DateTime At { get; set; }
        public List<EvidenceDoc> Files { get; set; } = [];
    }

    /// <summary>An evidence file: its id in the originals' file storage (<see cref="LiteDesk"/>), name and size.</summary>
    internal sealed class EvidenceDoc
    {
        public string Id { get; set; } = "";
        public string FileName { get; set; } = "";
        public long Size { get; set; }
    }
}

/// <summary>
/// What a period's report reads. Its tally comes from the report keys' index alone ("ticks|UNIT|doneTicks" across
/// units, "UNIT|ticks|id|doneTicks" for one unit), not from the assignments; the assignments of a unit's period (a
/// workbook's rows) are read in deadline order through its key, and of every unit through the deadline index.
/// </summary>
internal sealed class LiteReportSource(BotStore store) : Bot.Domain.Reports.IReportSource
{
    public IReadOnlyList<UnitTally> Tally(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string? unitCode = null)
    {
        var tally = new ReportTally(now);
        if (unitCode is null)
        {
            foreach (var key in Keys(nameof(AssignmentDoc.DueKey), x => x.DueKey, StoreMapping.OpenDueKeyPrefix(from), StoreMapping.OpenDueKeyPrefix(to)))
            {
                var (unit, due, done) = StoreMapping.FromDueKey(key);
                tally.Add(unit, due, done);
            }
        }
        else
        {
            foreach (var key in Keys(nameof(AssignmentDoc.UnitDueKey), x => x.UnitDueKey, StoreMapping.OpenKeyPrefix(unitCode, from), StoreMapping.OpenKeyPrefix(unitCode, to)))
            {
                var (due, done) = StoreMapping.FromUnitDueKey(key);
                tally.Add(unitCode, due, done);
            }
        }
        return tally.Tallies();
    }

    public IEnumerable<Assignment> DueBetween(DateTimeOffset from, DateTimeOffset to, string? unitCode = null)
    {
        if (unitCode is null)
        {
            return store.AssignmentDocs.Find(Filter.Between(nameof(AssignmentDoc.DueBefore), new BsonValue(from.UtcDateTime), new BsonValue(to.UtcDateTime)))
                .Where(d => d.DueBefore < to).Select(StoreMapping.ToDomain);
        }
        var high = StoreMapping.OpenKeyPrefix(unitCode, to);
        return store.AssignmentDocs.Query()
            .Where(Filter.Gte(nameof(AssignmentDoc.UnitDueKey), StoreMapping.OpenKeyPrefix(unitCode, from)))
            .OrderBy(nameof(AssignmentDoc.UnitDueKey))
            .ToEnumerable()
            .TakeWhile(d => string.CompareOrdinal(d.UnitDueKey, high) < 0)
            .Select(StoreMapping.ToDomain);
    }

    // Only the key is selected and the key is the index's: LiteDB reads the index alone, walked from the seek and
    // stopped before the first key of the period's end.
    private IEnumerable<string> Keys(string field, System.Linq.Expressions.Expression<Func<AssignmentDoc, string?>> key, string low, string high) =>
        store.AssignmentDocs.Query()
            .Where(Filter.Gte(field, low))
            .OrderBy(field)
            .Select(key)
            .ToEnumerable()
            .OfType<string>()
            .TakeWhile(key => string.CompareOrdinal(key, high) < 0);
}

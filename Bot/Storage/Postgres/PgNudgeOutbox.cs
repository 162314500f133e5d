using System.Globalization;
using Bot.Domain.Reminders;
using Dapper;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>
/// The reminders' outbox in PostgreSQL. A nudge's key is its primary key; a pass is recorded under a
/// transaction-scoped advisory lock, so two nodes recording at once see each other's keys and a key goes
/// into one message only. A node delivers a message only after claiming it (<see cref="Claim"/>:
/// <c>FOR UPDATE SKIP LOCKED</c>, for a lease), so two nodes never send the same message.
/// </summary>
internal sealed class PgNudgeOutbox(PgStore store) : INudgeOutbox
{
    /// <summary>Serialises the recording of passes across nodes (pg_advisory_xact_lock).</summary>
    private const long RecordLock = 0x426f74_0002;

    private const string MessageColumns = "id, kind, official, nudge_keys, created_at, state, attempts, last_attempt_at, channel_message_id, done_at, error";
    private const string NudgeColumns = "key, assignment_id, official, kind, step, due_before, planned_at";

    private const int RecordBatch = 50_000;

    public IReadOnlyList<string> Record(NudgePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return store.WriteUncached((c, t) =>
        {
            c.Execute("select pg_advisory_xact_lock(@RecordLock)", new { RecordLock }, t);
            var planned = plan.Bundles.SelectMany(b => b.Nudges).Concat(plan.PassedOver).Select(n => n.Key).Distinct(StringComparer.Ordinal).ToArray();
            var known = c.Query<string>("select key from outbox_nudges where key = any(@planned)", new { planned }, t).ToHashSet(StringComparer.Ordinal);
            var ids = new List<string>(plan.Bundles.Count);
            var nudges = new List<(Nudge Nudge, string? MessageId)>();
            var messages = new List<(string Id, string Official, string[] Keys)>();
            foreach (var bundle in plan.Bundles)
            {
                var fresh = bundle.Nudges.Where(n => known.Add(n.Key)).ToList();
                if (fresh.Count == 0) continue;
                var id = Guid.CreateVersion7().ToString("N");
                messages.Add((id, bundle.OfficialId, [.. fresh.Select(n => n.Key)]));
                nudges.AddRange(fresh.Select(n => (n, (string?)id)));
                ids.Add(id);
            }
            nudges.AddRange(plan.PassedOver.Where(n => known.Add(n.Key)).Select(n => (n, (string?)null)));
            foreach (var (id, official, keys) in messages)
                c.Execute("insert into outbox_messages (id, kind, official, nudge_keys, created_at, state) values (@id, @kind, @official, @keys, @now, @state)",
                    new { id, kind = (int)OutboxKind.Nudges, official, keys, now = now.ToUniversalTime(), state = (int)OutboxState.Pending }, t);
            // In batches: a first pass over a world never reminded records every step passed over (a million rows),
            // and one statement of it all would outrun the command timeout; the transaction still holds them all.
            foreach (var batch in nudges.Chunk(RecordBatch))
            {
                c.Execute($"""
                    insert into outbox_nudges (key, message_id, assignment_id, official, kind, step, due_before, planned_at, recorded_at)
                    select k, m, a, o, kd, st, d, p, @now from unnest(@keys, @messages, @assignments, @officials, @kinds, @steps, @dues, @planned) as n(k, m, a, o, kd, st, d, p)
                    """, new
                {
                    keys = batch.Select(n => n.Nudge.Key).ToArray(),
                    messages = batch.Select(n => n.MessageId).ToArray(),
                    assignments = batch.Select(n => n.Nudge.AssignmentId).ToArray(),
                    officials = batch.Select(n => n.Nudge.OfficialId).ToArray(),
                    kinds = batch.Select(n => (int)n.Nudge.Kind).ToArray(),
                    steps = batch.Select(n => n.Nudge.Step).ToArray(),
                    dues = batch.Select(n => n.Nudge.DueBefore.UtcDateTime).ToArray(),
                    planned = batch.Select(n => n.Nudge.PlannedAt.UtcDateTime).ToArray(),
                    now = now.ToUniversalTime(),
                }, t);
            }
            return ids;
        });
    }

    public string? RecordDigest(string officialPhone, DateOnly day, DateTimeOffset now) =>
        RecordOnce(OutboxKind.Digest, "digest", officialPhone, day, now);

    public string? RecordWeeklyDigest(string officialPhone, DateOnly monday, DateTimeOffset now) =>
        RecordOnce(OutboxKind.WeeklyDigest, "weekly", officialPhone, monday, now);

    // A digest's id is its kind, person and day: recording it again that day adds nothing.
    private string? RecordOnce(OutboxKind kind, string prefix, string officialPhone, DateOnly day, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(officialPhone);
        var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}|{officialPhone}|{day:yyyy-MM-dd}");
        return store.WriteUncached((c, t) => c.QueryFirstOrDefault<string>("""
            insert into outbox_messages (id, kind, official, nudge_keys, created_at, state) values (@id, @kind, @officialPhone, '{}', @now, @state)
            on conflict (id) do nothing returning id
            """, new { id, kind = (int)kind, officialPhone, now = now.ToUniversalTime(), state = (int)OutboxState.Pending }, t));
    }

    public HandledNudges Handled(DateTimeOffset dueFrom, DateTimeOffset dueTo)
    {
        var handled = new HandledNudges();
        foreach (var nudge in Nudges("due_before between @dueFrom and @dueTo", new { dueFrom = dueFrom.ToUniversalTime(), dueTo = dueTo.ToUniversalTime() }))
            handled.Add(nudge);
        return handled;
    }

    public IReadOnlyList<Nudge> RecordedSince(DateTimeOffset since) => Nudges("recorded_at >= @since", new { since = since.ToUniversalTime() });

    public IReadOnlyDictionary<string, int> MessagesSince(DateTimeOffset since) =>
        store.Query<(string Official, long Count)>("""
            select official, count(*) from outbox_messages m where created_at >= @since and kind = @kind and state in (@pending, @sent)
              and exists (select 1 from outbox_nudges n where n.key = any(m.nudge_keys) and n.kind <> all(@outside))
            group by official
            """, new
        {
            since = since.ToUniversalTime(), kind = (int)OutboxKind.Nudges, pending = (int)OutboxState.Pending, sent = (int)OutboxState.Sent,
            outside = Nudge.OutsideDailyCap.Select(k => (int)k).ToArray(),
        })
            .ToDictionary(r => r.Official, r => (int)r.Count, StringComparer.Ordinal);

    public IReadOnlyList<string> Pending(DateTimeOffset? notTriedSince = null) =>
        [.. store.Query<string>("select id from outbox_messages where state = @pending and (@cutoff::timestamptz is null or coalesce(last_attempt_at, created_at) <= @cutoff) order by created_at, id",
            new { pending = (int)OutboxState.Pending, cutoff = notTriedSince?.ToUniversalTime() })];

    public OutboxMessage? Get(string id) => store.Read(c => Get(c, id));

    private static OutboxMessage? Get(NpgsqlConnection c, string id)
    {
        var row = c.QueryFirstOrDefault<MessageRow>($"select {MessageColumns} from outbox_messages where id = @id", new { id });
        if (row is null) return null;
        var byKey = c.Query<NudgeRow>($"select {NudgeColumns} from outbox_nudges where key = any(@keys)", new { keys = row.Nudge_keys })
            .ToDictionary(n => n.Key, StringComparer.Ordinal);
        return row.ToMessage([.. row.Nudge_keys.Where(byKey.ContainsKey).Select(k => byKey[k].ToNudge())]);
    }

    public bool Claim(string id, string node, DateTimeOffset now, TimeSpan lease) => store.WriteUncached((c, t) => c.QueryFirstOrDefault<string>("""
        update outbox_messages set claimed_by = @node, claimed_until = @until
        where id = (select id from outbox_messages where id = @id and state = @pending
                      and (claimed_until is null or claimed_until <= @now or claimed_by = @node)
                    for update skip locked)
        returning id
        """, new { id, node, now = now.ToUniversalTime(), until = (now + lease).ToUniversalTime(), pending = (int)OutboxState.Pending }, t)) is not null;

    public void Attempted(string id, DateTimeOffset at) =>
        Change(id, "attempts = attempts + 1, last_attempt_at = @at", new { id, at = at.ToUniversalTime() });

    public void MarkSent(string id, string channelMessageId, DateTimeOffset at) => MarkSent([(id, channelMessageId, at)]);

    public void MarkSent(IReadOnlyList<(string Id, string ChannelMessageId, DateTimeOffset At)> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.Count == 0) return;
        store.WriteUncached((c, t) => c.Execute("""
            update outbox_messages m set state = @state, channel_message_id = s.channel_id, done_at = s.at, claimed_until = null
            from unnest(@ids, @channelIds, @ats) as s(id, channel_id, at) where m.id = s.id
            """, new
        {
            state = (int)OutboxState.Sent,
            ids = sent.Select(s => s.Id).ToArray(),
            channelIds = sent.Select(s => s.ChannelMessageId).ToArray(),
            ats = sent.Select(s => s.At.UtcDateTime).ToArray(),
        }, t));
    }

    public void MarkFailed(string id, string reason, DateTimeOffset at) =>
        Change(id, "state = @state, error = @reason, done_at = @at", new { id, state = (int)OutboxState.Failed, reason, at = at.ToUniversalTime() });

    public void MarkPassedOver(string id, DateTimeOffset at) =>
        Change(id, "state = @state, done_at = @at", new { id, state = (int)OutboxState.PassedOver, at = at.ToUniversalTime() });

    public void MarkWaiting(string id, string reason, DateTimeOffset at) =>
        Change(id, "state = @state, error = @reason, last_attempt_at = @at, claimed_until = null", new { id, state = (int)OutboxState.Waiting, reason, at = at.ToUniversalTime() });

    public IReadOnlyList<OutboxMessage> Waiting() => store.Read(c =>
        c.Query<string>("select id from outbox_messages where state = @waiting order by created_at, id", new { waiting = (int)OutboxState.Waiting })
            .AsList().Select(id => Get(c, id)!).ToList());

    public void Wake(string id, DateTimeOffset at) =>
        Change(id, "state = case when state = @waiting then @pending else state end, last_attempt_at = case when state = @waiting then @at else last_attempt_at end",
            new { id, waiting = (int)OutboxState.Waiting, pending = (int)OutboxState.Pending, at = at.ToUniversalTime() });

    private void Change(string id, string set, object args)
    {
        if (store.WriteUncached((c, t) => c.Execute($"update outbox_messages set {set} where id = @id", args, t)) == 0)
            throw new KeyNotFoundException($"No outbox message {id}.");
    }

    private List<Nudge> Nudges(string where, object args) =>
        [.. store.Query<NudgeRow>($"select {NudgeColumns} from outbox_nudges where {where}", args).Select(n => n.ToNudge())];

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    // Rows as Dapper fills them (settable properties: it converts column types where a constructor would need exact ones).
    private sealed class NudgeRow
    {
        public string Key { get; set; } = "";
        public string Assignment_id { get; set; } = "";
        public string Official { get; set; } = "";
        public int Kind { get; set; }
        public int Step { get; set; }
        public DateTime Due_before { get; set; }
        public DateTime Planned_at { get; set; }

        public Nudge ToNudge() => new(Assignment_id, Official, (NudgeKind)Kind, Step, Utc(Due_before), Utc(Planned_at));
    }

    private sealed class MessageRow
    {
        public string Id { get; set; } = "";
        public int Kind { get; set; }
        public string Official { get; set; } = "";
        public string[] Nudge_keys { get; set; } = [];
        public DateTime Created_at { get; set; }
        public int State { get; set; }
        public int Attempts { get; set; }
        public DateTime? Last_attempt_at { get; set; }
        public string? Channel_message_id { get; set; }
        public DateTime? Done_at { get; set; }
        public string? Error { get; set; }

        public OutboxMessage ToMessage(IReadOnlyList<Nudge> nudges) => new(Id, (OutboxKind)Kind, Official, nudges, Utc(Created_at), (OutboxState)State, Attempts,
            Last_attempt_at is { } l ? Utc(l) : null, Channel_message_id, Done_at is { } d ? Utc(d) : null, Error);
    }
}

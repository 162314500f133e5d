using System.Globalization;
using Bot.Domain.Reminders;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// The reminders' outbox in the bot's LiteDB file. Nudges are kept by their key as _id, so a key
/// can never be recorded twice (an insert of a known key fails the whole pass); messages group a
/// pass's nudges per official and carry the delivery state. A digest's message id is
/// "digest|phone|day", which makes it once per official per day in the same way.
/// </summary>
public sealed class LiteNudgeOutbox : INudgeOutbox
{
    internal const string NudgesName = "outbox_nudges";
    internal const string MessagesName = "outbox_messages";

    private readonly BotStore _store;

    public LiteNudgeOutbox(BotStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        Nudges.EnsureIndex(n => n.DueBefore);   // the planner's handled keys in its window
        Nudges.EnsureIndex(n => n.RecordedAt);  // what was recorded since the last pass
        Messages.EnsureIndex(m => m.State);     // pending messages at start
        Messages.EnsureIndex(m => m.CreatedAt); // messages per official today
    }

    private ILiteCollection<NudgeDoc> Nudges => _store.Database.GetCollection<NudgeDoc>(NudgesName);

    private ILiteCollection<MessageDoc> Messages => _store.Database.GetCollection<MessageDoc>(MessagesName);

    public IReadOnlyList<string> Record(NudgePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _store.Write(() =>
        {
            var nudges = Nudges;
            var ids = new List<string>(plan.Bundles.Count);
            foreach (var bundle in plan.Bundles)
            {
                var fresh = bundle.Nudges.Where(n => nudges.FindById(n.Key) is null).DistinctBy(n => n.Key).ToList();
                if (fresh.Count == 0) continue;
                var id = ObjectId.NewObjectId().ToString();
                Messages.Insert(new MessageDoc
                {
                    Id = id, Kind = OutboxKind.Nudges, Official = bundle.OfficialId, NudgeKeys = [.. fresh.Select(n => n.Key)], CreatedAt = now,
                });
                nudges.InsertBulk(fresh.Select(n => ToDoc(n, id, now)));
                ids.Add(id);
            }
            var passed = plan.PassedOver.Where(n => nudges.FindById(n.Key) is null).DistinctBy(n => n.Key).Select(n => ToDoc(n, null, now)).ToList();
            if (passed.Count > 0) nudges.InsertBulk(passed);
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
        return _store.Write(() =>
        {
            if (Messages.FindById(id) is not null) return null;
            Messages.Insert(new MessageDoc { Id = id, Kind = kind, Official = officialPhone, CreatedAt = now });
            return id;
        });
    }

    public HandledNudges Handled(DateTimeOffset dueFrom, DateTimeOffset dueTo)
    {
        var query = Filter.Between(nameof(NudgeDoc.DueBefore), new BsonValue(dueFrom.UtcDateTime), new BsonValue(dueTo.UtcDateTime));
        var handled = new HandledNudges();
        foreach (var doc in Nudges.Find(query)) handled.Add(ToNudge(doc));
        return handled;
    }

    public IReadOnlyList<Nudge> RecordedSince(DateTimeOffset since) =>
        [.. Nudges.Find(Filter.Gte(nameof(NudgeDoc.RecordedAt), new BsonValue(StoreMapping.Stored(since)))).Select(ToNudge)];

    public IReadOnlyDictionary<string, int> MessagesSince(DateTimeOffset since) =>
        Messages.Find(Filter.Gte(nameof(MessageDoc.CreatedAt), new BsonValue(since.UtcDateTime)))
            .Where(m => m.Kind == OutboxKind.Nudges && m.State is OutboxState.Pending or OutboxState.Sent
                && m.NudgeKeys.Any(k => Nudge.CountsTowardDailyCap(Nudge.KindOf(k))))
            .GroupBy(m => m.Official, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public IReadOnlyList<string> Pending(DateTimeOffset? notTriedSince = null) =>
        [.. Messages.Find(Filter.Eq(nameof(MessageDoc.State), OutboxState.Pending.ToString()))
            .Where(m => notTriedSince is not { } cutoff || (m.LastAttemptAt ?? m.CreatedAt) <= cutoff)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id)];

    public OutboxMessage? Get(string id)
    {
        var doc = Messages.FindById(id);
        if (doc is null) return null;
        var nudges = doc.NudgeKeys.Select(k => Nudges.FindById(k)).OfType<NudgeDoc>().Select(ToNudge).ToList();
        return new OutboxMessage(doc.Id, doc.Kind, doc.Official, nudges, doc.CreatedAt, doc.State, doc.Attempts, doc.LastAttemptAt, doc.ChannelMessageId, doc.DoneAt, doc.Error);
    }

    // A file one process owns needs no claim on disk (a commit per send would cost a disk sync): the claims are kept
    // in memory. Processes sharing the file claim in it.
    private readonly Dictionary<string, (string Node, DateTimeOffset Until)> _claims = new(StringComparer.Ordinal);

    public bool Claim(string id, string node, DateTimeOffset now, TimeSpan lease)
    {
        if (!_store.Shared)
        {
            if (Messages.FindById(id) is not { State: OutboxState.Pending }) return false;
            lock (_claims)
            {
                if (_claims.TryGetValue(id, out var held) && held.Until > now && held.Node != node) return false;
                if (_claims.Count > 10_000) foreach (var old in _claims.Where(c => c.Value.Until <= now).Select(c => c.Key).ToList()) _claims.Remove(old);
                _claims[id] = (node, now + lease);
                return true;
            }
        }
        return _store.Write(() =>
        {
            if (Messages.FindById(id) is not { State: OutboxState.Pending } doc) return false;
            if (doc.ClaimedUntil is { } until && until > now && doc.ClaimedBy != node) return false;
            (doc.ClaimedBy, doc.ClaimedUntil) = (node, now + lease);
            return Messages.Update(doc);
        });
    }

    public void Attempted(string id, DateTimeOffset at) => Change(id, m =>
    {
        m.Attempts++;
        m.LastAttemptAt = at;
    });

    public void MarkSent(string id, string channelMessageId, DateTimeOffset at) => Change(id, m =>
    {
        m.State = OutboxState.Sent;
        m.ChannelMessageId = channelMessageId;
        m.DoneAt = at;
    });

    public void MarkSent(IReadOnlyList<(string Id, string ChannelMessageId, DateTimeOffset At)> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        _store.Write(() =>
        {
            foreach (var (id, channelMessageId, at) in sent)
            {
                if (Messages.FindById(id) is not { } doc) continue; // one unknown id must not lose the others' marks
                doc.State = OutboxState.Sent;
                doc.ChannelMessageId = channelMessageId;
                doc.DoneAt = at;
                Messages.Update(doc);
            }
            return sent.Count;
        });
    }

    public void MarkFailed(string id, string reason, DateTimeOffset at) => Change(id, m =>
    {
        m.State = OutboxState.Failed;
        m.Error = reason;
        m.DoneAt = at;
    });

    public void MarkPassedOver(string id, DateTimeOffset at) => Change(id, m =>
    {
        m.State = OutboxState.PassedOver;
        m.DoneAt = at;
    });

    public void MarkWaiting(string id, string reason, DateTimeOffset at) => Change(id, m =>
    {
        m.State = OutboxState.Waiting;
        m.Error = reason;
        m.LastAttemptAt = at;
    });

    public IReadOnlyList<OutboxMessage> Waiting() =>
        [.. Messages.Find(Filter.Eq(nameof(MessageDoc.State), OutboxState.Waiting.ToString())).OrderBy(m => m.CreatedAt).Select(m => Get(m.Id)!)];

    public void Wake(string id, DateTimeOffset at) => Change(id, m =>
    {
        if (m.State != OutboxState.Waiting) return;
        m.State = OutboxState.Pending;
        m.LastAttemptAt = at;
    });

    private void Change(string id, Action<MessageDoc> change) => _store.Write(() =>
    {
        var doc = Messages.FindById(id) ?? throw new KeyNotFoundException($"No outbox message {id}.");
        change(doc);
        return Messages.Update(doc);
    });

    private static NudgeDoc ToDoc(Nudge n, string? messageId, DateTimeOffset now) => new()
    {
        Id = n.Key, MessageId = messageId, AssignmentId = n.AssignmentId, Official = n.OfficialId, Kind = n.Kind, Step = n.Step,
        DueBefore = n.DueBefore, PlannedAt = n.PlannedAt, RecordedAt = now,
    };

    private static Nudge ToNudge(NudgeDoc d) => new(d.AssignmentId, d.Official, d.Kind, d.Step, d.DueBefore, d.PlannedAt);

    internal sealed class NudgeDoc
    {
        public string Id { get; set; } = "";

        /// <summary>The message that carries it; null when it was passed over.</summary>
        public string? MessageId { get; set; }

        public string AssignmentId { get; set; } = "";
        public string Official { get; set; } = "";
        public NudgeKind Kind { get; set; }
        public int Step { get; set; }
        public DateTimeOffset DueBefore { get; set; }
        public DateTimeOffset PlannedAt { get; set; }
        public DateTimeOffset RecordedAt { get; set; }
    }

    internal sealed class MessageDoc
    {
        public string Id { get; set; } = "";
        public OutboxKind Kind { get; set; }
        public string Official { get; set; } = "";
        public List<string> NudgeKeys { get; set; } = [];
        public DateTimeOffset CreatedAt { get; set; }
        public OutboxState State { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset? LastAttemptAt { get; set; }
        public string? ChannelMessageId { get; set; }
        public DateTimeOffset? DoneAt { get; set; }
        public string? Error { get; set; }
        public string? ClaimedBy { get; set; }
        public DateTimeOffset? ClaimedUntil { get; set; }
    }
}

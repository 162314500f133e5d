using System.Security.Cryptography;
using Bot.Domain.Conversation;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// The conversation's memory in the bot's LiteDB file: shown lists (for numbers and paging),
/// the task in focus per chat, invite codes and officials' reminder preferences. Instants are
/// stored as UTC, as everywhere in the store.
/// </summary>
/// <remarks>
/// A shown list, and the task a chat last looked at, are views, not something a person confirmed: they
/// are kept in memory and written behind, all in one transaction every <see cref="FlushEvery"/> and when the store closes,
/// because LiteDB syncs the disk on every commit and a commit per question caps the bot at the disk's
/// pace. A crash loses at most the lists of that last moment; their buttons then answer "Nút này không
/// còn hiệu lực" and the person asks again. Confirmations and preferences are written at once.
/// </remarks>
public sealed class LiteConversationStore : IConversationStore, IDisposable
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);

    private readonly BotStore _store;
    private readonly Lock _gate = new();
    private readonly Lock _flushGate = new();
    private readonly Timer _flusher;
    private Dictionary<string, ListDoc> _unsaved = new(StringComparer.Ordinal);
    private Dictionary<string, ListDoc> _saving = new(StringComparer.Ordinal);
    private Dictionary<string, string> _unsavedFocus = new(StringComparer.Ordinal);
    private Dictionary<string, string> _savingFocus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastOfChat = new(StringComparer.Ordinal);

    internal LiteConversationStore(BotStore store)
    {
        _store = store;
        Lists.EnsureIndex(l => l.Chat);
        Lists.EnsureIndex(l => l.At);
        _flusher = new Timer(_ => Flush(), null, FlushEvery, FlushEvery);
    }

    private ILiteCollection<ListDoc> Lists => _store.Database.GetCollection<ListDoc>("chat_lists");

    private ILiteCollection<FocusDoc> Foci => _store.Database.GetCollection<FocusDoc>("chat_focus");

    // The last list of each chat, by chat: one lookup instead of sorting every list the chat was shown.
    private ILiteCollection<FocusDoc> LastLists => _store.Database.GetCollection<FocusDoc>("chat_last_list");

    private ILiteCollection<InviteDoc> Invites => _store.Database.GetCollection<InviteDoc>("invites");

    private ILiteCollection<PreferencesDoc> Prefs => _store.Database.GetCollection<PreferencesDoc>("preferences");

    public void SaveList(TaskList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var doc = new ListDoc { Id = list.Id, Chat = list.Chat, Title = list.Title, AssignmentIds = [.. list.AssignmentIds], At = list.At.UtcDateTime };
        lock (_gate)
        {
            _unsaved[doc.Id] = doc;
            _lastOfChat[doc.Chat] = doc.Id;
        }
    }

    /// <summary>Writes the lists shown since the last flush, in one transaction (one disk sync).</summary>
    public void Flush()
    {
        lock (_flushGate)
        {
            lock (_gate)
            {
                if (_unsaved.Count == 0 && _unsavedFocus.Count == 0) return;
                (_saving, _unsaved) = (_unsaved, new Dictionary<string, ListDoc>(StringComparer.Ordinal));
                (_savingFocus, _unsavedFocus) = (_unsavedFocus, new Dictionary<string, string>(StringComparer.Ordinal));
            }
            try
            {
                _store.Write(() =>
                {
                    foreach (var doc in _saving.Values)
                    {
                        Lists.Upsert(doc);
                        LastLists.Upsert(new FocusDoc { Id = doc.Chat, AssignmentId = doc.Id });
                    }
                    foreach (var (chat, assignmentId) in _savingFocus) Foci.Upsert(new FocusDoc { Id = chat, AssignmentId = assignmentId });
                    return _saving.Count + _savingFocus.Count;
                });
            }
            catch (LiteException)
            {
                // Kept for the next flush rather than lost.
                lock (_gate)
                {
                    foreach (var (id, doc) in _saving) _unsaved.TryAdd(id, doc);
                    foreach (var (chat, assignmentId) in _savingFocus) _unsavedFocus.TryAdd(chat, assignmentId);
                }
            }
            lock (_gate)
            {
                _saving = new Dictionary<string, ListDoc>(StringComparer.Ordinal);
                _savingFocus = new Dictionary<string, string>(StringComparer.Ordinal);
            }
        }
    }

    public void Dispose()
    {
        _flusher.Dispose();
        Flush();
    }

    public TaskList? GetList(string id)
    {
        lock (_gate)
        {
            if (_unsaved.TryGetValue(id, out var fresh) || _saving.TryGetValue(id, out fresh)) return ToList(fresh);
        }
        return Lists.FindById(id) is { } d ? ToList(d) : null;
    }

    public TaskList? LastList(string chat)
    {
        lock (_gate)
        {
            if (_lastOfChat.TryGetValue(chat, out var id)) return GetList(id);
        }
        return LastLists.FindById(chat) is { } last ? GetList(last.AssignmentId) : null;
    }

    public void SetFocus(string chat, string assignmentId)
    {
        lock (_gate) _unsavedFocus[chat] = assignmentId;
    }

    public string? Focus(string chat)
    {
        lock (_gate)
        {
            if (_unsavedFocus.TryGetValue(chat, out var fresh) || _savingFocus.TryGetValue(chat, out fresh)) return fresh;
        }
        return Foci.FindById(chat)?.AssignmentId;
    }

    public string CreateInvite(string phone, DateTimeOffset expires)
    {
        // 10 random bytes as lower-case hex: fits Telegram's /start parameter ([A-Za-z0-9_-], 64 chars).
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();
        _store.Write(() => Invites.Insert(new InviteDoc { Id = code, Phone = phone, Expires = expires.UtcDateTime }));
        return code;
    }

    public string? RedeemInvite(string code, DateTimeOffset now) => _store.Write(() =>
    {
        var invite = Invites.FindById(code.Trim().ToLowerInvariant());
        if (invite is null || invite.Used || invite.Expires <= now.UtcDateTime) return null;
        invite.Used = true;
        Invites.Update(invite);
        return invite.Phone;
    });

    public OfficialPreferences Preferences(string phone) =>
        Prefs.FindById(phone) is { } d ? ToPreferences(d) : new OfficialPreferences(phone);

    public void SavePreferences(OfficialPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        _store.Write(() => Prefs.Upsert(new PreferencesDoc
        {
            Id = preferences.Phone,
            Digest = preferences.Digest,
            MutedAll = preferences.MutedAll,
            MutedAssignments = [.. preferences.MutedAssignments],
            Snoozed = preferences.Snoozed.ToDictionary(s => s.Key, s => s.Value.UtcDateTime, StringComparer.Ordinal),
            UnreachableSince = preferences.UnreachableSince?.UtcDateTime,
        }));
    }

    public IReadOnlyList<OfficialPreferences> AllPreferences() => Prefs.FindAll().Select(ToPreferences).ToList();

    private static TaskList ToList(ListDoc d) =>
        new(d.Id, d.Chat, d.Title, d.AssignmentIds, new DateTimeOffset(DateTime.SpecifyKind(d.At, DateTimeKind.Utc)));

    private static OfficialPreferences ToPreferences(PreferencesDoc d) => new(d.Id)
    {
        Digest = d.Digest,
        MutedAll = d.MutedAll,
        MutedAssignments = new HashSet<string>(d.MutedAssignments, StringComparer.Ordinal),
        Snoozed = d.Snoozed.ToDictionary(s => s.Key, s => new DateTimeOffset(DateTime.SpecifyKind(s.Value, DateTimeKind.Utc)), StringComparer.Ordinal),
        UnreachableSince = d.UnreachableSince is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)) : null,
    };

    internal sealed class ListDoc
    {
        public string Id { get; set; } = "";
        public string Chat { get; set; } = "";
        public string Title { get; set; } = "";
        public List<string> AssignmentIds { get; set; } = [];
        public DateTime At { get; set; }
    }

    internal sealed class FocusDoc
    {
        public string Id { get; set; } = "";
        public string AssignmentId { get; set; } = "";
    }

    internal sealed class InviteDoc
    {
        public string Id { get; set; } = "";
        public string Phone { get; set; } = "";
        public DateTime Expires { get; set; }
        public bool Used { get; set; }
    }

    internal sealed class PreferencesDoc
    {
        public string Id { get; set; } = "";
        public bool Digest { get; set; }
        public bool MutedAll { get; set; }
        public List<string> MutedAssignments { get; set; } = [];
        public Dictionary<string, DateTime> Snoozed { get; set; } = [];
        public DateTime? UnreachableSince { get; set; }
    }
}

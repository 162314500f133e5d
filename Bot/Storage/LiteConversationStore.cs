using System.Security.Cryptography;
using Bot.Domain.Conversation;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// The conversation's memory: shown lists (for numbers and paging) and the task in focus per chat
/// in the chat file; invite codes and the button key in the bot's file. Instants
/// are stored as UTC, as everywhere in the store.
/// </summary>
/// <remarks>
/// A shown list, and the task a chat last looked at, are views, not something a person confirmed:
/// they are kept in memory and written behind, all in one transaction every <see cref="FlushEvery"/>
/// and when the store closes, because LiteDB syncs the disk on every commit and a commit per question
/// caps the bot at the disk's pace. They go to a file of their own, so these commits never hold up
/// the readers of the assignments. Each chat's focus and the id of its last list are all in memory,
/// and the last list itself for <see cref="KeptInMemory"/>, so a question does not wait for a commit
/// either. A crash loses at most the lists of that last moment; their buttons then answer "Nút này
/// không còn hiệu lực" and the person asks again. Confirmations and preferences are written at once,
/// and so is a list a reminder shows (<c>writeNow</c>) when the store is shared: another process on it
/// (`serve` beside `remind-worker`) must find it when one of its buttons is tapped.
/// </remarks>
public sealed class LiteConversationStore : IConversationStore, IDisposable
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a chat's last list stays in memory: longer than a conversation about it lasts.</summary>
    public static readonly TimeSpan KeptInMemory = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a shown list is kept at all: its numbers and buttons work for a month, then answer
    /// "Nút này không còn hiệu lực". Without a limit the file would grow by every question ever asked.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    private readonly BotStore _store;
    private readonly LiteDatabase _chats;
    private readonly Lock _gate = new();
    private readonly Lock _flushGate = new();
    private readonly Timer _flusher;
    private DateTime _prunedAt = DateTime.MinValue;

    // In memory: lists not yet written and each chat's last list while it is recent; the id of each
    // chat's last list and its focus (all of them: one id per chat).
    private readonly Dictionary<string, ListDoc> _recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastOfChat = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _focusOfChat = new(StringComparer.Ordinal);

    // Not yet in the file.
    private Dictionary<string, ListDoc> _unsaved = new(StringComparer.Ordinal);
    private Dictionary<string, string> _unsavedFocus = new(StringComparer.Ordinal);

    internal LiteConversationStore(BotStore store, LiteDatabase chats)
    {
        _store = store;
        _chats = chats;
        Lists.EnsureIndex(l => l.Chat);
        Lists.EnsureIndex(l => l.At);
        // One id per chat: read once, so a question never waits on the file for them.
        foreach (var last in LastLists.FindAll()) _lastOfChat[last.Id] = last.AssignmentId;
        foreach (var focus in Foci.FindAll()) _focusOfChat[focus.Id] = focus.AssignmentId;
        _flusher = new Timer(_ => Flush(), null, FlushEvery, FlushEvery);
    }

    internal const string ListsName = "chat_lists";
    internal const string FocusName = "chat_focus";
    internal const string LastListsName = "chat_last_list";

    private ILiteCollection<ListDoc> Lists => _chats.GetCollection<ListDoc>(ListsName);

    private ILiteCollection<FocusDoc> Foci => _chats.GetCollection<FocusDoc>(FocusName);

    // The id of each chat's last list, by chat (read once when the store opens).
    private ILiteCollection<FocusDoc> LastLists => _chats.GetCollection<FocusDoc>(LastListsName);

    private ILiteCollection<InviteDoc> Invites => _store.Database.GetCollection<InviteDoc>("invites");

    public void SaveList(TaskList list, bool writeNow = false)
    {
        ArgumentNullException.ThrowIfNull(list);
        var doc = new ListDoc { Id = list.Id, Chat = list.Chat, Title = list.Title, AssignmentIds = [.. list.AssignmentIds], At = list.At.UtcDateTime,
            UnitCode = list.UnitCode, RankedBy = list.RankedBy, Page = list.Page };
        lock (_gate)
        {
            _unsaved[doc.Id] = doc;
            _recent[doc.Id] = doc;
            _lastOfChat[doc.Chat] = doc.Id;
        }
        // Alone on its file, this process answers from memory; beside another (shared), the list must be in the file.
        if (writeNow && _store.Shared) Flush();
    }

    /// <summary>Writes the lists and focus changed since the last flush, in one transaction (one disk sync).</summary>
    public void Flush()
    {
        lock (_flushGate)
        {
            Dictionary<string, ListDoc> lists;
            Dictionary<string, string> focus;
            Dictionary<string, string> lastOfChat;
            lock (_gate)
            {
                ForgetOldLists();
                (lists, _unsaved) = (_unsaved, new Dictionary<string, ListDoc>(StringComparer.Ordinal));
                (focus, _unsavedFocus) = (_unsavedFocus, new Dictionary<string, string>(StringComparer.Ordinal));
                // Each chat's last list as memory knows it, not as the batch happens to be ordered
                // (lists kept back by a failed flush come after newer ones).
                lastOfChat = lists.Values.Select(d => d.Chat).Distinct(StringComparer.Ordinal).ToDictionary(c => c, c => _lastOfChat[c], StringComparer.Ordinal);
            }
            if (lists.Count + focus.Count > 0) Write(lists, lastOfChat, focus);
            PruneOnceADay();
        }
    }

    private void Write(Dictionary<string, ListDoc> lists, Dictionary<string, string> lastOfChat, Dictionary<string, string> focus)
    {
        try
        {
            BotStore.InTransaction(_chats, () =>
            {
                foreach (var doc in lists.Values) Lists.Upsert(doc);
                foreach (var (chat, listId) in lastOfChat) LastLists.Upsert(new FocusDoc { Id = chat, AssignmentId = listId });
                foreach (var (chat, assignmentId) in focus) Foci.Upsert(new FocusDoc { Id = chat, AssignmentId = assignmentId });
                return lists.Count + focus.Count;
            });
        }
        catch (LiteException)
        {
            // Kept for the next flush rather than lost; anything newer of the same chat wins.
            lock (_gate)
            {
                foreach (var (id, doc) in lists) _unsaved.TryAdd(id, doc);
                foreach (var (chat, assignmentId) in focus) _unsavedFocus.TryAdd(chat, assignmentId);
            }
        }
    }

    // Lists older than KeptFor leave the file; the work of it is a single indexed delete, once a day.
    private void PruneOnceADay()
    {
        var now = _store.Clock.GetUtcNow().UtcDateTime;
        if (now - _prunedAt < TimeSpan.FromDays(1)) return;
        _prunedAt = now;
        try
        {
            BotStore.InTransaction(_chats, () => Lists.DeleteMany(Filter.Lt(nameof(ListDoc.At), now - KeptFor)));
        }
        catch (LiteException)
        {
            _prunedAt = DateTime.MinValue; // tried again at the next flush
        }
    }

    // Written lists that are no longer a chat's last, or are old, are read from the file when asked for.
    private void ForgetOldLists()
    {
        var before = _store.Clock.GetUtcNow().UtcDateTime - KeptInMemory;
        foreach (var (id, doc) in _recent)
        {
            if (_unsaved.ContainsKey(id)) continue;
            if (_lastOfChat.GetValueOrDefault(doc.Chat) == id && doc.At >= before) continue;
            _recent.Remove(id);
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
            if (_recent.TryGetValue(id, out var fresh)) return ToList(fresh);
        }
        return Lists.FindById(id) is { } d ? ToList(d) : null;
    }

    public TaskList? LastList(string chat)
    {
        string? id;
        lock (_gate) _lastOfChat.TryGetValue(chat, out id);
        return id is null ? null : GetList(id);
    }

    public void SetFocus(string chat, string assignmentId)
    {
        lock (_gate)
        {
            _unsavedFocus[chat] = assignmentId;
            _focusOfChat[chat] = assignmentId;
        }
    }

    public string? Focus(string chat)
    {
        lock (_gate) return _focusOfChat.GetValueOrDefault(chat);
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

    /// <summary>Made at the first start and kept in the store's file, so buttons survive restarts and verify in every process on this store.</summary>
    public byte[] ButtonKey() => _store.Write(() =>
    {
        var settings = _store.Database.GetCollection("settings");
        if (settings.FindById("button-key") is { } doc) return doc["value"].AsBinary;
        var key = RandomNumberGenerator.GetBytes(32);
        settings.Insert(new BsonDocument { ["_id"] = "button-key", ["value"] = key });
        return key;
    });

    private static TaskList ToList(ListDoc d) =>
        new(d.Id, d.Chat, d.Title, d.AssignmentIds, new DateTimeOffset(DateTime.SpecifyKind(d.At, DateTimeKind.Utc))) { UnitCode = d.UnitCode, RankedBy = d.RankedBy, Page = d.Page };

    internal sealed class ListDoc
    {
        public string Id { get; set; } = "";
        public string Chat { get; set; } = "";
        public string Title { get; set; } = "";
        public List<string> AssignmentIds { get; set; } = [];
        public DateTime At { get; set; }
        public string? UnitCode { get; set; }
        public string? RankedBy { get; set; }
        public int Page { get; set; }
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
}

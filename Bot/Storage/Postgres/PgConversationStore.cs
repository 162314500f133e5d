using System.Security.Cryptography;
using System.Text.Json;
using Bot.Domain.Conversation;
using Dapper;

namespace Bot.Storage.Postgres;

/// <summary>
/// The conversation's memory in the shared database, so a chat's next message may reach any node. Lists
/// and focus are views, not confirmations: they are committed without waiting for the disk
/// (<c>synchronous_commit = off</c>: visible to every node at once; a crash of the server may lose the
/// last fraction of a second of them, as the LiteDB store's write-behind does). Invites are written at once.
/// </summary>
internal sealed class PgConversationStore(PgStore store) : IConversationStore
{
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    public void SaveList(TaskList list, bool writeNow = false)
    {
        ArgumentNullException.ThrowIfNull(list);
        const string Sql = """
            insert into chat_lists (id, chat, at, doc) values (@Id, @Chat, @at, @json::jsonb)
            on conflict (id) do update set chat = excluded.chat, at = excluded.at, doc = excluded.doc;
            insert into chat_last_list (chat, list_id) values (@Chat, @Id) on conflict (chat) do update set list_id = excluded.list_id;
            """;
        var args = new { list.Id, list.Chat, at = list.At.ToUniversalTime(), json = JsonSerializer.Serialize(Doc.Of(list), PgJson.Options) };
        if (writeNow) store.WriteUncached((c, t) => c.Execute(Sql, args, t));
        else store.WriteView(Sql, args);
        PruneOnceADay();
    }

    // Lists older than a month leave the table (their buttons then say they no longer work), once a day per node.
    private void PruneOnceADay()
    {
        var now = store.Clock.GetUtcNow();
        if (now - _prunedAt < TimeSpan.FromDays(1)) return;
        _prunedAt = now;
        store.WriteUncached((c, t) => c.Execute("delete from chat_lists where at < @before", new { before = (now - LiteConversationStore.KeptFor).ToUniversalTime() }, t));
    }

    public TaskList? GetList(string id) =>
        store.Query<string>("select doc::text from chat_lists where id = @id", new { id }).FirstOrDefault() is { } json ? Read(json) : null;

    public TaskList? LastList(string chat) =>
        store.Query<string>("select l.doc::text from chat_last_list c join chat_lists l on l.id = c.list_id where c.chat = @chat", new { chat }).FirstOrDefault() is { } json
            ? Read(json) : null;

    public void SetFocus(string chat, string assignmentId) => store.WriteView(
        "insert into chat_focus (chat, assignment_id) values (@chat, @assignmentId) on conflict (chat) do update set assignment_id = excluded.assignment_id",
        new { chat, assignmentId });

    public string? Focus(string chat) => store.Query<string>("select assignment_id from chat_focus where chat = @chat", new { chat }).FirstOrDefault();

    public string CreateInvite(string phone, DateTimeOffset expires)
    {
        // 10 random bytes as lower-case hex: fits Telegram's /start parameter ([A-Za-z0-9_-], 64 chars).
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();
        store.WriteUncached((c, t) => c.Execute("insert into invites (code, phone, expires) values (@code, @phone, @expires)", new { code, phone, expires = expires.ToUniversalTime() }, t));
        return code;
    }

    public string? RedeemInvite(string code, DateTimeOffset now) => store.WriteUncached((c, t) => c.QueryFirstOrDefault<string>(
        "update invites set used = true where code = @code and not used and expires > @now returning phone",
        new { code = code.Trim().ToLowerInvariant(), now = now.ToUniversalTime() }, t));

    /// <summary>Made by the first node to ask, the same for every node after (the insert that loses reads the winner's).</summary>
    public byte[] ButtonKey() => store.WriteUncached((c, t) =>
    {
        c.Execute("insert into settings (key, value) values ('button-key', @key) on conflict (key) do nothing", new { key = RandomNumberGenerator.GetBytes(32) }, t);
        return c.QueryFirst<byte[]>("select value from settings where key = 'button-key'", transaction: t);
    });

    private static TaskList Read(string json) => JsonSerializer.Deserialize<Doc>(json, PgJson.Options)!.ToList();

    internal sealed record Doc(string Id, string Chat, string Title, List<string> AssignmentIds, DateTimeOffset At, string? UnitCode, string? RankedBy, int Page = 0)
    {
        public static Doc Of(TaskList l) => new(l.Id, l.Chat, l.Title, [.. l.AssignmentIds], l.At.ToUniversalTime(), l.UnitCode, l.RankedBy, l.Page);

        public TaskList ToList() => new(Id, Chat, Title, AssignmentIds, At) { UnitCode = UnitCode, RankedBy = RankedBy, Page = Page };
    }
}

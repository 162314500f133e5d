using System.Security.Cryptography;
using System.Text.Json;
using Bot.Domain.Desk;
using Dapper;

namespace Bot.Storage.Postgres;

/// <summary>The office's desk: drafts as jsonb (found by id and by chat), original files as bytea keyed by content.</summary>
internal sealed class PgDesk(PgStore store) : IDraftStore, IOriginalFiles
{
    public void Save(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        store.WriteUncached((c, t) => c.Execute("""
            insert into drafts (id, chat, saved_at, doc) values (@Id, @Chat, @at, @json::jsonb)
            on conflict (id) do update set chat = excluded.chat, saved_at = excluded.saved_at, doc = excluded.doc
            """, new { draft.Id, draft.Chat, at = store.Clock.GetUtcNow().ToUniversalTime(), json = JsonSerializer.Serialize(draft, PgJson.Options) }, t));
    }

    public Draft? Find(string id) =>
        store.Query<string>("select doc::text from drafts where id = @id", new { id }).FirstOrDefault() is { } json ? JsonSerializer.Deserialize<Draft>(json, PgJson.Options) : null;

    public Draft? Latest(string chat) =>
        store.Query<string>("select doc::text from drafts where chat = @chat order by saved_at desc limit 1", new { chat }).FirstOrDefault() is { } json
            ? JsonSerializer.Deserialize<Draft>(json, PgJson.Options) : null;

    public void Delete(string id) => store.WriteUncached((c, t) => c.Execute("delete from drafts where id = @id", new { id }, t));

    public string Keep(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var id = Convert.ToHexStringLower(SHA256.HashData(content))[..24];
        store.WriteUncached((c, t) => c.Execute("insert into originals (id, file_name, content) values (@id, @name, @content) on conflict (id) do nothing",
            new { id, name = Path.GetFileName(fileName), content }, t));
        return id;
    }

    public (string FileName, byte[] Content)? Open(string id) =>
        store.Query<(string FileName, byte[] Content)>("select file_name, content from originals where id = @id", new { id }).Cast<(string, byte[])?>().FirstOrDefault();
}

using System.Text.Json;
using Bot.Channels.Zalo;
using Dapper;

namespace Bot.Storage.Postgres;

/// <summary>The Zalo channel's state: the token pair as one row (replaced whole), and users' last interactions.</summary>
internal sealed class PgZaloStore(PgStore store) : IZaloStore
{
    public ZaloTokenPair? Tokens() =>
        store.Query<string>("select doc::text from zalo_tokens where id = 'oa'").FirstOrDefault() is { } json ? JsonSerializer.Deserialize<ZaloTokenPair>(json, PgJson.Options) : null;

    public void SaveTokens(ZaloTokenPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        store.WriteUncached((c, t) => c.Execute("insert into zalo_tokens (id, doc) values ('oa', @json::jsonb) on conflict (id) do update set doc = excluded.doc",
            new { json = JsonSerializer.Serialize(pair, PgJson.Options) }, t));
    }

    public DateTimeOffset? LastInteraction(string userId) =>
        store.Query<DateTime?>("select at from zalo_interactions where user_id = @userId", new { userId }).FirstOrDefault() is { } at
            ? (at == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))) : null;

    public void SaveInteraction(string userId, DateTimeOffset at) =>
        store.WriteUncached((c, t) => c.Execute("insert into zalo_interactions (user_id, at) values (@userId, @at) on conflict (user_id) do update set at = excluded.at",
            new { userId, at = at == DateTimeOffset.MinValue ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : at.UtcDateTime }, t));
}

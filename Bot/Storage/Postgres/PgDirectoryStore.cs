using System.Text.Json;
using Bot.Domain.Organization;
using Dapper;

namespace Bot.Storage.Postgres;

/// <summary>The officials of the directory, keyed by phone; their chat accounts in an array column, and each account's official in `chat_accounts` (kept by a trigger).</summary>
internal sealed class PgDirectoryStore(PgStore store) : IDirectoryStore
{
    internal const string Table = "officials";

    // Every turn asks who writes from its chat first; the directory changes seldom.
    private readonly ReadCache<string, Official?> _byAccount = new(() => store.Feed.Stamp(Table), capacity: 100_000);

    public int Upsert(IReadOnlyCollection<Official> officials)
    {
        ArgumentNullException.ThrowIfNull(officials);
        return store.Write((c, t) =>
        {
            var phones = officials.Select(o => o.Phone).ToArray();
            var before = c.Query<string>("select doc::text from officials where phone = any(@phones) for update", new { phones }, t)
                .Select(ToOfficial).ToDictionary(o => o.Phone, StringComparer.Ordinal);
            // A directory file carries no chat links: keep the ones already made.
            var rows = officials.Select(o => before.TryGetValue(o.Phone, out var old) && o.ChatAccounts.Count == 0 ? o with { ChatAccounts = old.ChatAccounts } : o).ToList();
            Write(c, t, rows);
            return officials.Select(o => o.Phone).Distinct(StringComparer.Ordinal).Count(p => !before.ContainsKey(p));
        }, Touched.Of(Table));
    }

    internal static void Write(Npgsql.NpgsqlConnection c, Npgsql.NpgsqlTransaction t, IReadOnlyCollection<Official> officials)
    {
        foreach (var o in officials.Reverse().DistinctBy(o => o.Phone))
        {
            var doc = StoreMapping.ToDoc(o);
            c.Execute("""
                insert into officials (phone, unit_code, account_keys, doc) values (@Id, @UnitCode, @keys, @json::jsonb)
                on conflict (phone) do update set unit_code = excluded.unit_code, account_keys = excluded.account_keys, doc = excluded.doc
                """, new { doc.Id, doc.UnitCode, keys = doc.AccountKeys.ToArray(), json = JsonSerializer.Serialize(doc, PgJson.Options) }, t);
        }
    }

    public Official? ByPhone(string phone) =>
        PhoneNumber.TryNormalize(phone, out var normal)
        && store.Query<string>("select doc::text from officials where phone = @normal", new { normal }).FirstOrDefault() is { } json ? ToOfficial(json) : null;

    public Official? ByChatAccount(ChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _byAccount.Get(StoreMapping.AccountKey(account), key =>
            store.Query<string>("select o.doc::text from chat_accounts a join officials o on o.phone = a.phone where a.key = @key", new { key }).FirstOrDefault() is { } json
                ? ToOfficial(json) : null);
    }

    public IReadOnlyList<Official> OfUnit(string unitCode) =>
        store.Query<string>("select doc::text from officials where unit_code = @unitCode order by phone", new { unitCode }).Select(ToOfficial).ToList();

    public IReadOnlyList<Official> All() => store.Query<string>("select doc::text from officials order by phone").Select(ToOfficial).ToList();

    private static Official ToOfficial(string json) => StoreMapping.ToDomain(JsonSerializer.Deserialize<OfficialDoc>(json, PgJson.Options)!);
}

using System.Text.Json;
using Bot.Domain.Reminders;
using Dapper;

namespace Bot.Storage.Postgres;

/// <summary>Officials' reminder preferences, keyed by phone, written at once (the LiteDB store's document as jsonb).</summary>
internal sealed class PgPreferenceStore(PgStore store) : IPreferenceStore
{
    internal const string Table = "preferences";

    private readonly ReadCache<string, OfficialPreferences> _byPhone = new(() => store.Feed.Stamp(Table), capacity: 100_000);

    public OfficialPreferences Preferences(string phone) => _byPhone.Get(phone, p =>
        store.Query<string>("select doc::text from preferences where phone = @p", new { p }).FirstOrDefault() is { } json ? ToPreferences(json) : new OfficialPreferences(p));

    public void SavePreferences(OfficialPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        store.Write((c, t) => c.Execute("insert into preferences (phone, doc) values (@phone, @json::jsonb) on conflict (phone) do update set doc = excluded.doc",
            new { phone = preferences.Phone, json = ToJson(preferences) }, t), Touched.Of(Table));
    }

    public IReadOnlyList<OfficialPreferences> AllPreferences() => store.Query<string>("select doc::text from preferences").Select(ToPreferences).ToList();

    internal static string ToJson(OfficialPreferences p) => JsonSerializer.Serialize(new Doc(p.Digest, p.MutedAll, [.. p.MutedAssignments],
        p.Snoozed.ToDictionary(s => s.Key, s => s.Value.ToUniversalTime(), StringComparer.Ordinal), p.UnreachableSince?.ToUniversalTime(), p.LastChannel, p.Phone), PgJson.Options);

    private static OfficialPreferences ToPreferences(string json)
    {
        var d = JsonSerializer.Deserialize<Doc>(json, PgJson.Options)!;
        return new OfficialPreferences(d.Phone)
        {
            Digest = d.Digest,
            MutedAll = d.MutedAll,
            MutedAssignments = new HashSet<string>(d.MutedAssignments, StringComparer.Ordinal),
            Snoozed = new Dictionary<string, DateTimeOffset>(d.Snoozed, StringComparer.Ordinal),
            UnreachableSince = d.UnreachableSince,
            LastChannel = d.LastChannel,
        };
    }

    private sealed record Doc(bool Digest, bool MutedAll, List<string> MutedAssignments, Dictionary<string, DateTimeOffset> Snoozed,
        DateTimeOffset? UnreachableSince, string? LastChannel, string Phone);
}

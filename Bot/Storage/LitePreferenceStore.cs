using Bot.Domain.Reminders;
using LiteDB;

namespace Bot.Storage;

/// <summary>Officials' reminder preferences in the bot's file, keyed by phone, written at once. Instants are stored as UTC.</summary>
internal sealed class LitePreferenceStore(BotStore store) : IPreferenceStore
{
    internal const string Name = "preferences";
    private ILiteCollection<PreferencesDoc> Prefs => store.Database.GetCollection<PreferencesDoc>(Name);

    // Read on every turn (is the writer reachable, on which channel): kept until preferences are written.
    private readonly ReadCache<string, OfficialPreferences> _byPhone = new(() => store.Changes(Name), capacity: 100_000);

    public OfficialPreferences Preferences(string phone) =>
        _byPhone.Get(phone, p => Prefs.FindById(p) is { } d ? ToPreferences(d) : new OfficialPreferences(p));

    public void SavePreferences(OfficialPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        store.Write(() => Prefs.Upsert(new PreferencesDoc
        {
            Id = preferences.Phone,
            Digest = preferences.Digest,
            MutedAll = preferences.MutedAll,
            MutedAssignments = [.. preferences.MutedAssignments],
            Snoozed = preferences.Snoozed.ToDictionary(s => s.Key, s => s.Value.UtcDateTime, StringComparer.Ordinal),
            UnreachableSince = preferences.UnreachableSince?.UtcDateTime,
            LastChannel = preferences.LastChannel,
        }));
    }

    public IReadOnlyList<OfficialPreferences> AllPreferences() => Prefs.FindAll().Select(ToPreferences).ToList();

    private static OfficialPreferences ToPreferences(PreferencesDoc d) => new(d.Id)
    {
        Digest = d.Digest,
        MutedAll = d.MutedAll,
        MutedAssignments = new HashSet<string>(d.MutedAssignments, StringComparer.Ordinal),
        Snoozed = d.Snoozed.ToDictionary(s => s.Key, s => new DateTimeOffset(DateTime.SpecifyKind(s.Value, DateTimeKind.Utc)), StringComparer.Ordinal),
        UnreachableSince = d.UnreachableSince is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)) : null,
        LastChannel = d.LastChannel,
    };

    internal sealed class PreferencesDoc
    {
        public string Id { get; set; } = "";
        public bool Digest { get; set; }
        public bool MutedAll { get; set; }
        public List<string> MutedAssignments { get; set; } = [];
        public Dictionary<string, DateTime> Snoozed { get; set; } = [];
        public DateTime? UnreachableSince { get; set; }
        public string? LastChannel { get; set; }
    }
}

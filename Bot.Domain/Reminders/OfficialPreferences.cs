namespace Bot.Domain.Reminders;

/// <summary>What an official asked of the reminders: daily digest, muted tasks, snoozes.</summary>
public sealed record OfficialPreferences(string Phone)
{
    public bool Digest { get; init; }

    public bool MutedAll { get; init; }

    public IReadOnlySet<string> MutedAssignments { get; init; } = new HashSet<string>();

    /// <summary>Per assignment: no reminder before this instant.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Snoozed { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>The channel refused to deliver (blocked the bot): the office is told in its digest.</summary>
    public DateTimeOffset? UnreachableSince { get; init; }

    /// <summary>The channel they last wrote on ("telegram", "zalo"): reminders and notices go there (<c>ChannelSet.For</c>).</summary>
    public string? LastChannel { get; init; }
}

/// <summary>Where preferences are kept (LiteDB now), written at once: they are what a person asked for.</summary>
public interface IPreferenceStore
{
    /// <summary>What the official asked; the defaults when nothing.</summary>
    OfficialPreferences Preferences(string phone);

    void SavePreferences(OfficialPreferences preferences);

    IReadOnlyList<OfficialPreferences> AllPreferences();
}

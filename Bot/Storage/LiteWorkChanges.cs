using Bot.Domain.Reminders;

namespace Bot.Storage;

/// <summary>The writes to assignments, officials and preferences this process made, counted by its engine; null when the file is shared.</summary>
internal sealed class LiteWorkChanges(BotStore store) : IWorkChanges
{
    public long? Stamp() =>
        store.Changes(BotStore.AssignmentsName) is { } work && store.Changes(BotStore.OfficialsName) is { } people && store.Changes(LitePreferenceStore.Name) is { } asked
            ? work + people + asked
            : null;
}

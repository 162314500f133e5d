using Bot.Domain.Reminders;

namespace Bot.Storage;

/// <summary>
/// The writes to assignments, officials and preferences this process made, counted by its engine, less the
/// confirmations (they only take work away); null when the file is shared. Each other write moves the number up.
/// </summary>
internal sealed class LiteWorkChanges(BotStore store, LiteAssignmentStore assignments) : IWorkChanges
{
    public long? Stamp() =>
        store.Changes(BotStore.AssignmentsName) is { } work && store.Changes(BotStore.OfficialsName) is { } people && store.Changes(LitePreferenceStore.Name) is { } asked
            ? work - assignments.Closings + people + asked
            : null;
}

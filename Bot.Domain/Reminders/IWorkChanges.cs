namespace Bot.Domain.Reminders;

/// <summary>
/// A number that moves whenever what the reminder pass reads is written: assignments, the directory, preferences.
/// While it stays the same, a pass needs only the deadlines whose reminders fell due since the last one
/// (<see cref="NudgePlanner.DeadlinesWithStepsIn"/>), not the whole window again.
/// </summary>
public interface IWorkChanges
{
    /// <summary>The number now; null when this process cannot tell (another process writes the same LiteDB file).</summary>
    long? Stamp();
}

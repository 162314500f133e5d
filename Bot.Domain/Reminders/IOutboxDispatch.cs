namespace Bot.Domain.Reminders;

/// <summary>
/// Hands messages just recorded in the outbox to delivery (Hangfire, in working hours). Without a delivery
/// in this process (a `serve` beside `remind-worker`) nothing is done here: the worker's sweep finds pending messages.
/// </summary>
public interface IOutboxDispatch
{
    void Dispatch(IReadOnlyList<string> outboxIds);
}

/// <summary>The dispatch of a process that does not deliver: the outbox keeps the messages for the one that does.</summary>
public sealed class LeftForTheWorker : IOutboxDispatch
{
    public void Dispatch(IReadOnlyList<string> outboxIds)
    {
    }
}

using Bot.Domain.Reminders;

namespace Bot.Storage.Postgres;

/// <summary>The writes to assignments, officials and preferences from every node: the triggers' count (migration step 6).</summary>
internal sealed class PgWorkChanges(PgStore store) : IWorkChanges
{
    public long? Stamp() => store.Query<long>("select coalesce(sum(n), 0)::bigint from work_changes").Single();
}

using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;

namespace Bot.Domain.Desk;

/// <summary>What a publication did: the import, the units' assignments now, and the notices recorded.</summary>
public sealed record Published(ImportResult Import, IReadOnlyList<Assignment> Assignments, IReadOnlyList<string> NoticeIds);

/// <summary>
/// Publishing a directive, the one way for the desk's ✅ Giao việc and `Bot import --publish`: it is kept and fanned
/// out, and the officials told, through the outbox, in working hours: a first publication as their new work
/// (<see cref="NewTaskNotices"/>), a corrected version as what changed (<see cref="CorrectionNotices"/>); a notice is
/// keyed by task and official, so the same text again tells nobody twice. Where this process does not deliver (the
/// command line), the delivering process's sweep takes the notices within 15 minutes, or at its start.
/// </summary>
public sealed class Publication(DirectiveImporter importer, IAssignmentStore assignments, IDirectoryStore directory, INudgeOutbox outbox, IOutboxDispatch dispatch)
{
    public Published Publish(ReadDirective read, IReadOnlyCollection<Unit> related, string byPhone, DateTimeOffset now)
    {
        var result = importer.Import(read, publish: true, related, byPhone);
        var published = assignments.OfDirective(result.Directive.Id);
        var plan = result.Correction is { } correction
            ? CorrectionNotices.Plan(result.Directive, correction, directory.OfUnit, now)
            : NewTaskNotices.Plan(published, directory.OfUnit, now);
        var ids = outbox.Record(plan, now);
        dispatch.Dispatch(ids);
        return new Published(result, published, ids);
    }
}

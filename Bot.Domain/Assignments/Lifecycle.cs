using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Assignments;

public enum ChangeOutcome
{
    Changed,

    /// <summary>Someone confirmed it first: <see cref="ChangeResult.Assignment"/> says who and when.</summary>
    AlreadyDone,

    /// <summary>Reopening something that is not done.</summary>
    NotDone,
    NotAllowed,
    NotFound,
    Invalid,
}

/// <summary>The result of a change, with the assignment as it now stands and a message for the official.</summary>
public sealed record ChangeResult(ChangeOutcome Outcome, Assignment? Assignment, string Message, AuditEntry? Audit = null)
{
    public bool Changed => Outcome == ChangeOutcome.Changed;
}

/// <summary>
/// The lifecycle of an assignment: Open → Done → Reopened → Done; deadlines moved by admins.
/// Pure: the store calls these inside its transaction and writes the audit entry they return.
/// </summary>
public static class Lifecycle
{
    public static ChangeResult Confirm(Assignment assignment, Official by, DateTimeOffset now, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(by);
        if (!Access.MayChange(by, assignment.UnitCode)) return NotAllowed(assignment);
        if (assignment.IsDone)
        {
            var c = assignment.Completion!;
            return new ChangeResult(ChangeOutcome.AlreadyDone, assignment, Phrases.AlreadyDone(c.ByName, c.At));
        }
        var after = assignment with
        {
            Status = AssignmentStatus.Done,
            Completion = new Completion(by.Phone, by.Name, now, string.IsNullOrWhiteSpace(note) ? null : note.Trim()),
        };
        return new ChangeResult(ChangeOutcome.Changed, after, Phrases.ConfirmedToast,
            new AuditEntry(now, by.Phone, "confirm", assignment.Id, assignment.DirectiveId, note?.Trim() ?? ""));
    }

    public static ChangeResult Reopen(Assignment assignment, Official by, DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(by);
        if (!Access.MayChange(by, assignment.UnitCode)) return NotAllowed(assignment);
        if (!assignment.IsDone) return new ChangeResult(ChangeOutcome.NotDone, assignment, Phrases.NotDoneYet);
        var after = assignment with { Status = AssignmentStatus.Reopened };
        return new ChangeResult(ChangeOutcome.Changed, after, Phrases.Reopened,
            new AuditEntry(now, by.Phone, "reopen", assignment.Id, assignment.DirectiveId, reason));
    }

    public static ChangeResult Extend(Assignment assignment, Official approvedBy, DateTimeOffset newDueBefore, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(approvedBy);
        if (!Access.MayApproveExtension(approvedBy))
            return new ChangeResult(ChangeOutcome.NotAllowed, assignment, Phrases.ExtensionsByAdmins);
        if (string.IsNullOrWhiteSpace(reason))
            return new ChangeResult(ChangeOutcome.Invalid, assignment, Phrases.ExtensionNeedsReason);
        if (newDueBefore <= now || (assignment.DueBefore is { } due && newDueBefore <= due))
            return new ChangeResult(ChangeOutcome.Invalid, assignment, Phrases.ExtensionMustBeLater);
        var extension = new Extension(assignment.DueBefore, newDueBefore, reason.Trim(), approvedBy.Phone, now);
        var after = assignment with { DueBefore = newDueBefore, Extensions = [.. assignment.Extensions, extension] };
        return new ChangeResult(ChangeOutcome.Changed, after, Phrases.Extended(newDueBefore),
            new AuditEntry(now, approvedBy.Phone, "extend", assignment.Id, assignment.DirectiveId,
                $"{(assignment.DueBefore is { } d ? d.ToString("O") : "-")} → {newDueBefore:O}: {reason.Trim()}"));
    }

    private static ChangeResult NotAllowed(Assignment assignment) =>
        new(ChangeOutcome.NotAllowed, assignment, Phrases.OtherUnitsWork);
}

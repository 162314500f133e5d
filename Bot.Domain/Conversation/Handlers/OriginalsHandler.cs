using Bot.Domain.Assignments;
using Bot.Domain.Desk;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// A directive's original file, sent back as a document: "gửi văn bản 1259", "bản gốc việc 3", or 📎 under a task's
/// detail. Only to the units it gives work and to the office, leaders and admins (<see cref="Access.MayHaveOriginal"/>);
/// anyone else hears the same polite refusal whether it exists or not. A directive imported as text has no file, and says so.
/// </summary>
public sealed class OriginalsHandler(IAssignmentStore assignments, DirectiveLookup directives, IOriginalFiles originals, IConversationStore memory, ShownLists lists, Reach reach)
    : IConversationHandler
{
    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Intent is not OriginalIntent asked) return null;
        if (turn.Tap is { } tap) return OfTask(turn, assignments.Get(tap.List.AssignmentIds[asked.Number!.Value - 1]), asked.Number.Value);
        if (asked.Directive is { } named) return OfDirective(turn, named);
        if (asked.Number is { } n) return OfTask(turn, lists.Numbered(turn, n), n);
        return memory.Focus(turn.Viewer.Chat) is { } focus && assignments.Get(focus) is { } shown && reach.MaySee(turn.Official, shown.UnitCode)
            ? OfTask(turn, shown, null)
            : turn.Say(Phrases.WhichOriginal);
    }

    private Reply OfDirective(Turn turn, DirectiveRef asked)
    {
        var official = turn.Official;
        var (directive, instead) = directives.Find(asked);
        if (instead is not null) return turn.Say(instead) with { Note = $"original {asked}: not found" };
        // Who is not the office or a leader sees only what their unit was given, so an answer never tells them more.
        var found = Access.ReadsEveryDirective(official)
            ? directive!.Directives()
            : [.. directive!.Work(official.UnitCode).Select(a => a.DirectiveId).Distinct(StringComparer.Ordinal)
                .Select(assignments.FindDirective).OfType<TrackedDirective>()];
        if (found.Count == 0)
        {
            return (Access.ReadsEveryDirective(official) ? turn.Say(directive.NotFound) : turn.Say(Phrases.OriginalNotForUnit(directive.Said, lists.UnitName(official.UnitCode))))
                with { Note = $"original {asked}: none for {official.Phone}" };
        }
        return Send(turn, found, null);
    }

    private Reply OfTask(Turn turn, Assignment? task, int? number)
    {
        if (task is null || !Access.MayHaveOriginal(turn.Official, [task.UnitCode]) || assignments.FindDirective(task.DirectiveId) is not { } directive)
            return Refuse(turn, number is { } n ? Phrases.NotInList(n) : Phrases.WhichOriginal) with { Note = $"original of task {number}: refused" };
        return Send(turn, [directive], turn.Tap is null ? null : Phrases.OriginalSentToast);
    }

    private Reply Send(Turn turn, IReadOnlyList<TrackedDirective> directives, string? toast)
    {
        var messages = new List<Outbound>();
        foreach (var d in directives)
        {
            var number = Wording.Directive(DirectiveName.Of(d.Directive));
            messages.Add(d.OriginalId is { } id && originals.Open(id) is { } file
                ? new Outbound(turn.Inbound.ChatId, Phrases.OriginalCaption(number, d.Directive.Subject)) { File = new OutboundFile(file.FileName, file.Content, IsPhoto: false) }
                : Outbound.Say(turn.Inbound.ChatId, Phrases.NoOriginal(number)));
        }
        var sent = messages.Count(m => m.File is not null);
        return new Reply(messages, turn.Tap is { } tap ? new TapAnswer(tap.QueryId, sent > 0 ? toast : null) : null)
            { Note = $"original: {sent} of {directives.Count} sent" };
    }

    private static Reply Refuse(Turn turn, string text) =>
        turn.Tap is { } tap ? new Reply([], new TapAnswer(tap.QueryId, text)) : turn.Say(text);
}

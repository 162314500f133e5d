using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Desk;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Time;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// The office's desk in chat: a directive file sent by the office (văn thư, theo dõi; admins too) is read into a
/// draft and answered with a review card; the office edits it (units, deadline, drop, add) and publishes it through
/// <see cref="Publication"/>, as `import --publish` does; every linked official of an assigned unit then gets one
/// new-task notice (or, for a corrected version, what changed) through the reminders' outbox. Anyone else who
/// sends a file is thanked and refused; nothing is stored.
/// </summary>
public sealed class DeskHandler(
    IDirectiveIntake intake,
    IDraftStore drafts,
    IOriginalFiles originals,
    Publication publication,
    IAssignmentStore assignments,
    UnitDirectory units,
    Buttons buttons,
    DeskPolicy policy,
    IWorkCalendar calendar,
    TimeRecognizer time,
    DirectiveReader reader) : IAsyncConversationHandler
{
    /// <summary>Tasks on one page of the review card: it stays within Telegram's 4,096 characters.</summary>
    public const int PageSize = 5;

    /// <summary>How long a question ("gõ hạn mới …") waits for its typed answer.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromMinutes(30);

    public async Task<Reply?> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent is DocumentIntent document ? await TakeAsync(turn, document.Document, cancellationToken) : Handle(turn);
    }

    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Intent is DraftIntent step) return Step(turn, step);
        if (turn.Tap is null && Awaiting(turn) is { } draft && Answers(turn.Intent, draft))
            return Typed(turn, draft);
        return null;
    }

    /// <summary>
    /// Whether a typed message answers the desk's question rather than asking something of its own: a new task's
    /// text always does; an edit is a time or unit names ("Phòng Tư pháp" reads elsewhere as that unit's list).
    /// </summary>
    private static bool Answers(Intent intent, Draft draft) =>
        draft.Awaiting is { TaskNumber: 0 }
        || intent is UnknownIntent or DueByIntent or DueSoonIntent
        || ScopeOf(intent) is { Kind: ScopeKind.Named };

    private static Scope? ScopeOf(Intent intent) => intent switch
    {
        MyTasksIntent i => i.Scope,
        OverdueIntent i => i.Scope,
        ProgressIntent i => i.Scope,
        DirectiveIntent i => i.Scope,
        _ => null,
    };

    // ---- intake --------------------------------------------------------------------------------

    private async Task<Reply> TakeAsync(Turn turn, InboundDocument document, CancellationToken cancellationToken)
    {
        var official = turn.Official;
        if (!Access.MayPublish(official))
            return turn.Say(Phrases.DeskOnly) with { Note = $"file \"{document.FileName}\" from {official.Phone} ({official.Role}) refused: not the office" };
        if (document.Size > IDirectiveIntake.MaxBytes)
            return turn.Say(Phrases.FileTooLarge((int)(IDirectiveIntake.MaxBytes / (1024 * 1024)))) with { Note = $"file \"{document.FileName}\" refused: {document.Size} bytes" };
        var taken = await intake.ReadAsync(turn.Inbound, document, cancellationToken);
        if (taken is IntakeRefused refused) return turn.Say(refused.Message) with { Note = $"file \"{document.FileName}\" refused: {refused.Why}" };
        var read = (IntakeRead)taken;
        if (!read.Read.Directive.Tasks.Any(t => t.Kind == TaskKind.Task))
            return turn.Say(Phrases.NoTaskFound) with { Note = $"file \"{document.FileName}\" refused: no task found" };
        var originalId = originals.Keep(document.FileName, read.Original);
        var draft = Drafts.Start(NewId(), official.Phone, turn.Viewer.Chat, read.Read, originalId, policy, calendar, turn.Now);
        drafts.Save(draft);
        return new Reply([Card(turn, draft, 0)]) { Note = $"draft {draft.Id} of \"{document.FileName}\": {draft.Tasks.Count} tasks" };
    }

    // ---- the card's buttons ----------------------------------------------------------------------

    private Reply Step(Turn turn, DraftIntent step)
    {
        if (drafts.Find(step.DraftId) is not { } draft || !Owns(turn, draft)) return Answer(turn, Phrases.NotYourDraft, null) with { Note = $"draft {step.DraftId} refused" };
        switch (step.Step)
        {
            case DraftStep.Page:
                return Answer(turn, null, Card(turn, draft, step.Number));
            case DraftStep.Back:
                draft = draft with { Awaiting = null };
                drafts.Save(draft);
                return Answer(turn, null, Card(turn, draft, 0));
            case DraftStep.Cancel:
                drafts.Delete(draft.Id);
                return Answer(turn, null, Outbound.Say(turn.Inbound.ChatId, Phrases.Cancelled)) with { Note = $"draft {draft.Id} cancelled" };
            case DraftStep.Drop when Drafts.Has(draft, step.Number):
                draft = Drafts.Drop(draft, step.Number);
                drafts.Save(draft);
                return Answer(turn, Phrases.Dropped(step.Number), Card(turn, draft, 0));
            case DraftStep.Edit when Drafts.Has(draft, step.Number):
                draft = draft with { Awaiting = new DraftInput(step.Number, turn.Now) };
                drafts.Save(draft);
                return Answer(turn, null, EditPrompt(turn, draft, step.Number));
            case DraftStep.Unit when draft.Awaiting is { TaskNumber: > 0 } editing && Drafts.Has(draft, editing.TaskNumber)
                                     && step.Number >= 1 && step.Number <= units.Units.Count:
                draft = Drafts.ToggleLead(draft, editing.TaskNumber, units.Units[step.Number - 1].Name) with { Awaiting = editing };
                drafts.Save(draft);
                return Answer(turn, null, EditPrompt(turn, draft, editing.TaskNumber));
            case DraftStep.Add:
                draft = draft with { Awaiting = new DraftInput(0, turn.Now) };
                drafts.Save(draft);
                return Answer(turn, null, new Outbound(turn.Inbound.ChatId, Phrases.AddPrompt) { Buttons = [[Make(turn, Phrases.BackButton, ButtonVerb.DraftBack, draft, 0)]] });
            case DraftStep.Publish:
                return Publish(turn, draft);
            default:
                return Answer(turn, Phrases.Stale, null) with { Note = $"draft {draft.Id}: {step.Step} {step.Number} refused" };
        }
    }

    private Reply Publish(Turn turn, Draft draft)
    {
        var problems = Drafts.Problems(draft, units);
        if (problems.Count > 0) return Answer(turn, Phrases.CannotPublishYet, Card(turn, draft, 0)) with { Note = $"draft {draft.Id} not published: {problems.Count} problems" };
        var related = draft.RelatedUnitCodes.Select(units.ByCode).OfType<Unit>().ToList();
        var (result, published, ids) = publication.Publish(draft.ToRead(), related, turn.Official.Phone, turn.Now);
        drafts.Delete(draft.Id);
        var announcedAt = calendar.InWorkingHours(turn.Now) ? (DateTimeOffset?)null : calendar.NextWorkingMoment(turn.Now);
        var text = Phrases.Published(Wording.Directive(DirectiveName.Of(draft.Directive)), result.Directive.Tasks.Count(t => t.Task.Kind == TaskKind.Task),
            published.Select(a => a.UnitCode).Distinct(StringComparer.OrdinalIgnoreCase).Count(), ids.Count, announcedAt, result.Correction is not null);
        if (result.Problems.Count > 0) text += Phrases.PublishProblems(string.Join("; ", result.Problems));
        return Answer(turn, Phrases.PublishedToast, Outbound.Say(turn.Inbound.ChatId, text))
            with { Note = $"draft {draft.Id} published as {result.Directive.Id} ({result.Outcome}): {result.Saved.Inserted} assignments, {ids.Count} notices" };
    }

    // ---- typed edits -----------------------------------------------------------------------------

    private Draft? Awaiting(Turn turn)
    {
        if (!Access.MayPublish(turn.Official) || string.IsNullOrWhiteSpace(turn.Inbound.Text)) return null;
        var draft = drafts.Latest(turn.Viewer.Chat);
        return draft is { Awaiting: { } asked } && Owns(turn, draft) && turn.Now - asked.Since <= AnswerWindow ? draft : null;
    }

    private Reply Typed(Turn turn, Draft draft)
    {
        var text = turn.Inbound.Text!.Trim();
        var number = draft.Awaiting!.TaskNumber;
        if (number == 0)
        {
            draft = Drafts.Add(draft, TaskOf(text, turn.Now), policy, calendar, turn.Now);
            drafts.Save(draft);
            return new Reply([Card(turn, draft, 0, Phrases.Added(draft.Tasks.Count))]);
        }
        if (!Drafts.Has(draft, number)) return turn.Say(Phrases.NotYourDraft);
        var deadline = DeadlineIn(text, turn.Now);
        var rest = deadline is null ? text : (text[..deadline.Index] + " " + text[deadline.EndIndex..]).Trim(' ', ',', ';', '.', ':', '-');
        rest = WithoutDeadlineWords(rest);
        var edited = draft;
        if (rest.Length > 0)
        {
            if (Drafts.ReadUnits(rest, units, out var unknown) is { } named) edited = Drafts.WithUnits(edited, number, named.Lead, named.Support);
            else if (deadline is null)
                return new Reply([EditPrompt(turn, draft, number, unknown is null ? Phrases.NotAnEdit : Phrases.UnknownUnit(unknown))]) { Note = $"draft {draft.Id}: edit not read" };
        }
        if (deadline is not null) edited = Drafts.WithDeadline(edited, number, deadline);
        edited = edited with { Awaiting = null };
        drafts.Save(edited);
        return new Reply([Card(turn, edited, (Drafts.ReviewOrder(edited).ToList().IndexOf(number)) / PageSize, Phrases.Edited(number))]);
    }

    /// <summary>The deadline a typed answer states, read by the time recognizer: a deadline, a repetition, or a day.</summary>
    private TimeMention? DeadlineIn(string text, DateTimeOffset now)
    {
        var found = time.Recognize(text, VietnamTime.ToLocal(now));
        return found.FirstOrDefault(m => m.Role == TimeRole.Deadline && (m.DueBefore is not null || m.Recurrence is not null))
            ?? found.FirstOrDefault(m => m.Recurrence is not null || m.End is not null);
    }

    private static string WithoutDeadlineWords(string rest)
    {
        var key = Text.VietnameseText.Key(rest);
        return key is "han" or "hoan thanh" or "bao cao" or "truoc" or "cham nhat" or "han moi" ? "" : rest;
    }

    /// <summary>A task the office typed, read as the reader reads a directive's sentence: its units and deadline, when it names them.</summary>
    private DirectiveTask TaskOf(string text, DateTimeOffset now)
    {
        var read = reader.Read(text, DateOnly.FromDateTime(VietnamTime.ToLocal(now))).Tasks.FirstOrDefault(t => t.Kind == TaskKind.Task);
        var task = read is null ? new DirectiveTask("+", TaskKind.Task, text, [], [], null, null, null) : read with { Text = text };
        if (task.Lead.Count + task.Support.Count == 0 && Drafts.ReadUnits(text, units, out _) is { } named)
            task = task with { Lead = named.Lead, Support = named.Support };
        if (task.DueBefore is null && task.Recurrence is null && DeadlineIn(text, now) is { } deadline)
            task = task with { DeadlineText = deadline.Text, DueBefore = deadline.DueBefore ?? deadline.End, Recurrence = deadline.Recurrence };
        return task;
    }

    // ---- what the office sees ----------------------------------------------------------------------

    /// <summary>The review card, one page: the header, the tasks to check first (⚠), what blocks publishing, and the buttons.</summary>
    private Outbound Card(Turn turn, Draft draft, int page, string? lead = null)
    {
        var d = draft.Directive;
        var order = Drafts.ReviewOrder(draft);
        var pages = Math.Max(1, (order.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var text = new StringBuilder();
        if (lead is not null) text.Append(lead).Append("\n\n");
        text.Append(Phrases.CardHeading(d.Number));
        text.Append(Phrases.CardHeader(d.Issuer, d.IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), d.Subject, d.Urgency));
        if (d.Review.Count > 0) text.Append(Phrases.CardHeaderDoubts(string.Join("; ", d.Review)));
        var unsure = order.Count(n => Drafts.Doubts(draft.Tasks[n - 1]).Count > 0);
        text.Append(Phrases.CardCount(draft.Tasks.Count, unsure));
        if (pages > 1) text.Append(Phrases.PageOf(page + 1, pages).TrimStart(','));
        var rows = new List<IReadOnlyList<Button>>();
        foreach (var number in order.Skip(page * PageSize).Take(PageSize))
        {
            var task = draft.Tasks[number - 1];
            var doubts = Drafts.Doubts(task);
            text.Append(CultureInfo.InvariantCulture, $"\n\n{(doubts.Count > 0 ? "⚠ " : "")}{number}. {Wording.Summary(task.Task.Text, 160)}");
            text.Append(Phrases.CardUnits(Names(task.Task.Lead), task.Task.Support.Count > 0 ? string.Join(", ", task.Task.Support) : null));
            text.Append(Phrases.CardDeadline(DeadlineOf(task.Task, turn.Now)));
            foreach (var doubt in doubts) text.Append(Phrases.CardDoubt(doubt));
            rows.Add([Make(turn, Phrases.EditButton(number), ButtonVerb.DraftEdit, draft, number), Make(turn, Phrases.DropButton(number), ButtonVerb.DraftDrop, draft, number)]);
        }
        var problems = Drafts.Problems(draft, units);
        if (problems.Count > 0) text.Append(Phrases.CardBlocked(string.Join("; ", problems)));
        if (Published(draft) is { } before)
        {
            var related = draft.RelatedUnitCodes.Select(units.ByCode).OfType<Unit>().ToList();
            var changes = Corrections.Between(before, [.. draft.Tasks.Select(t => t.Task)], units, related);
            text.Append(Phrases.CardChanges(d.Number ?? "", (before.Corrections.Count > 0 ? before.Corrections[^1].At : before.ImportedAt), [.. changes.Select(c => Phrases.CardChange(c, code => units.ByCode(code)?.Name ?? code))]));
        }
        text.Append(Phrases.CardFooter);
        var paging = new List<Button>();
        if (page > 0) paging.Add(Make(turn, Phrases.PreviousPageButton, ButtonVerb.DraftPage, draft, page - 1));
        if (page + 1 < pages) paging.Add(Make(turn, Phrases.MoreButton, ButtonVerb.DraftPage, draft, page + 1));
        if (paging.Count > 0) rows.Add(paging);
        rows.Add([Make(turn, Phrases.AddTaskButton, ButtonVerb.DraftAdd, draft, 0)]);
        rows.Add([Make(turn, Phrases.PublishButton, ButtonVerb.DraftPublish, draft, 0), Make(turn, Phrases.CancelButton, ButtonVerb.DraftCancel, draft, 0)]);
        return new Outbound(turn.Inbound.ChatId, text.ToString()) { Buttons = rows };
    }

    /// <summary>One task to edit: what it says now, how to answer, and the directory's units to tap (✓ marks the lead).</summary>
    private Outbound EditPrompt(Turn turn, Draft draft, int number, string? problem = null)
    {
        var task = draft.Tasks[number - 1].Task;
        var text = Phrases.EditPrompt(number, Wording.Summary(task.Text, 300), Names(task.Lead), DeadlineOf(task, turn.Now));
        if (problem is not null) text = problem + "\n\n" + text;
        var rows = new List<IReadOnlyList<Button>>();
        var row = new List<Button>();
        for (var i = 0; i < units.Units.Count; i++)
        {
            var unit = units.Units[i];
            row.Add(Make(turn, (task.Lead.Contains(unit.Name, StringComparer.Ordinal) ? "✓ " : "") + unit.Name, ButtonVerb.DraftUnit, draft, i + 1));
            if (row.Count == 2)
            {
                rows.Add(row);
                row = [];
            }
        }
        if (row.Count > 0) rows.Add(row);
        rows.Add([Make(turn, Phrases.BackButton, ButtonVerb.DraftBack, draft, 0)]);
        return new Outbound(turn.Inbound.ChatId, text) { Buttons = rows, EditMessageId = turn.Tap?.MessageId };
    }

    private static string Names(IReadOnlyList<string> names) => names.Count > 0 ? string.Join(", ", names) : Phrases.NoUnits;

    private static string DeadlineOf(DirectiveTask task, DateTimeOffset now) =>
        (task.DueBefore is { } due ? Wording.DueInFull(due) : task.Recurrence is null ? Wording.Deadline(null, false, now) : "")
        + Wording.Repeats(task.Recurrence) + (task.DeadlineText is { Length: > 0 } phrase ? $" — «{phrase}»" : "");

    private TrackedDirective? Published(Draft draft)
    {
        var before = assignments.FindDirective(TrackedDirective.IdOf(draft.Directive, TrackedDirective.HashOf(draft.Text)));
        return before is { Published: true } ? before : null;
    }

    /// <summary>A tap's answer: the toast, and the message it was under edited (or a new one for typed text).</summary>
    private static Reply Answer(Turn turn, string? toast, Outbound? message)
    {
        var edited = message is { EditMessageId: null } && turn.Tap?.MessageId is { } id ? message with { EditMessageId = id } : message;
        return new Reply(edited is null ? [] : [edited], turn.Tap is { } tap ? new TapAnswer(tap.QueryId, toast) : null);
    }

    private Button Make(Turn turn, string text, ButtonVerb verb, Draft draft, int number) =>
        buttons.Make(text, new ButtonAction(verb, draft.Id, number), turn.Viewer, turn.Now);

    /// <summary>The sender, in the chat the card is in; an admin may act on another's draft in their own chat only.</summary>
    private static bool Owns(Turn turn, Draft draft) =>
        draft.Chat == turn.Viewer.Chat && (draft.OwnerPhone == turn.Official.Phone || turn.Official.Role == Role.Admin) && Access.MayPublish(turn.Official);

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
}

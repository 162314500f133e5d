using System.Security.Cryptography;
using Bot.Domain.Assignments;
using Bot.Domain.Extensions;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Text;
using Bot.Domain.Time;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// Extension requests (xin gia hạn), from the first words to the decision. An official asks for one of their
/// unit's tasks ("xin gia hạn việc 2 đến 30/11 vì …", or ⏳ under a task); what is missing — the date, the
/// reason — is asked for, a turn at a time, until it is said or «hủy» (or it lapses). The request then goes
/// to the approvers (<see cref="ExtensionPolicy"/>) through the reminders' outbox, with ✅ / ✖️ / 📅 buttons;
/// approving moves the deadline in the store (audited; the reminders follow the new deadline), refusing asks
/// for the reason; either way the official is told. A task has one open request at a time.
/// </summary>
public sealed class ExtensionHandler(
    IExtensionRequests requests,
    IAssignmentStore assignments,
    IDirectoryStore directory,
    IConversationStore memory,
    ShownLists lists,
    INudgeOutbox outbox,
    IOutboxDispatch dispatch,
    ExtensionPolicy policy,
    TimeRecognizer time) : IConversationHandler
{
    private static readonly string[] CancelWords = ["huy", "thoi", "huy bo", "bo qua", "khong gui", "thoi khong", "cancel", "khong"];

    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Intent is ExtensionIntent ask) return Start(turn, ask);
        if (turn.Intent is ExtensionDecisionIntent decision) return Decide(turn, decision);
        if (turn.Tap is not null || turn.Inbound.Text is not { } text) return null;
        if (requests.AnsweringIn(turn.Viewer.Chat) is { } answering && turn.Now - answering.AnsweringSince < ExtensionRules.DraftingWindow)
            return ApproverTyped(turn, answering, text);
        if (requests.DraftingIn(turn.Viewer.Chat) is { } drafting && ExtensionRules.StillDrafting(drafting, turn.Now))
            return Continue(turn, drafting, text);
        return null;
    }

    // ---- the official ---------------------------------------------------------------------------

    private Reply Start(Turn turn, ExtensionIntent ask)
    {
        var (assignment, number) = Which(turn, ask.Number);
        if (assignment is null) return turn.Say(ask.Number is { } n ? Phrases.NotInList(n) : Phrases.ExtensionWhichTask);
        if (!Access.MayChange(turn.Official, assignment.UnitCode)) return turn.Say(Phrases.OtherUnitsWork) with { Note = "extension of another unit's task" };
        if (assignment.IsDone) return turn.Say(Phrases.ExtensionOfDoneTask);
        if (requests.DraftingIn(turn.Viewer.Chat) is { } earlier) Cancel(earlier); // a new request replaces one half-said here
        if (requests.OpenOf(assignment.Id) is { } open)
        {
            if (open.State == ExtensionState.Asked) return turn.Say(Phrases.ExtensionAlreadyAsked(open.AskedAt!.Value, open.AskedDue));
            if (ExtensionRules.StillDrafting(open, turn.Now) && open.ByPhone != turn.Official.Phone) return turn.Say(Phrases.ExtensionBeingDrafted(open.ByName));
            Cancel(open);
        }
        var request = new ExtensionRequest
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)),
            AssignmentId = assignment.Id,
            Number = requests.CountOf(assignment.Id) + 1,
            ByPhone = turn.Official.Phone,
            ByName = turn.Official.Name,
            Chat = turn.Viewer.Chat,
            StartedAt = turn.Now,
            TouchedAt = turn.Now,
            CurrentDue = assignment.DueBefore,
            Reason = ask.Reason,
        };
        if (!requests.TryOpen(request)) return turn.Say(Phrases.ExtensionAlreadyAsked(turn.Now, null));
        if (ask.Until is { } until)
        {
            if (!ExtensionRules.Later(until, assignment.DueBefore, turn.Now)) return Saved(turn, request, Phrases.ExtensionNotLater(assignment.DueBefore));
            request = request with { AskedDue = until };
        }
        return Advance(turn, request, assignment, number);
    }

    /// <summary>The task asked about: a tap's, the numbered one of the last list, or the one just shown.</summary>
    private (Assignment? Assignment, int? Number) Which(Turn turn, int? number)
    {
        if (turn.Tap is { } tap && number is { } tapped) return (assignments.Get(tap.List.AssignmentIds[tapped - 1]), tapped);
        if (number is { } n) return (lists.Numbered(turn, n), n);
        var focus = memory.Focus(turn.Viewer.Chat);
        if (focus is null) return (null, null);
        var index = lists.Last(turn)?.AssignmentIds.ToList().IndexOf(focus) ?? -1;
        return (assignments.Get(focus), index >= 0 ? index + 1 : null);
    }

    /// <summary>Asks for what is still missing, or sends the request when all is said.</summary>
    private Reply Advance(Turn turn, ExtensionRequest request, Assignment assignment, int? number)
    {
        if (request.AskedDue is null) return Saved(turn, request, Phrases.ExtensionAskDate(number, Wording.Summary(assignment.TaskText, 120), assignment.DueBefore));
        if (request.Reason is null) return Saved(turn, request, Phrases.ExtensionAskReason(request.AskedDue.Value));
        var approvers = policy.Of(directory.All()).Where(o => o.ChatAccounts.Count > 0 && o.Phone != request.ByPhone).ToList();
        if (approvers.Count == 0)
        {
            Cancel(request);
            return turn.Say(Phrases.ExtensionNoApprover) with { Note = "extension: no approver linked" };
        }
        var asked = request with { State = ExtensionState.Asked, AskedAt = turn.Now, TouchedAt = turn.Now, CurrentDue = assignment.DueBefore };
        if (!requests.TryUpdate(asked, ExtensionState.Drafting)) return turn.Say(Phrases.ExtensionWithdrawn);
        Notify(approvers.Select(o => o.Phone), asked, NudgeKind.ExtensionAsked, assignment.DueBefore ?? asked.AskedDue!.Value, turn.Now);
        var whom = approvers.All(o => o.Role == Role.DistrictLeader) ? Phrases.ApproversLeaders : Phrases.ApproversOffice;
        return turn.Say(Phrases.ExtensionSent(asked.AskedDue!.Value, whom)) with { Note = $"extension {asked.Id} asked" };
    }

    /// <summary>A typed answer while a request is being drafted in this chat.</summary>
    private Reply? Continue(Turn turn, ExtensionRequest request, string text)
    {
        if (IsCancel(text))
        {
            Cancel(request);
            return turn.Say(Phrases.ExtensionCancelled) with { Note = "extension cancelled" };
        }
        if (assignments.Get(request.AssignmentId) is not { IsDone: false } assignment)
        {
            Cancel(request);
            return null;
        }
        request = request with { TouchedAt = turn.Now };
        if (request.AskedDue is null)
        {
            var normalized = VietnameseText.Normalize(text).Trim();
            var due = time.Recognize(normalized, VietnamTime.ToLocal(turn.Now))
                .Select(m => m.DueBefore ?? m.End ?? m.Start?.AddDays(1)).FirstOrDefault(d => d is not null);
            // Not a date, and a question of its own ("việc của tôi"): that one is answered; the request waits.
            if (due is null) return turn.Intent is UnknownIntent ? Saved(turn, request, Phrases.ExtensionNoDate) : null;
            if (!ExtensionRules.Later(due.Value, assignment.DueBefore, turn.Now)) return Saved(turn, request, Phrases.ExtensionNotLater(assignment.DueBefore));
            request = request with { AskedDue = due, Reason = request.Reason ?? TurnReader.ReasonOf(normalized, VietnameseText.Fold(normalized)) };
            return Advance(turn, request, assignment, null);
        }
        var reason = Reason(text);
        if (reason is null) return Saved(turn, request, Phrases.ExtensionNoReason);
        return Advance(turn, request with { Reason = reason }, assignment, null);
    }

    private Reply Saved(Turn turn, ExtensionRequest request, string question)
    {
        requests.TryUpdate(request with { TouchedAt = turn.Now }, ExtensionState.Drafting);
        return turn.Say(question);
    }

    private void Cancel(ExtensionRequest request) => requests.TryUpdate(request with { State = ExtensionState.Cancelled }, request.State);

    // ---- the approver ---------------------------------------------------------------------------

    private Reply Decide(Turn turn, ExtensionDecisionIntent decision)
    {
        if (requests.Get(decision.RequestId) is not { } request) return turn.Toast(Phrases.Stale) with { Note = "unknown extension request" };
        if (!policy.MayDecide(turn.Official))
            return turn.Toast(Phrases.ExtensionNotYours) with { Note = $"extension {request.Id}: {turn.Official.Phone} may not decide" };
        if (request.State != ExtensionState.Asked) return turn.Toast(Decided(request)) with { Note = $"extension {request.Id} already {request.State}" };
        switch (decision.Decision)
        {
            case ExtensionDecision.Approve:
                return Grant(turn, request, request.AskedDue!.Value);
            default:
                var answering = request with
                {
                    AnsweringChat = turn.Viewer.Chat,
                    AnsweringPhone = turn.Official.Phone,
                    Answering = decision.Decision == ExtensionDecision.Reject ? ExtensionAnswer.RejectReason : ExtensionAnswer.OtherDate,
                    AnsweringSince = turn.Now,
                };
                if (!requests.TryUpdate(answering, ExtensionState.Asked)) return turn.Toast(Phrases.ExtensionWithdrawn);
                var question = decision.Decision == ExtensionDecision.Reject ? Phrases.ExtensionAskRejectReason : Phrases.ExtensionAskOtherDate(request.AskedDue!.Value);
                return new Reply([Outbound.Say(turn.Inbound.ChatId, question)], new TapAnswer(turn.Tap?.QueryId ?? "", null));
        }
    }

    private Reply ApproverTyped(Turn turn, ExtensionRequest request, string text)
    {
        var cleared = request with { AnsweringChat = null, AnsweringPhone = null, Answering = null, AnsweringSince = null };
        if (request.State != ExtensionState.Asked || request.AnsweringPhone != turn.Official.Phone || !policy.MayDecide(turn.Official))
        {
            requests.TryUpdate(cleared, request.State);
            return turn.Say(Decided(request));
        }
        if (IsCancel(text))
        {
            requests.TryUpdate(cleared, ExtensionState.Asked);
            return turn.Say(Phrases.ExtensionAnswerDropped);
        }
        if (request.Answering == ExtensionAnswer.OtherDate)
        {
            var due = time.Recognize(VietnameseText.Normalize(text).Trim(), VietnamTime.ToLocal(turn.Now))
                .Select(m => m.DueBefore ?? m.End ?? m.Start?.AddDays(1)).FirstOrDefault(d => d is not null);
            var current = assignments.Get(request.AssignmentId)?.DueBefore;
            if (due is null) return turn.Say(Phrases.ExtensionNoDate);
            if (!ExtensionRules.Later(due.Value, current, turn.Now)) return turn.Say(Phrases.ExtensionNotLater(current));
            return Grant(turn, cleared, due.Value);
        }
        var reason = Reason(text);
        if (reason is null) return turn.Say(Phrases.ExtensionNoReason);
        var rejected = cleared with
        {
            State = ExtensionState.Rejected, Answer = reason, DecidedAt = turn.Now, DecidedByPhone = turn.Official.Phone, DecidedByName = turn.Official.Name,
        };
        if (!requests.TryUpdate(rejected, ExtensionState.Asked)) return turn.Say(Decided(requests.Get(request.Id) ?? request));
        var assignment = assignments.Get(request.AssignmentId);
        Notify([request.ByPhone], rejected, NudgeKind.ExtensionDecided, assignment?.DueBefore ?? request.AskedDue!.Value, turn.Now);
        return turn.Say(Phrases.ExtensionRejected(Wording.Summary(assignment?.TaskText ?? "", 80))) with { Note = $"extension {request.Id} rejected" };
    }

    /// <summary>Moves the deadline (the store checks the approver again and audits it), then tells the official.</summary>
    private Reply Grant(Turn turn, ExtensionRequest request, DateTimeOffset due)
    {
        var approved = request with
        {
            State = ExtensionState.Approved, GrantedDue = due, DecidedAt = turn.Now, DecidedByPhone = turn.Official.Phone, DecidedByName = turn.Official.Name,
            AnsweringChat = null, AnsweringPhone = null, Answering = null, AnsweringSince = null,
        };
        if (!requests.TryUpdate(approved, ExtensionState.Asked)) return Answer(turn, Decided(requests.Get(request.Id) ?? request));
        var result = assignments.Extend(request.AssignmentId, turn.Official, due, request.Reason ?? "");
        if (!result.Changed)
        {
            requests.TryUpdate(request, ExtensionState.Approved); // nothing moved: the request waits again
            return Answer(turn, result.Message) with { Note = $"extension {request.Id} not applied: {result.Outcome}" };
        }
        Notify([request.ByPhone], approved, NudgeKind.ExtensionDecided, due, turn.Now);
        var task = Wording.Summary(result.Assignment!.TaskText, 80);
        if (turn.Tap is { MessageId: { } card } tap)
            return new Reply([new Outbound(turn.Inbound.ChatId, Phrases.ExtensionApproved(task, due)) { EditMessageId = card }], new TapAnswer(tap.QueryId, Phrases.ApprovedToast))
                { Note = $"extension {request.Id} approved" };
        return turn.Say(Phrases.ExtensionApproved(task, due)) with { Note = $"extension {request.Id} approved" };
    }

    private static Reply Answer(Turn turn, string text) => turn.Tap is not null ? turn.Toast(text) : turn.Say(text);

    private static string Decided(ExtensionRequest request) => request.State is ExtensionState.Approved or ExtensionState.Rejected
        ? Phrases.ExtensionAlreadyDecided(request.DecidedByName, request.DecidedAt, request.State == ExtensionState.Approved)
        : Phrases.ExtensionWithdrawn;

    /// <summary>Messages about a request, through the reminders' outbox: recorded first, delivered in working hours, never twice.</summary>
    private void Notify(IEnumerable<string> phones, ExtensionRequest request, NudgeKind kind, DateTimeOffset due, DateTimeOffset now)
    {
        var plan = new NudgePlan([.. phones.Select(p => new NudgeBundle(p, [new Nudge(request.AssignmentId, p, kind, request.Number, due, now)]))], []);
        dispatch.Dispatch(outbox.Record(plan, now));
    }

    private static bool IsCancel(string text)
    {
        var folded = Typing.Fold(VietnameseText.Fold(VietnameseText.Normalize(text))).Trim(' ', '.', '!', ',');
        return CancelWords.Contains(folded, StringComparer.Ordinal);
    }

    private static string? Reason(string text)
    {
        var normalized = VietnameseText.Normalize(text).Trim();
        var reason = TurnReader.ReasonOf(normalized, VietnameseText.Fold(normalized)) ?? normalized.Trim(' ', '.', ',');
        return reason.Count(char.IsLetter) >= 3 ? (reason.Length > 500 ? reason[..500] : reason) : null;
    }
}

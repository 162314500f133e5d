using Bot.Domain.Assignments;
using Bot.Domain.Extensions;
using Bot.Domain.Organization;
using Bot.Domain.Reminders;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// What the outbox says about an extension request when its turn comes, rendered from the store as it is
/// then: the approver's card (✅ / ✖️ / 📅, signed for them; null once someone decided), its reminder, and
/// the decision told to the official who asked.
/// </summary>
public sealed class ExtensionMessages(IExtensionRequests requests, IAssignmentStore assignments, UnitDirectory units, Buttons buttons, TimeProvider clock)
{
    public static bool IsAbout(NudgeKind kind) => kind is NudgeKind.ExtensionAsked or NudgeKind.ExtensionReminder or NudgeKind.ExtensionDecided;

    public Outbound? Render(Official official, ChatAccount account, Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(nudge);
        var request = requests.OfAssignment(nudge.AssignmentId).FirstOrDefault(r => r.Number == nudge.Step);
        if (request is null || assignments.Get(nudge.AssignmentId) is not { } assignment) return null;
        var task = Wording.Summary(assignment.TaskText, 120);
        if (nudge.Kind == NudgeKind.ExtensionDecided)
        {
            return request.State switch
            {
                ExtensionState.Approved => Outbound.Say(account.UserId,
                    Phrases.ExtensionGranted(task, request.GrantedDue!.Value, request.DecidedByName ?? "", request.GrantedDue != request.AskedDue)),
                ExtensionState.Rejected => Outbound.Say(account.UserId, Phrases.ExtensionRefused(task, request.DecidedByName ?? "", request.Answer)),
                _ => null,
            };
        }
        if (request.State != ExtensionState.Asked) return null; // decided meanwhile: nothing to ask
        var now = clock.GetUtcNow();
        var viewer = new Viewer(official, account, account.UserId);
        return new Outbound(account.UserId, Card(request, assignment, nudge.Kind == NudgeKind.ExtensionReminder))
        {
            Buttons =
            [
                [Button(Phrases.ApproveButton, ButtonVerb.ExtensionApprove), Button(Phrases.RejectButton, ButtonVerb.ExtensionReject)],
                [Button(Phrases.OtherDateButton, ButtonVerb.ExtensionOtherDate)],
            ],
        };

        Button Button(string text, ButtonVerb verb) => buttons.Make(text, new ButtonAction(verb, request.Id, 0), viewer, now);
    }

    private string Card(ExtensionRequest request, Assignment assignment, bool reminder) =>
        Phrases.ExtensionCard(reminder, units.ByCode(assignment.UnitCode)?.Name ?? assignment.UnitCode, request.ByName, Wording.Summary(assignment.TaskText, 160),
            Wording.Source(assignment.DirectiveName), request.CurrentDue, request.AskedDue!.Value, request.Reason ?? "", request.AskedAt!.Value);
}

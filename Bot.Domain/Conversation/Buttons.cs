namespace Bot.Domain.Conversation;

/// <summary>
/// Buttons as people get them and tap them: each is signed for the person it is shown to
/// (<see cref="ButtonSigner"/>), and a tap is trusted only when its signature holds, its action is
/// known, its list is kept and was shown in this chat, and its task number is in that list.
/// </summary>
public sealed class Buttons(ButtonSigner signer, IConversationStore memory)
{
    public Button Make(string text, ButtonAction action, Viewer viewer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(viewer);
        return new Button(text, signer.Sign(action.Action, action.Argument, viewer.Account.UserId, now));
    }

    /// <summary>The tap as a trusted action, or null for anything forged, foreign, stale or malformed.</summary>
    public TappedButton? Read(Inbound inbound, ButtonTap tap)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(tap);
        if (!signer.TryRead(tap.Data, inbound.UserId, out var command) || !ButtonAction.TryRead(command, out var action)) return null;
        var chat = $"{inbound.Channel}:{inbound.ChatId}";
        // A draft's button names the draft, not a list: the desk checks the draft is this person's.
        if (!action.OnList) return new TappedButton(action, new TaskList(action.ListId, chat, "", [], command.IssuedAt), command.IssuedAt, tap.MessageId, tap.QueryId ?? "");
        if (memory.GetList(action.ListId) is not { } list || list.Chat != chat) return null;
        if (action.OnTask && (action.Number < 1 || action.Number > list.AssignmentIds.Count)) return null;
        return new TappedButton(action, list, command.IssuedAt, tap.MessageId, tap.QueryId ?? "");
    }
}

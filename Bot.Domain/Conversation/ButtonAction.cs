using System.Globalization;

namespace Bot.Domain.Conversation;

/// <summary>What a button of a shown list does.</summary>
public enum ButtonVerb
{
    Done,
    Undo,
    More,
    Snooze,

    // The office's desk: on a draft (the list id is the draft's id), not on a shown list.
    DraftPublish,
    DraftCancel,
    DraftEdit,
    DraftDrop,
    DraftPage,
    DraftAdd,
    DraftUnit,
    DraftBack,

    /// <summary>"⏳ Xin gia hạn" on a task of a shown list.</summary>
    Extend,

    /// <summary>"📎 Xem minh chứng" on a task of a shown list: its evidence files.</summary>
    Evidence,

    // An approver on an extension request (the list id is the request's id).
    ExtensionApprove,
    ExtensionReject,
    ExtensionOtherDate,

    /// <summary>"📎 Văn bản gốc" under a task's detail: the directive's original file.</summary>
    Original,
}

/// <summary>
/// A button's action, typed: a verb on the n-th task (or, for <see cref="ButtonVerb.More"/>, the
/// n-th page) of a shown list. A tap reads back into the same <see cref="Intent"/> as the words a
/// person would type, so one handler answers both. On the wire (inside <see cref="ButtonSigner"/>'s
/// signed data) it is a letter and "list-number", as buttons already sent carry it.
/// </summary>
public sealed record ButtonAction(ButtonVerb Verb, string ListId, int Number)
{
    // The wire letters. A new verb adds a letter here and the intent it means below.
    private static readonly Dictionary<ButtonVerb, string> Letters = new()
    {
        [ButtonVerb.Done] = "d",
        [ButtonVerb.Undo] = "u",
        [ButtonVerb.More] = "m",
        [ButtonVerb.Snooze] = "s",
        [ButtonVerb.DraftPublish] = "p",
        [ButtonVerb.DraftCancel] = "c",
        [ButtonVerb.DraftEdit] = "e",
        [ButtonVerb.DraftDrop] = "r",
        [ButtonVerb.DraftPage] = "g",
        [ButtonVerb.DraftAdd] = "a",
        [ButtonVerb.DraftUnit] = "n",
        [ButtonVerb.DraftBack] = "b",
        [ButtonVerb.Extend] = "x",
        [ButtonVerb.Evidence] = "f",
        [ButtonVerb.ExtensionApprove] = "y",
        [ButtonVerb.ExtensionReject] = "k",
        [ButtonVerb.ExtensionOtherDate] = "o",
        [ButtonVerb.Original] = "v", // văn bản
    };

    private static readonly Dictionary<string, ButtonVerb> Verbs = Letters.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>What the tap asks, as typed text would ask it.</summary>
    public Intent Intent => Verb switch
    {
        ButtonVerb.Done => new DoneIntent(Number),
        ButtonVerb.Undo => new UndoIntent(Number),
        ButtonVerb.More => new MoreIntent(Number),
        ButtonVerb.Snooze => new SnoozeIntent(Number),
        ButtonVerb.DraftPublish => new DraftIntent(DraftStep.Publish, ListId, Number),
        ButtonVerb.DraftCancel => new DraftIntent(DraftStep.Cancel, ListId, Number),
        ButtonVerb.DraftEdit => new DraftIntent(DraftStep.Edit, ListId, Number),
        ButtonVerb.DraftDrop => new DraftIntent(DraftStep.Drop, ListId, Number),
        ButtonVerb.DraftPage => new DraftIntent(DraftStep.Page, ListId, Number),
        ButtonVerb.DraftAdd => new DraftIntent(DraftStep.Add, ListId, Number),
        ButtonVerb.DraftUnit => new DraftIntent(DraftStep.Unit, ListId, Number),
        ButtonVerb.DraftBack => new DraftIntent(DraftStep.Back, ListId, Number),
        ButtonVerb.Extend => new ExtensionIntent(Number),
        ButtonVerb.Evidence => new EvidenceIntent(Number),
        ButtonVerb.ExtensionApprove => new ExtensionDecisionIntent(ExtensionDecision.Approve, ListId),
        ButtonVerb.ExtensionReject => new ExtensionDecisionIntent(ExtensionDecision.Reject, ListId),
        ButtonVerb.ExtensionOtherDate => new ExtensionDecisionIntent(ExtensionDecision.OtherDate, ListId),
        ButtonVerb.Original => new OriginalIntent(null, Number),
        _ => new UnknownIntent(),
    };

    /// <summary>Whether the action is on a shown list (its id is a list's); a draft's actions are on the draft, which its handler checks.</summary>
    public bool OnList => Verb is ButtonVerb.Done or ButtonVerb.Undo or ButtonVerb.More or ButtonVerb.Snooze or ButtonVerb.Extend or ButtonVerb.Evidence or ButtonVerb.Original;

    /// <summary>Whether <see cref="Number"/> names a task of the list (rather than a page).</summary>
    public bool OnTask => Verb is ButtonVerb.Done or ButtonVerb.Undo or ButtonVerb.Snooze or ButtonVerb.Extend or ButtonVerb.Evidence or ButtonVerb.Original;

    internal string Action => Letters[Verb];

    internal string Argument => $"{ListId}-{Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The action of signed data read back; false for a verb or argument this version does not know.</summary>
    public static bool TryRead(ButtonCommand command, out ButtonAction action)
    {
        ArgumentNullException.ThrowIfNull(command);
        action = null!;
        var dash = command.Argument.LastIndexOf('-');
        if (!Verbs.TryGetValue(command.Action, out var verb) || dash <= 0
            || !int.TryParse(command.Argument.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return false;
        action = new ButtonAction(verb, command.Argument[..dash], number);
        return true;
    }
}

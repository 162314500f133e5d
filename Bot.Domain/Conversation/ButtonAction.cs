using System.Globalization;

namespace Bot.Domain.Conversation;

/// <summary>What a button of a shown list does.</summary>
public enum ButtonVerb
{
    Done,
    Undo,
    More,
    Snooze,
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
    };

    private static readonly Dictionary<string, ButtonVerb> Verbs = Letters.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>What the tap asks, as typed text would ask it.</summary>
    public Intent Intent => Verb switch
    {
        ButtonVerb.Done => new DoneIntent(Number),
        ButtonVerb.Undo => new UndoIntent(Number),
        ButtonVerb.More => new MoreIntent(Number),
        ButtonVerb.Snooze => new SnoozeIntent(Number),
        _ => new UnknownIntent(),
    };

    /// <summary>Whether <see cref="Number"/> names a task of the list (rather than a page).</summary>
    public bool OnTask => Verb != ButtonVerb.More;

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

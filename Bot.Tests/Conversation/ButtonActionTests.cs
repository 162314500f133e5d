using System.Text;
using Bot.Domain.Conversation;

namespace Bot.Tests.Conversation;

/// <summary>A button's action is typed, keeps the wire form buttons already sent carry, and reads into the intents typed text gives.</summary>
public class ButtonActionTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly ButtonSigner _signer = new(Encoding.UTF8.GetBytes("a test key of at least sixteen bytes"));

    public static TheoryData<ButtonVerb, string> Verbs() => new()
    {
        { ButtonVerb.Done, "d" }, { ButtonVerb.Undo, "u" }, { ButtonVerb.More, "m" }, { ButtonVerb.Snooze, "s" },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void An_action_goes_through_the_signer_and_back_in_the_wire_form_of_earlier_buttons(ButtonVerb verb, string letter)
    {
        var action = new ButtonAction(verb, "a1b2c3d4e5", 7);
        var data = _signer.Sign(action.Action, action.Argument, "501", Now);
        Assert.StartsWith($"{letter}.a1b2c3d4e5-7.", data, StringComparison.Ordinal);
        Assert.True(_signer.TryRead(data, "501", out var command));
        Assert.True(ButtonAction.TryRead(command, out var back));
        Assert.Equal(action, back);
    }

    [Theory]
    [InlineData("xong việc 3", ButtonVerb.Done)]
    [InlineData("nhắc lại sau việc 3", ButtonVerb.Snooze)]
    [InlineData("xin gia hạn việc 3", ButtonVerb.Extend)]
    public void A_tap_means_what_the_same_words_typed_mean(string typed, ButtonVerb verb) =>
        Assert.Equal(IntentReader.Read(typed), new ButtonAction(verb, "l1", 3).Intent);

    [Theory]
    [InlineData("hoàn tác", ButtonVerb.Undo)]
    [InlineData("xem thêm", ButtonVerb.More)]
    public void A_tap_is_the_same_intent_as_the_words_and_names_its_task_or_page(string typed, ButtonVerb verb)
    {
        var tapped = new ButtonAction(verb, "l1", 2).Intent;
        Assert.Equal(IntentReader.Read(typed).GetType(), tapped.GetType());
        Assert.Equal(tapped, verb == ButtonVerb.Undo ? new UndoIntent(2) : new MoreIntent(2));
    }

    [Theory]
    [InlineData("z", "l1-3")]  // a verb this version does not know
    [InlineData("d", "l1")]    // no number
    [InlineData("d", "-3")]    // no list
    [InlineData("d", "l1-x")]
    public void Unknown_or_malformed_actions_are_not_read(string action, string argument) =>
        Assert.False(ButtonAction.TryRead(new ButtonCommand(action, argument, Now), out _));
}

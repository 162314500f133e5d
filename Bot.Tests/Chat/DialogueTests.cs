using System.Globalization;
using System.Text.Json;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;

namespace Bot.Tests.Chat;

/// <summary>
/// Conversations written as data (Specs/Conversation/Dialogues.json): what a person types, taps or
/// shares, and fragments the bot's reply must (or must not) contain. Each runs on a fresh copy of
/// the demo's store, on a fake clock that starts at 20/10/2023 08:00 (or "at") and that a turn can move
/// ("advance": "00:11:00"); a turn can
/// run the reminders ("remind": true) so the next one taps a button of the reminder it got.
/// </summary>
public class DialogueTests
{
    public sealed record Turn(
        string? Say, string? Tap, string? Contact, bool Own = true, string? Toast = null, string[]? Expect = null, string[]? Absent = null,
        string? Advance = null, bool Remind = false, bool Digest = false);

    public sealed record Dialogue(string Name, string? As, Turn[] Turns, string? At = null)
    {
        public override string ToString() => Name;
    }

    private const string Channel = "test";
    private const string User = "tester";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<Dialogue> Dialogues()
    {
        var json = File.ReadAllText(SpecFile.PathOf("Conversation/Dialogues.json"));
        var data = new TheoryData<Dialogue>();
        foreach (var d in JsonSerializer.Deserialize<Dialogue[]>(json, Json)!) data.Add(d);
        return data;
    }

    [Theory]
    [MemberData(nameof(Dialogues))]
    public void Dialogue_goes_as_written(Dialogue dialogue)
    {
        using var world = BotWorld.Create(Channel, dialogue.At is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null);
        using var bot = world.Open();
        var screen = new Screen();
        if (dialogue.As is { } phone) bot.Link(phone, new ChatAccount(Channel, User));
        foreach (var (turn, index) in dialogue.Turns.Select((t, i) => (t, i + 1)))
        {
            if (turn.Advance is { } advance) world.Clock.Advance(TimeSpan.Parse(advance, CultureInfo.InvariantCulture));
            Reply reply;
            if (turn.Remind || turn.Digest)
            {
                var before = world.Channel.Sent.Count;
                bot.Remind(digests: turn.Digest);
                reply = new Reply([.. world.Channel.Sent.Skip(before).Where(m => m.ChatId == User).Select(m => m with { EditMessageId = null })]);
            }
            else
            {
                var inbound = new Inbound(Channel, User, User);
                if (turn.Say is not null) inbound = inbound with { Text = turn.Say };
                if (turn.Contact is not null) inbound = inbound with { Contact = new SharedContact(turn.Contact, turn.Own) };
                if (turn.Tap is not null)
                {
                    var (messageId, data) = screen.Find(turn.Tap) ?? throw new Xunit.Sdk.XunitException($"Turn {index}: no button «{turn.Tap}» on screen.");
                    inbound = inbound with { Tap = new ButtonTap(data, messageId, "q" + index) };
                }
                reply = bot.Handle(inbound);
            }
            var shown = screen.Show(reply);
            if (turn.Toast is not null) Assert.Contains(turn.Toast, reply.Answer?.Text ?? "", StringComparison.Ordinal);
            foreach (var part in turn.Expect ?? [])
                Assert.True(shown.Contains(part, StringComparison.Ordinal), $"{dialogue.Name}, turn {index}: expected «{part}» in:\n{shown}\n(toast: {reply.Answer?.Text})");
            foreach (var part in turn.Absent ?? [])
                Assert.False(shown.Contains(part, StringComparison.Ordinal), $"{dialogue.Name}, turn {index}: «{part}» should not be in:\n{shown}");
        }
    }

    /// <summary>What a chat shows: messages by id, edits applied, buttons findable by their text.</summary>
    private sealed class Screen
    {
        private readonly Dictionary<string, Outbound> _messages = [];
        private int _next;

        public string Show(Reply reply)
        {
            var shown = new List<string>();
            foreach (var m in reply.Messages)
            {
                var id = m.EditMessageId ?? (++_next).ToString(CultureInfo.InvariantCulture);
                _messages[id] = m;
                shown.Add(m.Text + "\n" + string.Join(" ", m.Buttons.SelectMany(r => r).Select(b => $"[{b.Text}]")));
            }
            return string.Join("\n----\n", shown);
        }

        public (string MessageId, string Data)? Find(string buttonText)
        {
            foreach (var (id, m) in _messages.OrderByDescending(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture)))
            {
                var button = m.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Text == buttonText);
                if (button is not null) return (id, button.Data);
            }
            return null;
        }
    }
}

using System.Text.Json;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;

namespace Bot.Tests.Chat;

/// <summary>
/// Conversations written as data (Specs/Conversation/Dialogues.json): what a person types, taps or
/// shares, and fragments the bot's reply must (or must not) contain. Each runs on a fresh store.
/// </summary>
public class DialogueTests
{
    public sealed record Turn(string? Say, string? Tap, string? Contact, bool Own = true, string? Toast = null, string[]? Expect = null, string[]? Absent = null);

    public sealed record Dialogue(string Name, string? As, Turn[] Turns)
    {
        public override string ToString() => Name;
    }

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
        using var world = BotWorld.Create();
        using var app = world.Open();
        var screen = new Screen();
        const string user = "tester";
        if (dialogue.As is { } phone)
        {
            var official = app.Store.Directory.ByPhone(phone)!;
            app.Store.Directory.Upsert([official with { ChatAccounts = [new ChatAccount("test", user)] }]);
        }
        foreach (var (turn, index) in dialogue.Turns.Select((t, i) => (t, i + 1)))
        {
            var inbound = new Inbound("test", user, user);
            if (turn.Say is not null) inbound = inbound with { Text = turn.Say };
            if (turn.Contact is not null) inbound = inbound with { Contact = new SharedContact(turn.Contact, turn.Own) };
            if (turn.Tap is not null)
            {
                var (messageId, data) = screen.Find(turn.Tap) ?? throw new Xunit.Sdk.XunitException($"Turn {index}: no button «{turn.Tap}» on screen.");
                inbound = inbound with { Tap = new ButtonTap(data, messageId, "q" + index) };
            }
            var reply = app.Assistant.Handle(inbound);
            var shown = screen.Show(reply);
            if (turn.Toast is not null) Assert.Contains(turn.Toast, reply.Answer?.Text ?? "", StringComparison.Ordinal);
            foreach (var part in turn.Expect ?? [])
                Assert.True(shown.Contains(part, StringComparison.Ordinal), $"{dialogue.Name}, turn {index}: expected «{part}» in:\n{shown}");
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
                var id = m.EditMessageId ?? (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _messages[id] = m;
                shown.Add(m.Text + "\n" + string.Join(" ", m.Buttons.SelectMany(r => r).Select(b => $"[{b.Text}]")));
            }
            return string.Join("\n----\n", shown);
        }

        public (string MessageId, string Data)? Find(string buttonText)
        {
            foreach (var (id, m) in _messages.OrderByDescending(kv => int.Parse(kv.Key, System.Globalization.CultureInfo.InvariantCulture)))
            {
                var button = m.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Text == buttonText);
                if (button is not null) return (id, button.Data);
            }
            return null;
        }
    }
}

using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Text;

namespace Bot.Tests.Chat;

/// <summary>
/// The development phrasings by role (Specs/Conversation/DevPhrases.tsv, a copy of the shared dev-chat
/// set): each row on a fresh demo world, as its speaker, the turns typed in order; the answer to the
/// last must contain one of its wanted fragments and none of its unwanted ones, compared with accents
/// folded, as the shared runner compares them on the console.
/// </summary>
public class DevPhraseTests
{
    private const string Channel = "test";

    public static TheoryData<string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in SpecFile.Rows("Conversation/DevPhrases.tsv"))
            data.Add(row[0], row[1], row.Length > 2 ? row[2] : "", row.Length > 3 ? row[3] : "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Answers_as_expected(string phone, string message, string want, string avoid)
    {
        using var world = BotWorld.Create(Channel);
        using var bot = world.Open();
        bot.Link(phone, new ChatAccount(Channel, "u"));
        var said = "";
        foreach (var turn in message.Split(" || "))
            said = string.Join("\n", bot.Handle(new Inbound(Channel, "u", "u") { Text = turn }).Messages.Select(m => m.Text));
        var answer = Fold(said);
        if (want.Trim().Length > 0)
            Assert.True(want.Split('|').Any(w => answer.Contains(Fold(w), StringComparison.Ordinal)), $"«{message}» ({phone}): none of «{want}» in:\n{said}");
        foreach (var a in avoid.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.False(answer.Contains(Fold(a), StringComparison.Ordinal), $"«{message}» ({phone}): «{a}» should not be in:\n{said}");
    }

    private static string Fold(string text) => string.Join(' ', VietnameseText.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

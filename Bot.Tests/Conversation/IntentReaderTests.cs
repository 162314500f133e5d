using Bot.Domain.Conversation;

namespace Bot.Tests.Conversation;

public class IntentReaderTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in SpecFile.Rows("Conversation/Intents.tsv")) data.Add(row[0], row[1], row[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_what_the_person_wants(string message, string expected, string comment)
    {
        var intent = IntentReader.Read(message);
        Assert.True(expected == Describe(intent), $"\"{message}\" ({comment}): expected {expected}, got {Describe(intent)}");
    }

    [Fact]
    public void Oversized_and_binary_messages_are_unknown()
    {
        Assert.IsType<UnknownIntent>(IntentReader.Read(new string('x', 5000)));
        Assert.IsType<UnknownIntent>(IntentReader.Read("\0\u0001\u0002\uFFFD"));
    }

    private static string Describe(Intent intent) => intent switch
    {
        StartIntent s => s.InviteCode is null ? "Start" : $"Start:{s.InviteCode}",
        HelpIntent => "Help",
        GreetingIntent => "Greeting",
        MyTasksIntent => "MyTasks",
        DueSoonIntent => "DueSoon",
        OverdueIntent => "Overdue",
        TaskDetailIntent t => $"TaskDetail:{t.Number}",
        DoneIntent d => d.Number is null ? "Done" : $"Done:{d.Number}",
        UndoIntent => "Undo",
        DirectiveIntent d => $"Directive:{d.Number}",
        ProgressIntent => "Progress",
        DigestIntent d => d.On ? "Digest:on" : "Digest:off",
        RemindersIntent r => $"Reminders:{(r.On ? "on" : "off")}{(r.Number is null ? "" : $":{r.Number}")}",
        SnoozeIntent => "Snooze",
        MoreIntent => "More",
        _ => "Unknown",
    };
}

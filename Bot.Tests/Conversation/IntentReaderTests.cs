using Bot.Domain.Conversation;
using Bot.Domain.Time;
using Bot.Hosting;
using Bot.Storage;

namespace Bot.Tests.Conversation;

/// <summary>
/// Messages read as the conversation reads them (<see cref="TurnReader"/>: times through the recognizer,
/// units through Tứ Kỳ's directory) on the demo's day, 20/10/2023 08:00 (Specs/Conversation/Intents.tsv).
/// </summary>
public class IntentReaderTests
{
    private static readonly TurnReader Reader = new(new TimeRecognizer(), new NamedUnits(UnitsFile.Load(ConfigFiles.Find(ConfigFiles.Units))));

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
        var intent = Reader.Read(new Inbound("test", "u", "u") { Text = message }, DemoData.Today);
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
        MyTasksIntent m => "MyTasks" + Of(m.Scope),
        DueSoonIntent d => "DueSoon" + Of(d.Scope),
        OverdueIntent o => "Overdue" + Of(o.Scope),
        DueByIntent d => $"DueBy:{d.Window.Label}{Of(d.Scope)}",
        ThanksIntent => "Thanks",
        ExtensionIntent e => $"Extension{(e.Number is null ? "" : $":{e.Number}")}",
        PartProgressIntent p => $"PartProgress{(p.Number is null ? "" : $":{p.Number}")}@{p.Percent}",
        ReportIntent r => "Report" + (r.Directive is null ? "" : ":" + r.Directive),
        TaskDetailIntent t => $"TaskDetail:{t.Number}",
        DoneIntent d => d.Number is null ? "Done" : $"Done:{string.Join(',', d.Numbers)}",
        UndoIntent => "Undo",
        DirectiveIntent d => $"Directive:{d.Directive}{Of(d.Scope)}",
        ProgressIntent p => $"Progress{(p.Directive is null ? "" : $":{p.Directive}")}{Of(p.Scope)}",
        DigestIntent d => d.On ? "Digest:on" : "Digest:off",
        RemindersIntent r => $"Reminders:{(r.On ? "on" : "off")}{(r.Number is null ? "" : $":{r.Number}")}",
        SnoozeIntent s => "Snooze" + (s.Number is null ? "" : $":{s.Number}") + (s.Day is { } day ? "@" + day.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture) : ""),
        MoreIntent => "More",
        OriginalIntent o => "Original" + (o.Directive is null ? "" : ":" + o.Directive) + (o.Number is null ? "" : "#" + o.Number),
        _ => "Unknown",
    };

    private static string Of(Scope? scope) => scope?.Kind switch
    {
        ScopeKind.Own => "@own",
        ScopeKind.Named => "@" + string.Join('|', scope.Units.Select(u => u.Name)),
        ScopeKind.All => "@all" + (scope.Of.Count == 0 ? "" : ":" + string.Join(',', scope.Of)),
        _ => "",
    };
}

using Bot.Domain.Time;

namespace Bot.Domain.Conversation;

/// <summary>
/// What a person typed, shared or sent, as an <see cref="Intent"/>: the words through
/// <see cref="IntentReader"/>, and time phrases through the recognizer ("tuần sau" asks for work due
/// by then; "nhắc lại thứ hai" names the day). Taps are read by <see cref="Buttons"/> into the same intents.
/// </summary>
public sealed class TurnReader(TimeRecognizer time)
{
    public Intent Read(Inbound inbound, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.Contact is { } contact) return new ContactIntent(contact);
        if (inbound.Document is { } document) return new DocumentIntent(document);
        var intent = IntentReader.Read(inbound.Text);
        // A time in a question about tasks means "due by then". Alone ("tuần này", "trước 30/11") the time
        // must be most of the message, so "thời tiết hôm nay thế nào" is not read as a question about work.
        if (intent is MyTasksIntent or UnknownIntent or DueSoonIntent
            && DueBy(inbound.Text, now, mostOfMessage: intent is UnknownIntent) is { } until)
            return new DueByIntent(until);
        if (intent is SnoozeIntent snooze)
            return snooze with { Day = time.Recognize(inbound.Text ?? "", VietnamTime.ToLocal(now)).Select(m => m.Start).FirstOrDefault(s => s is not null) };
        return intent;
    }

    private DateTimeOffset? DueBy(string? text, DateTimeOffset now, bool mostOfMessage)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200) return null;
        var letters = text.Count(char.IsLetterOrDigit);
        foreach (var m in time.Recognize(text, VietnamTime.ToLocal(now)))
        {
            if (mostOfMessage && m.Text.Count(char.IsLetterOrDigit) * 10 < letters * 6) continue;
            if (m.DueBefore is { } due) return due;
            if (m.End is { } end) return end;
            if (m.Start is { } start) return start.AddDays(1);
        }
        return null;
    }
}

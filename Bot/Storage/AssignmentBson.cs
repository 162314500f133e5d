using Bot.Domain.Assignments;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// An assignment's document to and from BSON, written out field by field. LiteDB's reflection mapper
/// spends about 20 µs on each assignment it reads, more than the read itself, and a list, a reminder pass
/// or a publication handles tens to millions of them. The fields, their names and their forms are the
/// ones that mapper wrote (and still writes for every other document), so files made before read the same:
/// nulls left out, enums by name, instants and days as the mapper's own conversions (<see cref="StoreMapping"/>).
/// </summary>
internal static class AssignmentBson
{
    public static BsonValue Write(AssignmentDoc d)
    {
        var doc = new BsonDocument
        {
            ["_id"] = d.Id,
            [nameof(AssignmentDoc.DirectiveId)] = d.DirectiveId,
            [nameof(AssignmentDoc.TaskId)] = d.TaskId,
            [nameof(AssignmentDoc.TaskRef)] = d.TaskRef,
            [nameof(AssignmentDoc.TaskText)] = d.TaskText,
            [nameof(AssignmentDoc.UnitCode)] = d.UnitCode,
            [nameof(AssignmentDoc.Part)] = d.Part.ToString(),
            [nameof(AssignmentDoc.Status)] = d.Status.ToString(),
            [nameof(AssignmentDoc.Extensions)] = new BsonArray(d.Extensions.Select(Write)),
            [nameof(AssignmentDoc.CreatedAt)] = Instant(d.CreatedAt),
            [nameof(AssignmentDoc.DirectiveUnitKey)] = d.DirectiveUnitKey,
        };
        Optional(doc, nameof(AssignmentDoc.DirectiveNumber), d.DirectiveNumber);
        Optional(doc, nameof(AssignmentDoc.DirectiveSubject), d.DirectiveSubject);
        if (d.DirectiveIssuedOn is { } issued) doc[nameof(AssignmentDoc.DirectiveIssuedOn)] = StoreMapping.ToBson(issued);
        if (d.Period is { } day) doc[nameof(AssignmentDoc.Period)] = StoreMapping.ToBson(day);
        if (d.DueBefore is { } due) doc[nameof(AssignmentDoc.DueBefore)] = Instant(due);
        Optional(doc, nameof(AssignmentDoc.DeadlineText), d.DeadlineText);
        Optional(doc, nameof(AssignmentDoc.Recurrence), d.Recurrence);
        if (d.Completion is { } c)
        {
            var completion = new BsonDocument
            {
                [nameof(CompletionDoc.ByPhone)] = c.ByPhone,
                [nameof(CompletionDoc.ByName)] = c.ByName,
                [nameof(CompletionDoc.At)] = Instant(c.At),
            };
            Optional(completion, nameof(CompletionDoc.Note), c.Note);
            doc[nameof(AssignmentDoc.Completion)] = completion;
        }
        Optional(doc, nameof(AssignmentDoc.OpenKey), d.OpenKey);
        if (d.OpenDue is { } openDue) doc[nameof(AssignmentDoc.OpenDue)] = Instant(openDue);
        Optional(doc, nameof(AssignmentDoc.OpenDueKey), d.OpenDueKey);
        Optional(doc, nameof(AssignmentDoc.DueKey), d.DueKey);
        Optional(doc, nameof(AssignmentDoc.UnitDueKey), d.UnitDueKey);
        return doc;
    }

    public static AssignmentDoc Read(BsonValue value)
    {
        var doc = value.AsDocument;
        return new AssignmentDoc
        {
            Id = doc["_id"].AsString,
            DirectiveId = Text(doc, nameof(AssignmentDoc.DirectiveId)) ?? "",
            DirectiveNumber = Text(doc, nameof(AssignmentDoc.DirectiveNumber)),
            DirectiveSubject = Text(doc, nameof(AssignmentDoc.DirectiveSubject)),
            DirectiveIssuedOn = doc.TryGetValue(nameof(AssignmentDoc.DirectiveIssuedOn), out var issued) && issued.IsNumber ? StoreMapping.DayOf(issued) : null,
            TaskId = Text(doc, nameof(AssignmentDoc.TaskId)) ?? "",
            TaskRef = Text(doc, nameof(AssignmentDoc.TaskRef)) ?? "",
            TaskText = Text(doc, nameof(AssignmentDoc.TaskText)) ?? "",
            UnitCode = Text(doc, nameof(AssignmentDoc.UnitCode)) ?? "",
            Part = Enum<UnitPart>(doc, nameof(AssignmentDoc.Part)),
            Period = doc.TryGetValue(nameof(AssignmentDoc.Period), out var p) && p.IsNumber ? StoreMapping.DayOf(p) : null,
            DueBefore = Instant(doc, nameof(AssignmentDoc.DueBefore)),
            DeadlineText = Text(doc, nameof(AssignmentDoc.DeadlineText)),
            Recurrence = Text(doc, nameof(AssignmentDoc.Recurrence)),
            Status = Enum<AssignmentStatus>(doc, nameof(AssignmentDoc.Status)),
            Completion = doc.TryGetValue(nameof(AssignmentDoc.Completion), out var c) && c.IsDocument
                ? new CompletionDoc
                {
                    ByPhone = Text(c.AsDocument, nameof(CompletionDoc.ByPhone)) ?? "",
                    ByName = Text(c.AsDocument, nameof(CompletionDoc.ByName)) ?? "",
                    At = Instant(c.AsDocument, nameof(CompletionDoc.At)) ?? default,
                    Note = Text(c.AsDocument, nameof(CompletionDoc.Note)),
                }
                : null,
            Extensions = doc.TryGetValue(nameof(AssignmentDoc.Extensions), out var e) && e.IsArray
                ? [.. e.AsArray.Select(x => ReadExtension(x.AsDocument))]
                : [],
            CreatedAt = Instant(doc, nameof(AssignmentDoc.CreatedAt)) ?? default,
            OpenKey = Text(doc, nameof(AssignmentDoc.OpenKey)),
            OpenDue = Instant(doc, nameof(AssignmentDoc.OpenDue)),
            OpenDueKey = Text(doc, nameof(AssignmentDoc.OpenDueKey)),
            DueKey = Text(doc, nameof(AssignmentDoc.DueKey)),
            UnitDueKey = Text(doc, nameof(AssignmentDoc.UnitDueKey)),
            DirectiveUnitKey = Text(doc, nameof(AssignmentDoc.DirectiveUnitKey)) ?? "",
        };
    }

    private static BsonDocument Write(ExtensionDoc e)
    {
        var doc = new BsonDocument
        {
            [nameof(ExtensionDoc.To)] = Instant(e.To),
            [nameof(ExtensionDoc.Reason)] = e.Reason,
            [nameof(ExtensionDoc.ApprovedByPhone)] = e.ApprovedByPhone,
            [nameof(ExtensionDoc.At)] = Instant(e.At),
        };
        if (e.From is { } from) doc[nameof(ExtensionDoc.From)] = Instant(from);
        return doc;
    }

    private static ExtensionDoc ReadExtension(BsonDocument doc) => new()
    {
        From = Instant(doc, nameof(ExtensionDoc.From)),
        To = Instant(doc, nameof(ExtensionDoc.To)) ?? default,
        Reason = Text(doc, nameof(ExtensionDoc.Reason)) ?? "",
        ApprovedByPhone = Text(doc, nameof(ExtensionDoc.ApprovedByPhone)) ?? "",
        At = Instant(doc, nameof(ExtensionDoc.At)) ?? default,
    };

    private static void Optional(BsonDocument doc, string name, string? value)
    {
        if (value is not null) doc[name] = value;
    }

    private static BsonValue Instant(DateTimeOffset instant) => StoreMapping.ToBson(instant);

    private static string? Text(BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var v) && v.IsString ? v.AsString : null;

    private static DateTimeOffset? Instant(BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var v) && v.IsDateTime ? StoreMapping.InstantOf(v) : null;

    private static T Enum<T>(BsonDocument doc, string name) where T : struct, System.Enum =>
        !doc.TryGetValue(name, out var v) ? default
        : v.IsString ? System.Enum.Parse<T>(v.AsString)
        : v.IsNumber ? (T)(object)v.AsInt32
        : default;
}

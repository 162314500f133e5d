using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// How our types sit in LiteDB, in one place. LiteDB keeps a DateTime in UTC milliseconds and
/// drops a DateTimeOffset's offset, and has no DateOnly: instants are stored as UTC DateTime and
/// read back as UTC offsets; days as an int yyyymmdd. The domain records are mapped to plain
/// documents here so the domain carries no storage attributes.
/// </summary>
internal static class StoreMapping
{
    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false, EnumAsInteger = false };
        mapper.RegisterType(ToBson, InstantOf);
        mapper.RegisterType(ToBson, DayOf);
        mapper.RegisterType<AssignmentDoc>(AssignmentBson.Write, AssignmentBson.Read);
        return mapper;
    }

    /// <summary>An instant in a document: a UTC date.</summary>
    public static BsonValue ToBson(DateTimeOffset instant) => new(instant.UtcDateTime);

    public static DateTimeOffset InstantOf(BsonValue bson) => new(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>A day in a document: the number yyyymmdd.</summary>
    public static BsonValue ToBson(DateOnly day) => new(day.Year * 10000 + day.Month * 100 + day.Day);

    public static DateOnly DayOf(BsonValue bson) => new(bson.AsInt32 / 10000, bson.AsInt32 / 100 % 100, bson.AsInt32 % 100);

    /// <summary>The instant as stored: UTC, to the millisecond, so what is read back compares equal.</summary>
    public static DateTime Stored(DateTimeOffset instant) => TruncateToMs(instant.UtcDateTime);

    private static DateTime TruncateToMs(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>
    /// Index key for a unit's open work in deadline order, "UNIT|ticks|id"; work without deadline
    /// sorts last. The id is in the key so lists can be read from the index alone (<see cref="FromOpenKey"/>).
    /// </summary>
    public static string OpenKey(string unitCode, DateTimeOffset? dueBefore, string assignmentId) =>
        OpenKeyPrefix(unitCode, dueBefore) + assignmentId;

    /// <summary>"UNIT|ticks|": every key of that deadline, and only those, starts with it.</summary>
    public static string OpenKeyPrefix(string unitCode, DateTimeOffset? dueBefore) =>
        unitCode + "|" + (dueBefore is { } due ? Ticks(due) : long.MaxValue.ToString("D19", CultureInfo.InvariantCulture)) + "|";

    /// <summary>
    /// Just past every key of that deadline ('}' follows '|' in ordinal order): an exclusive upper
    /// bound. For null, past all of the unit's open work, whose keys without a deadline come last.
    /// </summary>
    public static string OpenKeyEnd(string unitCode, DateTimeOffset? dueBefore) => OpenKeyPrefix(unitCode, dueBefore)[..^1] + "}";

    /// <summary>What an open key holds.</summary>
    public static OpenTask FromOpenKey(string key)
    {
        var ticksAt = key.IndexOf('|', StringComparison.Ordinal) + 1;
        return new OpenTask(key[(ticksAt + 20)..], key[..(ticksAt - 1)], Due(key.AsSpan(ticksAt, 19)));
    }

    /// <summary>Index key for open work across units in deadline order, "ticks|UNIT|id"; null without a deadline.</summary>
    public static string? OpenDueKey(DateTimeOffset? dueBefore, string unitCode, string assignmentId) =>
        dueBefore is { } due ? Ticks(due) + "|" + unitCode + "|" + assignmentId : null;

    /// <summary>"ticks|": every open due key of that instant, and only those, starts with it.</summary>
    public static string OpenDueKeyPrefix(DateTimeOffset dueBefore) => Ticks(dueBefore) + "|";

    /// <summary>Just past every open due key of that instant: an exclusive upper bound.</summary>
    public static string OpenDueKeyEnd(DateTimeOffset dueBefore) => OpenDueKeyPrefix(dueBefore)[..^1] + "}";

    /// <summary>What an open due key holds.</summary>
    public static OpenTask FromOpenDueKey(string key)
    {
        var unitEnds = key.IndexOf('|', 20);
        return new OpenTask(key[(unitEnds + 1)..], key[20..unitEnds], Due(key.AsSpan(0, 19)));
    }

    /// <summary>
    /// Index key for work with a deadline across units, done or not: "ticks|UNIT|doneTicks", the done ticks empty
    /// while not done; null without a deadline. A period's keys start at <see cref="OpenDueKeyPrefix"/> of its start
    /// (the same shape) and end before that of its end.
    /// </summary>
    public static string? DueKey(Assignment a) =>
        a.DueBefore is { } due ? Ticks(due) + "|" + a.UnitCode + "|" + DoneTicks(a) : null;

    /// <summary>Index key for a unit's work with a deadline, done or not: "UNIT|ticks|id|doneTicks"; its prefixes are <see cref="OpenKeyPrefix"/>'s.</summary>
    public static string? UnitDueKey(Assignment a) =>
        a.DueBefore is { } due ? OpenKeyPrefix(a.UnitCode, due) + a.Id + "|" + DoneTicks(a) : null;

    private static string DoneTicks(Assignment a) => a.IsDone ? Ticks(a.Completion!.At) : "";

    /// <summary>What a due key holds: the unit, the deadline and when it was done.</summary>
    public static (string UnitCode, DateTimeOffset DueBefore, DateTimeOffset? DoneAt) FromDueKey(string key)
    {
        var unitEnds = key.LastIndexOf('|');
        return (key[20..unitEnds], Due(key.AsSpan(0, 19))!.Value, DoneAt(key.AsSpan(unitEnds + 1)));
    }

    /// <summary>What a unit's due key holds: the deadline and when it was done.</summary>
    public static (DateTimeOffset DueBefore, DateTimeOffset? DoneAt) FromUnitDueKey(string key)
    {
        var ticksAt = key.IndexOf('|', StringComparison.Ordinal) + 1;
        return (Due(key.AsSpan(ticksAt, 19))!.Value, DoneAt(key.AsSpan(key.LastIndexOf('|') + 1)));
    }

    private static DateTimeOffset? DoneAt(ReadOnlySpan<char> ticks) => ticks.IsEmpty ? null : Due(ticks);

    private static string Ticks(DateTimeOffset instant) => Stored(instant).Ticks.ToString("D19", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Due(ReadOnlySpan<char> ticks)
    {
        var value = long.Parse(ticks, NumberStyles.None, CultureInfo.InvariantCulture);
        return value == long.MaxValue ? null : new DateTimeOffset(value, TimeSpan.Zero);
    }

    public static string NumberKey(string number) => Bot.Domain.Text.VietnameseText.Key(number);

    public static AssignmentDoc ToDoc(Assignment a) => new()
    {
        Id = a.Id,
        DirectiveId = a.DirectiveId,
        DirectiveNumber = a.DirectiveNumber,
        DirectiveSubject = a.DirectiveSubject,
        DirectiveIssuedOn = a.DirectiveIssuedOn,
        TaskId = a.TaskId,
        TaskRef = a.TaskRef,
        TaskText = a.TaskText,
        UnitCode = a.UnitCode,
        Part = a.Part,
        Period = a.Period,
        DueBefore = a.DueBefore,
        DeadlineText = a.DeadlineText,
        Recurrence = a.Recurrence,
        Status = a.Status,
        Completion = a.Completion is { } c ? new CompletionDoc { ByPhone = c.ByPhone, ByName = c.ByName, At = c.At, Note = c.Note } : null,
        Extensions = a.Extensions.Select(e => new ExtensionDoc { From = e.From, To = e.To, Reason = e.Reason, ApprovedByPhone = e.ApprovedByPhone, At = e.At }).ToList(),
        CreatedAt = a.CreatedAt,
        OpenKey = a.IsDone ? null : OpenKey(a.UnitCode, a.DueBefore, a.Id),
        OpenDue = a.IsDone ? null : a.DueBefore,
        OpenDueKey = a.IsDone ? null : OpenDueKey(a.DueBefore, a.UnitCode, a.Id),
        DueKey = DueKey(a),
        UnitDueKey = UnitDueKey(a),
        DirectiveUnitKey = a.DirectiveId + "|" + a.UnitCode,
    };

    public static Assignment ToDomain(AssignmentDoc d) => new()
    {
        Id = d.Id,
        DirectiveId = d.DirectiveId,
        DirectiveNumber = d.DirectiveNumber,
        DirectiveSubject = d.DirectiveSubject,
        DirectiveIssuedOn = d.DirectiveIssuedOn,
        TaskId = d.TaskId,
        TaskRef = d.TaskRef,
        TaskText = d.TaskText,
        UnitCode = d.UnitCode,
        Part = d.Part,
        Period = d.Period,
        DueBefore = d.DueBefore,
        DeadlineText = d.DeadlineText,
        Recurrence = d.Recurrence,
        Status = d.Status,
        Completion = d.Completion is { } c ? new Completion(c.ByPhone, c.ByName, c.At, c.Note) : null,
        Extensions = d.Extensions.Select(e => new Extension(e.From, e.To, e.Reason, e.ApprovedByPhone, e.At)).ToList(),
        CreatedAt = d.CreatedAt,
    };

    public static DirectiveDoc ToDoc(TrackedDirective t) => new()
    {
        Id = t.Id,
        Number = t.Directive.Number,
        NumberKey = t.Directive.Number is null ? null : NumberKey(t.Directive.Number),
        Issuer = t.Directive.Issuer,
        IssuedOn = t.Directive.IssuedOn,
        DocumentType = t.Directive.DocumentType,
        Subject = t.Directive.Subject,
        Signer = t.Directive.Signer,
        SignerTitle = t.Directive.SignerTitle,
        Recipients = t.Directive.Recipients.ToList(),
        ContentHash = t.ContentHash,
        Source = t.Source,
        ImportedAt = t.ImportedAt,
        Published = t.Published,
        NextTaskNumber = t.NextTaskNumber,
        RelatedUnitCodes = t.RelatedUnitCodes.ToList(),
        OriginalId = t.OriginalId,
        Corrections = t.Corrections.Select(c => new CorrectionDoc
        {
            Number = c.Number,
            At = c.At,
            ByPhone = c.ByPhone,
            Changes = c.Changes.Select(x => new ChangeDoc
            {
                Kind = x.Kind, TaskId = x.TaskId, Ref = x.Ref, Text = x.Text, UnitsBefore = [.. x.UnitsBefore], UnitsAfter = [.. x.UnitsAfter], Number = x.Number,
                DueBefore = x.DueBefore, DueAfter = x.DueAfter, RepeatBefore = x.RepeatBefore, RepeatAfter = x.RepeatAfter, TextBefore = x.TextBefore,
            }).ToList(),
        }).ToList(),
        Tasks = t.Tasks.Select(x => new TaskDoc
        {
            Id = x.Id,
            Ref = x.Task.Ref,
            Kind = x.Task.Kind,
            Text = x.Task.Text,
            Lead = x.Task.Lead.ToList(),
            Support = x.Task.Support.ToList(),
            DeadlineText = x.Task.DeadlineText,
            DueBefore = x.Task.DueBefore,
            Recurrence = x.Task.Recurrence,
        }).ToList(),
    };

    public static TrackedDirective ToDomain(DirectiveDoc d)
    {
        var tasks = d.Tasks.Select(x => new TrackedTask(x.Id,
            new DirectiveTask(x.Ref, x.Kind, x.Text, x.Lead, x.Support, x.DeadlineText, x.DueBefore, x.Recurrence))).ToList();
        var directive = new Directive(d.Number, d.Issuer, d.IssuedOn, d.DocumentType, d.Subject, d.Signer, d.SignerTitle, d.Recipients, tasks.Select(t => t.Task).ToList());
        return new TrackedDirective(d.Id, directive, d.ContentHash, d.Source, d.ImportedAt, d.Published, tasks, d.NextTaskNumber, d.RelatedUnitCodes)
        {
            OriginalId = d.OriginalId,
            Corrections = d.Corrections.Select(c => new DirectiveCorrection(c.Number, c.At, c.ByPhone, c.Changes.Select(x =>
                new TaskChange(x.Kind, x.TaskId, x.Ref, x.Text, x.UnitsBefore, x.UnitsAfter)
                {
                    Number = x.Number, DueBefore = x.DueBefore, DueAfter = x.DueAfter, RepeatBefore = x.RepeatBefore, RepeatAfter = x.RepeatAfter, TextBefore = x.TextBefore,
                }).ToList())).ToList(),
        };
    }

    public static OfficialDoc ToDoc(Official o) => new()
    {
        Id = o.Phone,
        Name = o.Name,
        UnitCode = o.UnitCode,
        Role = o.Role,
        ChatAccounts = o.ChatAccounts.Select(a => new ChatAccountDoc { Channel = a.Channel, UserId = a.UserId }).ToList(),
        AccountKeys = o.ChatAccounts.Select(AccountKey).ToList(),
    };

    public static Official ToDomain(OfficialDoc d) => new()
    {
        Phone = d.Id,
        Name = d.Name,
        UnitCode = d.UnitCode,
        Role = d.Role,
        ChatAccounts = d.ChatAccounts.Select(a => new ChatAccount(a.Channel, a.UserId)).ToList(),
    };

    public static string AccountKey(ChatAccount account) => account.Channel + ":" + account.UserId;

    public static AuditDoc ToDoc(AuditEntry e) => new()
    {
        At = e.At,
        ByPhone = e.ByPhone,
        Action = e.Action,
        AssignmentId = e.AssignmentId,
        DirectiveId = e.DirectiveId,
        Detail = e.Detail,
    };

    public static AuditEntry ToDomain(AuditDoc d) => new(d.At, d.ByPhone, d.Action, d.AssignmentId, d.DirectiveId, d.Detail);
}

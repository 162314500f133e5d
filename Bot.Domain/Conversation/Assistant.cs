using System.Globalization;
using System.Text;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Domain.Time;

namespace Bot.Domain.Conversation;

/// <summary>
/// The conversation: who is this official, what do they want, what may they see. Every change
/// goes through the assignment store, which checks the official's unit again; every button is
/// signed for the person it was shown to and read back before anything happens.
/// </summary>
public sealed class Assistant(
    IDirectoryStore directory,
    IAssignmentStore assignments,
    IConversationStore memory,
    UnitDirectory units,
    TimeRecognizer time,
    ButtonSigner signer,
    Bot.Domain.Reminders.NudgePlanner planner,
    TimeProvider clock) : IConversation
{
    /// <summary>Tasks on one page of a list: short enough for a phone and for Telegram's 4,096 characters.</summary>
    public const int PageSize = 8;

    /// <summary>The most tasks a list numbers: a person does not page further, and the store stays light.</summary>
    public const int MaxListed = 100;

    /// <summary>How long "↩ Hoàn tác" undoes a confirmation.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(10);

    private const string Stale = "Nút này không còn hiệu lực.";

    public Task<Reply> HandleAsync(Inbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return Task.FromResult(Handle(inbound));
    }

    public Reply Handle(Inbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var official = directory.ByChatAccount(new ChatAccount(inbound.Channel, inbound.UserId));
        if (official is null) return Stranger(inbound);
        // Someone who writes to us can be written to again.
        if (memory.Preferences(official.Phone) is { UnreachableSince: not null } prefs)
            memory.SavePreferences(prefs with { UnreachableSince = null });
        if (inbound.Tap is { } tap) return Tapped(inbound, official, tap);
        if (inbound.Contact is not null)
            return Say(inbound, $"Tài khoản này đã liên kết với {official.Name} ({UnitName(official.UnitCode)}).");
        if (inbound.Document is not null)
            return Say(inbound, "Trợ lý chưa nhận văn bản qua tin nhắn. Anh/chị gửi văn bản cho Văn phòng HĐND và UBND huyện để nạp vào hệ thống.");
        return Asked(inbound, official, IntentReader.Read(inbound.Text));
    }

    // ---- people not yet linked -------------------------------------------------------------

    private Reply Stranger(Inbound inbound)
    {
        if (inbound.Contact is { } contact) return Link(inbound, contact);
        if (IntentReader.Read(inbound.Text) is StartIntent { InviteCode: { } code })
        {
            var phone = memory.RedeemInvite(code, clock.GetUtcNow());
            var invited = phone is null ? null : directory.ByPhone(phone);
            if (invited is not null) return Linked(inbound, invited);
            return AskContact(inbound, "Mã mời không đúng hoặc đã hết hạn.", note: "bad invite code");
        }
        if (inbound.Tap is { } tap)
            return new Reply([], tap.QueryId is { } q ? new TapAnswer(q, Stale) : null) { Note = "tap from an unlinked chat" };
        return AskContact(inbound, "Chào anh/chị. Để xem việc của đơn vị, anh/chị vui lòng bấm «📱 Gửi số điện thoại» bên dưới để xác nhận danh tính.");
    }

    private Reply Link(Inbound inbound, SharedContact contact)
    {
        if (!contact.IsOwn)
            return AskContact(inbound, "Anh/chị vui lòng gửi số điện thoại của chính mình (bấm nút bên dưới), không gửi danh bạ người khác.", "foreign contact");
        if (!PhoneNumber.TryNormalize(contact.Phone, out var phone) || directory.ByPhone(phone) is not { } official)
            return Say(inbound, "Số điện thoại này chưa có trong danh bạ cán bộ của huyện. Anh/chị liên hệ Văn phòng HĐND và UBND huyện để được bổ sung.") with { Note = "unknown phone" };
        return Linked(inbound, official);
    }

    private Reply Linked(Inbound inbound, Official official)
    {
        var account = new ChatAccount(inbound.Channel, inbound.UserId);
        if (!official.ChatAccounts.Contains(account))
            directory.Upsert([official with { ChatAccounts = [.. official.ChatAccounts, account] }]);
        var text = $"Chào anh/chị {official.Name} ({UnitName(official.UnitCode)}). Tài khoản đã được liên kết.\n\n{HelpText}";
        return Say(inbound, text) with { Note = $"linked {official.Phone}" };
    }

    private static Reply AskContact(Inbound inbound, string text, string? note = null) =>
        new([new Outbound(inbound.ChatId, text) { AskContact = true }]) { Note = note };

    // ---- what officials ask ------------------------------------------------------------------

    private Reply Asked(Inbound inbound, Official official, Intent intent)
    {
        var now = clock.GetUtcNow();
        // "tuần này", "trước 30/11": a time in a question about tasks means "due by then".
        // Alone ("tuần này", "trước 30/11") the time must be most of the message, so "thời tiết hôm nay
        // thế nào" is not read as a question about today's work.
        if (intent is MyTasksIntent or UnknownIntent or DueSoonIntent
            && DueBy(inbound.Text, now, mostOfMessage: intent is UnknownIntent) is { } until)
            return DueSoon(inbound, official, $"Việc có hạn trước {Wording.Before(until)}", until);
        return intent switch
        {
            StartIntent or GreetingIntent => Say(inbound, $"Chào anh/chị {official.Name}.\n\n{HelpText}"),
            HelpIntent => Say(inbound, HelpText),
            MyTasksIntent => List(inbound, official, "Việc còn phải làm", OpenOf(official)),
            DueSoonIntent => DueSoon(inbound, official, "Việc sắp đến hạn (7 ngày tới)", now.AddDays(7)),
            OverdueIntent => Late(inbound, official),
            TaskDetailIntent d => Detail(inbound, official, d.Number),
            DoneIntent d => ConfirmByNumber(inbound, official, d.Number),
            UndoIntent => UndoLast(inbound, official),
            DirectiveIntent d => List(inbound, official, $"Việc theo văn bản {d.Number}", OfDirective(official, d.Number)),
            ProgressIntent => ProgressOf(inbound, official),
            DigestIntent d => Prefer(inbound, official, p => p with { Digest = d.On },
                d.On ? "Đã bật tóm tắt hằng ngày: 7 giờ 30 mỗi ngày làm việc, trợ lý gửi việc đến hạn trong tuần." : "Đã tắt tóm tắt hằng ngày."),
            RemindersIntent r => Mute(inbound, official, r),
            SnoozeIntent z => SnoozeByText(inbound, official, z.Number),
            MoreIntent => memory.LastList(ChatKey(inbound)) is { } last ? Page(inbound, official, last, 1, editMessageId: null) : Say(inbound, "Chưa có danh sách nào để xem thêm."),
            _ => Say(inbound, $"Xin lỗi, trợ lý chưa hiểu ý anh/chị.\n\n{HelpText}") with { Note = "not understood" },
        };
    }

    /// <summary>Open work due from now until then; overdue work is only counted, it has its own list.</summary>
    private Reply DueSoon(Inbound inbound, Official official, string title, DateTimeOffset until)
    {
        var now = clock.GetUtcNow();
        // One more than a list numbers, and one for work due this very instant, which is not "soon".
        var due = assignments.OpenTasksOfUnit(official.UnitCode, from: now, to: until, limit: MaxListed + 2).Where(t => t.DueBefore > now).ToList();
        var reply = List(inbound, official, title, due);
        var late = assignments.OpenTasksOfUnit(official.UnitCode, to: now, limit: MaxListed + 1).Count;
        if (late == 0) return reply;
        var footer = $"\n\n⚠️ Ngoài ra có {(late > MaxListed ? $"hơn {MaxListed}" : late.ToString(CultureInfo.InvariantCulture))} việc đã quá hạn: gõ «quá hạn» để xem.";
        return reply with { Messages = [reply.Messages[0] with { Text = reply.Messages[0].Text + footer }] };
    }

    private Reply Late(Inbound inbound, Official official)
    {
        return List(inbound, official, "Việc đã quá hạn", assignments.OpenTasksOfUnit(official.UnitCode, to: clock.GetUtcNow(), limit: MaxListed + 1));
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

    // One more than a list numbers, to know whether there are more.
    private IReadOnlyList<OpenTask> OpenOf(Official official) => assignments.OpenTasksOfUnit(official.UnitCode, limit: MaxListed + 1);

    private IEnumerable<Assignment> OfDirective(Official official, string number) =>
        assignments.ByDirectiveNumber(number, Access.SeesAllUnits(official) ? null : official.UnitCode).Where(a => Access.MaySee(official, a.UnitCode) && !a.IsDone)
            .OrderBy(a => a.DueBefore ?? DateTimeOffset.MaxValue);

    // ---- lists -------------------------------------------------------------------------------

    /// <summary>
    /// Shows a list and remembers it, so "việc 3", "xong việc 3" and its buttons mean the same task
    /// later, across restarts. At most <see cref="MaxListed"/> are numbered (callers fetch one more to
    /// know whether there are more).
    /// </summary>
    private Reply List(Inbound inbound, Official official, string title, IEnumerable<Assignment> found)
    {
        var all = found.Take(MaxListed + 1).ToList();
        return Show(inbound, official, title, [.. all.Select(a => a.Id)], known: all);
    }

    /// <summary>A list of open work as the index gives it: only the page shown is read in full.</summary>
    private Reply List(Inbound inbound, Official official, string title, IReadOnlyList<OpenTask> found) =>
        Show(inbound, official, title, [.. found.Take(MaxListed + 1).Select(t => t.AssignmentId)], known: null);

    private Reply Show(Inbound inbound, Official official, string title, IReadOnlyList<string> ids, List<Assignment>? known)
    {
        var shown = ids.Take(MaxListed).ToList();
        if (shown.Count == 0)
            return Say(inbound, $"{title}: không có việc nào. 👍");
        var list = new TaskList(NewListId(), ChatKey(inbound), title, shown, clock.GetUtcNow());
        memory.SaveList(list);
        var reply = Page(inbound, official, list, 0, editMessageId: null, known: known);
        if (ids.Count <= MaxListed) return reply;
        var note = $"\n\n(Danh sách đánh số {MaxListed} việc có hạn sớm nhất; đơn vị còn nhiều việc hơn.)";
        return reply with { Messages = [reply.Messages[0] with { Text = reply.Messages[0].Text + note }] };
    }

    private Reply Page(Inbound inbound, Official official, TaskList list, int page, string? editMessageId, string? toast = null, string? tapQuery = null,
        List<Assignment>? known = null)
    {
        var now = clock.GetUtcNow();
        var pages = (list.AssignmentIds.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 0, Math.Max(0, pages - 1));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"📋 {list.Title} — {UnitName(official.UnitCode)} ({list.AssignmentIds.Count} việc)");
        if (pages > 1) text.Append(CultureInfo.InvariantCulture, $", trang {page + 1}/{pages}");
        text.Append('\n');
        var buttons = new List<IReadOnlyList<Button>>();
        var row = new List<Button>();
        var (first, end) = (page * PageSize, Math.Min(list.AssignmentIds.Count, (page + 1) * PageSize));
        // A list just made renders from what was fetched; a tap or a page re-reads the store, in one read.
        var read = known is not null && end <= known.Count ? null : assignments.Get(list.AssignmentIds.Take(end).Skip(first));
        for (var i = first; i < end; i++)
        {
            var number = i + 1;
            var a = read is null ? known![i] : read.GetValueOrDefault(list.AssignmentIds[i]);
            if (a is null || !Access.MaySee(official, a.UnitCode)) continue;
            text.Append(CultureInfo.InvariantCulture, $"\n{number}. {Wording.Summary(a.TaskText)}\n    {Wording.Source(a)} · ");
            if (a.IsDone)
            {
                text.Append(CultureInfo.InvariantCulture, $"✅ {a.Completion!.ByName} xác nhận xong lúc {Wording.Moment(a.Completion.At)}");
                if (a.Completion.ByPhone == official.Phone && now - a.Completion.At < UndoWindow)
                    row.Add(new Button($"↩ Hoàn tác {number}", Sign(inbound, "u", list.Id, number)));
            }
            else
            {
                text.Append(Wording.Deadline(a, now)).Append(Repeats(a));
                row.Add(new Button($"✅ Đã xong {number}", Sign(inbound, "d", list.Id, number)));
            }
            if (row.Count == 2)
            {
                buttons.Add(row);
                row = [];
            }
        }
        if (row.Count > 0) buttons.Add(row);
        if (page + 1 < pages) buttons.Add([new Button("Xem thêm ›", Sign(inbound, "m", list.Id, page + 1))]);
        text.Append("\n\nGõ «việc 2» để xem chi tiết, «xong việc 2» hoặc bấm ✅ khi đã hoàn thành.");
        var message = new Outbound(inbound.ChatId, text.ToString()) { Buttons = buttons, EditMessageId = editMessageId };
        return new Reply([message], tapQuery is null ? null : new TapAnswer(tapQuery, toast));
    }

    // ---- one task ----------------------------------------------------------------------------

    private Reply Detail(Inbound inbound, Official official, int number)
    {
        if (Numbered(inbound, official, number) is not { } a)
            return Say(inbound, $"Không có việc số {number} trong danh sách gần nhất. Anh/chị gõ «việc của tôi» để xem lại danh sách.");
        memory.SetFocus(ChatKey(inbound), a.Id);
        var now = clock.GetUtcNow();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"📄 Việc {number} — {Wording.Source(a)}, mục {a.TaskRef}\n");
        text.Append(CultureInfo.InvariantCulture, $"Đơn vị: {UnitName(a.UnitCode)} ({(a.Part == UnitPart.Lead ? "chủ trì" : "phối hợp")})\n");
        text.Append(CultureInfo.InvariantCulture, $"⏰ {Wording.Deadline(a, now)}{Repeats(a)}\n");
        if (a.IsDone) text.Append(CultureInfo.InvariantCulture, $"Trạng thái: ✅ {a.Completion!.ByName} xác nhận xong lúc {Wording.Moment(a.Completion.At)}\n");
        // Telegram takes 4,096 characters; a long task is cut, and its directive says the rest.
        text.Append(CultureInfo.InvariantCulture, $"\nNguyên văn: «{Wording.Summary(a.TaskText, 3_000)}»");
        var buttons = a.IsDone ? [] : new List<IReadOnlyList<Button>> { new[] { new Button("✅ Đã xong", Sign(inbound, "d", memory.LastList(ChatKey(inbound))!.Id, number)) } };
        return new Reply([new Outbound(inbound.ChatId, text.ToString()) { Buttons = buttons }]);
    }

    private Reply ConfirmByNumber(Inbound inbound, Official official, int? number)
    {
        var list = memory.LastList(ChatKey(inbound));
        if (number is null)
        {
            var focus = memory.Focus(ChatKey(inbound));
            var index = focus is null || list is null ? -1 : list.AssignmentIds.ToList().IndexOf(focus);
            if (index < 0) return Say(inbound, "Anh/chị muốn báo xong việc số mấy? Ví dụ: «xong việc 2».");
            number = index + 1;
        }
        if (list is null || Numbered(inbound, official, number.Value) is not { } a)
            return Say(inbound, $"Không có việc số {number} trong danh sách gần nhất. Anh/chị gõ «việc của tôi» để xem lại danh sách.");
        var result = assignments.Confirm(a.Id, official);
        if (!result.Changed) return Say(inbound, result.Message) with { Note = $"confirm {result.Outcome}" };
        var undo = new Button("↩ Hoàn tác", Sign(inbound, "u", list.Id, number.Value));
        return new Reply([new Outbound(inbound.ChatId, $"✅ Đã ghi nhận hoàn thành việc {number}: {Wording.Summary(a.TaskText, 80)}\nCảm ơn anh/chị. Nếu nhầm, bấm «↩ Hoàn tác» trong 10 phút.") { Buttons = [[undo]] }]);
    }

    private Reply UndoLast(Inbound inbound, Official official)
    {
        var list = memory.LastList(ChatKey(inbound));
        var now = clock.GetUtcNow();
        var recent = list is null ? null : assignments.Get(list.AssignmentIds).Values
            .Where(a => a.IsDone && a.Completion!.ByPhone == official.Phone && now - a.Completion.At < UndoWindow)
            .OrderByDescending(a => a.Completion!.At).FirstOrDefault();
        if (recent is null) return Say(inbound, "Không có xác nhận nào của anh/chị trong 10 phút qua để hoàn tác.");
        var result = assignments.Reopen(recent.Id, official, "hoàn tác");
        return Say(inbound, result.Changed ? $"↩ Đã hoàn tác: việc «{Wording.Summary(recent.TaskText, 80)}» mở lại." : result.Message);
    }

    // ---- buttons -----------------------------------------------------------------------------

    private Reply Tapped(Inbound inbound, Official official, ButtonTap tap)
    {
        var query = tap.QueryId ?? "";
        if (!signer.TryRead(tap.Data, inbound.UserId, out var command) || !TryListItem(command.Argument, out var listId, out var number)
            || memory.GetList(listId) is not { } list || list.Chat != ChatKey(inbound))
            return new Reply([], new TapAnswer(query, Stale)) { Note = $"refused button \"{Clip(tap.Data)}\"" };
        var now = clock.GetUtcNow();
        switch (command.Action)
        {
            case "m":
                return Page(inbound, official, list, number, tap.MessageId, null, query);
            case "d" when number >= 1 && number <= list.AssignmentIds.Count:
            {
                var result = assignments.Confirm(list.AssignmentIds[number - 1], official);
                var toast = result.Changed ? "Đã ghi nhận hoàn thành. Cảm ơn anh/chị." : result.Message;
                return Page(inbound, official, list, (number - 1) / PageSize, tap.MessageId, toast, query) with { Note = $"confirm {result.Outcome}" };
            }
            case "u" when number >= 1 && number <= list.AssignmentIds.Count:
            {
                if (now - command.IssuedAt > UndoWindow)
                    return new Reply([], new TapAnswer(query, "Đã quá 10 phút, không thể hoàn tác. Anh/chị liên hệ quản trị viên nếu cần mở lại.")) { Note = "undo too late" };
                var a = assignments.Get(list.AssignmentIds[number - 1]);
                if (a?.Completion?.ByPhone != official.Phone)
                    return new Reply([], new TapAnswer(query, "Chỉ người đã xác nhận mới hoàn tác được.")) { Note = "undo by another official" };
                var result = assignments.Reopen(a.Id, official, "hoàn tác");
                return Page(inbound, official, list, (number - 1) / PageSize, tap.MessageId, result.Changed ? "Đã hoàn tác." : result.Message, query);
            }
            case "s" when number >= 1 && number <= list.AssignmentIds.Count:
            {
                var until = NextMorning(now);
                Snooze(official, [list.AssignmentIds[number - 1]], until);
                return new Reply([], new TapAnswer(query, $"Sẽ nhắc lại lúc {Wording.Moment(until)}."));
            }
            default:
                return new Reply([], new TapAnswer(query, Stale)) { Note = $"refused button \"{Clip(tap.Data)}\"" };
        }
    }

    private string Sign(Inbound inbound, string action, string listId, int number) =>
        signer.Sign(action, $"{listId}-{number.ToString(CultureInfo.InvariantCulture)}", inbound.UserId, clock.GetUtcNow());

    private static bool TryListItem(string argument, out string listId, out int number)
    {
        var dash = argument.LastIndexOf('-');
        listId = dash > 0 ? argument[..dash] : "";
        number = 0;
        return dash > 0 && int.TryParse(argument[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    // ---- reminders ---------------------------------------------------------------------------

    /// <summary>
    /// A reminder message for one official: their nudged tasks as a list (so numbers and buttons work
    /// as in any list), each with "✅ Đã xong" and "⏰ Nhắc lại sau". Null when nothing is left to say
    /// (the tasks were done meanwhile). Escalations name the late unit and carry no buttons when the
    /// reader may not change that unit's work.
    /// </summary>
    public Outbound? NudgeMessage(Official official, ChatAccount account, IReadOnlyList<Bot.Domain.Reminders.Nudge> nudges)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(nudges);
        var now = clock.GetUtcNow();
        var read = assignments.Get(nudges.Select(n => n.AssignmentId));
        var open = nudges.Select(n => (Nudge: n, Assignment: read.GetValueOrDefault(n.AssignmentId)))
            .Where(x => x.Assignment is { IsDone: false }).ToList();
        if (open.Count == 0) return null;
        var inbound = new Inbound(account.Channel, account.UserId, account.UserId);
        var list = new TaskList(NewListId(), ChatKey(inbound), "Nhắc việc", open.Select(x => x.Assignment!.Id).ToList(), now);
        memory.SaveList(list);
        var text = new StringBuilder($"⏰ Nhắc việc — anh/chị {official.Name}:\n");
        var buttons = new List<IReadOnlyList<Button>>();
        for (var i = 0; i < open.Count; i++)
        {
            var (nudge, a) = (open[i].Nudge, open[i].Assignment!);
            var number = i + 1;
            var why = nudge.Kind switch
            {
                Bot.Domain.Reminders.NudgeKind.Escalation => $"⚠️ {UnitName(a.UnitCode)} chưa hoàn thành",
                Bot.Domain.Reminders.NudgeKind.Overdue => "⚠️",
                _ => "•",
            };
            text.Append(CultureInfo.InvariantCulture, $"\n{number}. {why} {Wording.Summary(a.TaskText)}\n    {Wording.Source(a)} · {Wording.Deadline(a, now)}{Repeats(a)}");
            if (Access.MayChange(official, a.UnitCode))
                buttons.Add([new Button($"✅ Đã xong {number}", Sign(inbound, "d", list.Id, number)), new Button($"⏰ Nhắc lại sau {number}", Sign(inbound, "s", list.Id, number))]);
        }
        text.Append("\n\nBấm ✅ khi đã hoàn thành; «⏰ Nhắc lại sau» để được nhắc vào sáng ngày làm việc tới.");
        return new Outbound(account.UserId, text.ToString()) { Buttons = buttons };
    }

    /// <summary>The 07:30 digest for an official who asked for it: their unit's work due this week.</summary>
    public Outbound? DigestMessage(Official official, ChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var endOfWeek = VietnamTime.StartOfDay(today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7));
        var due = OpenOf(official).Where(t => t.DueBefore is { } d && d <= endOfWeek).Select(t => t.AssignmentId).ToList();
        var inbound = new Inbound(account.Channel, account.UserId, account.UserId);
        if (due.Count == 0) return Outbound.Say(account.UserId, $"☀️ Chào buổi sáng anh/chị {official.Name}. Tuần này đơn vị không có việc đến hạn.");
        var list = new TaskList(NewListId(), ChatKey(inbound), "Tóm tắt: việc đến hạn trong tuần", due, now);
        memory.SaveList(list);
        return Page(inbound, official, list, 0, editMessageId: null).Messages[0];
    }

    private Reply SnoozeByText(Inbound inbound, Official official, int? number)
    {
        var list = memory.LastList(ChatKey(inbound));
        if (list is null) return Say(inbound, "Chưa có việc nào để hoãn nhắc. Anh/chị gõ «việc của tôi» để xem danh sách.");
        var ids = number is { } n
            ? (Numbered(inbound, official, n) is { } a ? [a.Id] : [])
            : list.AssignmentIds.ToList();
        if (ids.Count == 0) return Say(inbound, $"Không có việc số {number} trong danh sách gần nhất.");
        var now = clock.GetUtcNow();
        // "nhắc lại thứ hai": the morning of the day named; otherwise the next working morning.
        var day = time.Recognize(inbound.Text ?? "", VietnamTime.ToLocal(now)).Select(m => m.Start).FirstOrDefault(s => s is not null);
        var until = day is { } d && d > now ? planner.NextWorkingMoment(d) : NextMorning(now);
        Snooze(official, ids, until);
        return Say(inbound, $"⏰ Sẽ nhắc lại lúc {Wording.Moment(until)}.");
    }

    private void Snooze(Official official, IReadOnlyList<string> assignmentIds, DateTimeOffset until)
    {
        var prefs = memory.Preferences(official.Phone);
        var snoozed = new Dictionary<string, DateTimeOffset>(prefs.Snoozed, StringComparer.Ordinal);
        foreach (var id in assignmentIds) snoozed[id] = until;
        memory.SavePreferences(prefs with { Snoozed = snoozed });
    }

    /// <summary>The next working day's start of work: where "nhắc lại sau" lands.</summary>
    private DateTimeOffset NextMorning(DateTimeOffset now)
    {
        var tomorrow = DateOnly.FromDateTime(VietnamTime.ToLocal(now)).AddDays(1);
        return planner.NextWorkingMoment(VietnamTime.StartOfDay(tomorrow));
    }

    // ---- leaders -----------------------------------------------------------------------------

    private Reply ProgressOf(Inbound inbound, Official official)
    {
        if (official.Role == Role.Staff)
            return Say(inbound, "Xem tiến độ dành cho trưởng đơn vị và lãnh đạo huyện. Anh/chị gõ «việc của tôi» để xem việc của đơn vị.");
        var now = clock.GetUtcNow();
        var local = VietnamTime.ToLocal(now);
        var from = VietnamTime.FromLocal(new DateTime(local.Year, 1, 1));
        var rows = assignments.Progress(from, now.AddDays(7))
            .Where(p => Access.MaySee(official, p.UnitCode))
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.OnTimeRate ?? 1).ThenBy(p => p.UnitCode, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0) return Say(inbound, "Chưa có việc nào đến hạn trong năm nay.");
        var text = new StringBuilder($"📊 Tiến độ năm {local.Year}, tính đến {local:dd/MM/yyyy} (xong / tổng số việc, quá hạn, tỷ lệ đúng hạn):\n");
        foreach (var p in rows.Take(15))
        {
            var rate = p.OnTimeRate is { } r ? $", đúng hạn {Math.Round(r * 100).ToString(CultureInfo.InvariantCulture)}%" : "";
            text.Append(CultureInfo.InvariantCulture, $"\n• {UnitName(p.UnitCode)}: xong {p.Done}/{p.Total}, quá hạn {p.Overdue}{rate}");
        }
        if (rows.Count > 15) text.Append(CultureInfo.InvariantCulture, $"\n… và {rows.Count - 15} đơn vị khác.");
        return Say(inbound, text.ToString());
    }

    // ---- preferences -------------------------------------------------------------------------

    private Reply Prefer(Inbound inbound, Official official, Func<OfficialPreferences, OfficialPreferences> change, string said)
    {
        memory.SavePreferences(change(memory.Preferences(official.Phone)));
        return Say(inbound, said);
    }

    private Reply Mute(Inbound inbound, Official official, RemindersIntent r)
    {
        if (r.Number is not { } number)
            return Prefer(inbound, official, p => p with { MutedAll = !r.On },
                r.On ? "Đã bật lại nhắc việc." : "Đã tắt nhắc việc. Gõ «bật nhắc» để nhận lại.");
        if (Numbered(inbound, official, number) is not { } a)
            return Say(inbound, $"Không có việc số {number} trong danh sách gần nhất.");
        return Prefer(inbound, official, p =>
        {
            var muted = new HashSet<string>(p.MutedAssignments, StringComparer.Ordinal);
            if (r.On) muted.Remove(a.Id);
            else muted.Add(a.Id);
            return p with { MutedAssignments = muted };
        }, r.On ? $"Đã bật lại nhắc việc {number}." : $"Đã tắt nhắc việc {number}.");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Assignment? Numbered(Inbound inbound, Official official, int number)
    {
        var list = memory.LastList(ChatKey(inbound));
        if (list is null || number < 1 || number > list.AssignmentIds.Count) return null;
        var a = assignments.Get(list.AssignmentIds[number - 1]);
        return a is not null && Access.MaySee(official, a.UnitCode) ? a : null;
    }

    private string UnitName(string code) => units.ByCode(code)?.Name ?? code;

    /// <summary>" (hằng tháng, trước ngày 15)" for a repeating duty, from its RRULE.</summary>
    private static string Repeats(Assignment a) => Wording.Repetition(a.Recurrence) is { } words ? $" ({words})" : "";

    private static string ChatKey(Inbound inbound) => $"{inbound.Channel}:{inbound.ChatId}";

    private static string NewListId() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();

    private static Reply Say(Inbound inbound, string text) => new([Outbound.Say(inbound.ChatId, text)]);

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";

    public const string HelpText =
        "Anh/chị có thể gõ:\n" +
        "• việc của tôi — việc đơn vị còn phải làm\n" +
        "• sắp đến hạn, tuần này, trước 30/11 — việc sắp đến hạn\n" +
        "• quá hạn — việc đã quá hạn\n" +
        "• việc 2 — xem chi tiết việc số 2\n" +
        "• xong việc 2 — báo đã hoàn thành (hoặc bấm ✅ Đã xong)\n" +
        "• hoàn tác — hủy xác nhận vừa rồi\n" +
        "• công văn 1259 — việc theo một văn bản\n" +
        "• tiến độ — tiến độ các đơn vị (trưởng đơn vị, lãnh đạo)\n" +
        "• bật tóm tắt hằng ngày, tắt nhắc — tùy chọn nhắc việc";
}

namespace Bot.Domain.Words;

// What the bot says about extension requests (xin gia hạn), progress reports and leaders' reports.
public static partial class Phrases
{
    // ---- extension requests: the official -----------------------------------------------------

    public const string ExtendButton = "⏳ Xin gia hạn";

    public const string ExtensionWhichTask = "Anh/chị muốn xin gia hạn việc số mấy? Ví dụ: «xin gia hạn việc 2 đến 30/11 vì chờ số liệu».";

    public const string ExtensionOfDoneTask = "Việc này đã xong, không cần gia hạn.";

    public const string CancelHint = " (gõ «hủy» để thôi)";

    public static string ExtensionAskDate(int? number, string task, DateTimeOffset? currentDue) =>
        $"⏳ Xin gia hạn{(number is { } n ? $" việc {n}" : "")}: {task}\n" +
        $"Hạn hiện tại: {(currentDue is { } d ? Wording.DueInFull(d) : "không ghi hạn")}.\n" +
        "Anh/chị muốn gia hạn đến ngày nào? Ví dụ: «30/11», «thứ sáu tuần sau»" + CancelHint + ".";

    public static string ExtensionAskReason(DateTimeOffset newDue) =>
        $"Gia hạn đến {Wording.DueInFull(newDue)}. Anh/chị cho biết lý do xin gia hạn" + CancelHint + ".";

    public const string ExtensionNoDate = "Trợ lý chưa đọc được ngày. Anh/chị gõ ngày muốn gia hạn đến, ví dụ «30/11» hoặc «cuối tháng sau»" + CancelHint + ".";

    public static string ExtensionNotLater(DateTimeOffset? currentDue) =>
        $"Hạn mới phải sau hạn hiện tại ({(currentDue is { } d ? Wording.DueInFull(d) : "không ghi hạn")}) và sau hôm nay. Anh/chị gõ ngày khác" + CancelHint + ".";

    public const string ExtensionNoReason = "Anh/chị cho biết lý do ngắn gọn, ví dụ «chờ số liệu của các xã»" + CancelHint + ".";

    public const string ExtensionCancelled = "Đã thôi, không gửi đề nghị gia hạn.";

    public static string ExtensionSent(DateTimeOffset newDue, string approvers) =>
        $"⏳ Đã gửi đề nghị gia hạn đến {Wording.DueInFull(newDue)} tới {approvers}. Khi có ý kiến, trợ lý sẽ báo anh/chị tại đây.";

    public static string ExtensionAlreadyAsked(DateTimeOffset askedAt, DateTimeOffset? newDue) =>
        $"Việc này đã có đề nghị gia hạn{(newDue is { } d ? $" đến {Wording.DueInFull(d)}" : "")} gửi lúc {Wording.At(askedAt)}, đang chờ duyệt. Mỗi việc chỉ gửi một đề nghị một lúc.";

    public static string ExtensionBeingDrafted(string byName) => $"Anh/chị {byName} đang soạn đề nghị gia hạn việc này.";

    public const string ExtensionNoApprover = "Chưa có người duyệt gia hạn nào dùng trợ lý. Anh/chị vui lòng liên hệ Văn phòng HĐND và UBND huyện.";

    public const string ApproversOffice = "Văn phòng HĐND và UBND huyện";

    public const string ApproversLeaders = "lãnh đạo huyện";

    public static string ExtensionGranted(string task, DateTimeOffset newDue, string byName, bool otherDate) =>
        $"✅ Đề nghị gia hạn đã được {byName} đồng ý{(otherDate ? " (theo ngày khác ngày anh/chị đề nghị)" : "")}:\n{task}\nHạn mới: {Wording.DueInFull(newDue)}.";

    public static string ExtensionRefused(string task, string byName, string? reason) =>
        $"✖️ Đề nghị gia hạn không được {byName} đồng ý:\n{task}\nLý do: {reason ?? "không nêu"}. Anh/chị vui lòng hoàn thành theo hạn cũ.";

    // ---- extension requests: the approver -----------------------------------------------------

    public const string ApproveButton = "✅ Đồng ý";

    public const string RejectButton = "✖️ Không đồng ý";

    public const string OtherDateButton = "📅 Ngày khác";

    public static string ExtensionCard(bool reminder, string unit, string byName, string task, string source, DateTimeOffset? currentDue, DateTimeOffset askedDue,
        string reason, DateTimeOffset askedAt) =>
        (reminder ? $"⏰ Nhắc: đề nghị gia hạn gửi lúc {Wording.At(askedAt)} chưa được trả lời.\n\n" : "") +
        $"⏳ Đề nghị gia hạn — {unit} ({byName})\n{task}\n{source}\n" +
        $"• Hạn hiện tại: {(currentDue is { } d ? Wording.DueInFull(d) : "không ghi hạn")}\n" +
        $"• Xin gia hạn đến: {Wording.DueInFull(askedDue)}\n• Lý do: {reason}";

    public const string ExtensionNotYours = "Anh/chị không có quyền duyệt gia hạn.";

    public static string ExtensionAlreadyDecided(string? byName, DateTimeOffset? at, bool approved) =>
        $"Đề nghị này đã được {byName ?? "người khác"} {(approved ? "đồng ý" : "trả lời")}{(at is { } t ? $" lúc {Wording.At(t)}" : "")}.";

    public const string ExtensionWithdrawn = "Đề nghị này không còn chờ duyệt.";

    public const string ExtensionAskRejectReason = "Anh/chị cho biết lý do không đồng ý (trợ lý sẽ gửi lại cho đơn vị)" + CancelHint + ".";

    public static string ExtensionAskOtherDate(DateTimeOffset askedDue) =>
        $"Đơn vị xin đến {Wording.DueInFull(askedDue)}. Anh/chị đồng ý gia hạn đến ngày nào? Ví dụ «15/11»" + CancelHint + ".";

    public const string ExtensionAnswerDropped = "Đã thôi. Đề nghị vẫn chờ anh/chị quyết định.";

    public static string ExtensionApprovedCard(string card, string byName, DateTimeOffset newDue) =>
        $"{card}\n\n✅ {byName} đã đồng ý gia hạn đến {Wording.DueInFull(newDue)}. Đơn vị đã được báo.";

    public static string ExtensionApproved(string task, DateTimeOffset newDue) =>
        $"✅ Đã gia hạn đến {Wording.DueInFull(newDue)}: {task}. Đơn vị đã được báo; việc nhắc hạn tính theo hạn mới.";

    public static string ExtensionRejected(string task) => $"✖️ Đã trả lời không đồng ý gia hạn: {task}. Đơn vị đã được báo lý do.";

    public const string ApprovedToast = "Đã đồng ý gia hạn.";
}

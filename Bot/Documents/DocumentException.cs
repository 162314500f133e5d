namespace Bot.Documents;

/// <summary>What kept a file from being read.</summary>
public enum DocumentProblem
{
    NotFound,
    Unreadable,
    Empty,
    TooLarge,
    Unsupported,
    NotText,
    NotVietnamese,
    Scanned,
    Damaged,
    Protected,
    OcrUnavailable,
    OcrFailed,
}

/// <summary>
/// A file that cannot be read as a directive. The message is short, polite Vietnamese, ready to
/// show to the official as it is; <see cref="Problem"/> says which case it is, for logs and tests.
/// </summary>
public sealed class DocumentException : Exception
{
    public DocumentException(DocumentProblem problem, string message, Exception? inner = null)
        : base(message, inner) => Problem = problem;

    public DocumentProblem Problem { get; }

    internal static DocumentException NotFound(string fileName) =>
        new(DocumentProblem.NotFound, $"Không tìm thấy tệp “{fileName}”.");

    internal static DocumentException Unreadable(string fileName, Exception inner) =>
        new(DocumentProblem.Unreadable, $"Không mở được tệp “{fileName}”. Anh/chị vui lòng kiểm tra lại.", inner);

    internal static DocumentException Empty() =>
        new(DocumentProblem.Empty, "Tệp trống, không có nội dung để đọc.");

    internal static DocumentException TooLarge(long limitBytes) =>
        new(DocumentProblem.TooLarge, $"Tệp quá lớn (trên {limitBytes / (1024 * 1024)} MB). Anh/chị vui lòng gửi tệp nhỏ hơn.");

    internal static DocumentException Unsupported(string extension) => extension == ".doc"
        ? new(DocumentProblem.Unsupported, "Tệp Word cũ (.doc) chưa đọc được. Anh/chị vui lòng lưu lại thành .docx rồi gửi lại.")
        : new(DocumentProblem.Unsupported,
            $"Chưa đọc được tệp dạng “{(extension.Length == 0 ? "không có đuôi" : extension)}”. Anh/chị vui lòng gửi tệp .txt, .pdf, .docx hoặc ảnh .jpg, .png.");

    internal static DocumentException NotText() =>
        new(DocumentProblem.NotText, "Tệp này không phải văn bản (có thể là ảnh hoặc tệp nhị phân). Anh/chị vui lòng kiểm tra lại.");

    internal static DocumentException NotVietnamese() =>
        new(DocumentProblem.NotVietnamese, "Không thấy nội dung tiếng Việt trong tệp. Anh/chị vui lòng kiểm tra lại văn bản.");

    internal static DocumentException Scanned() =>
        new(DocumentProblem.Scanned, "Tệp PDF này là bản quét, không có lớp chữ. Anh/chị cần nhận dạng chữ (OCR) trước khi nạp.");

    internal static DocumentException Damaged(string kind, Exception inner) =>
        new(DocumentProblem.Damaged, $"Tệp {kind} bị hỏng hoặc không mở được. Anh/chị vui lòng kiểm tra lại.", inner);

    internal static DocumentException OcrUnavailable(IReadOnlyList<string> missing) =>
        new(DocumentProblem.OcrUnavailable,
            $"Tệp này là bản quét hoặc ảnh, nhưng máy chủ chưa cài phần mềm nhận dạng chữ (thiếu {string.Join(", ", missing)}). "
            + "Anh/chị vui lòng báo quản trị viên chạy scripts/setup.sh, hoặc gửi bản có lớp chữ (.docx, .pdf xuất từ Word).");

    internal static DocumentException OcrFailed(string detail) =>
        new(DocumentProblem.OcrFailed, "Không nhận dạng được chữ trong bản quét. Anh/chị vui lòng gửi bản rõ hơn.",
            new InvalidOperationException(detail));

    internal static DocumentException OcrTimedOut(TimeSpan limit) =>
        new(DocumentProblem.OcrFailed,
            $"Nhận dạng một trang mất quá {limit.TotalSeconds:0} giây nên đã dừng. Anh/chị vui lòng gửi bản quét rõ hơn hoặc ít trang hơn.");

    internal static DocumentException Protected() =>
        new(DocumentProblem.Protected, "Tệp PDF có mật khẩu. Anh/chị vui lòng gửi bản không đặt mật khẩu.");
}

using System.Text.RegularExpressions;
using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// The furniture of a web page around a directive's text, as portals of provinces and districts print it:
/// photo captions ("… Ảnh: Hữu Hoàn"), image names ("danh-gia-thang-10"), counters and links ("Lượt xem",
/// "Thống kê truy cập", "Tin liên quan"). A line of furniture becomes blank, so it is neither a task nor joins one.
/// </summary>
public static partial class PageChrome
{
    /// <summary>Navigation and counters of news portals, folded; a line that is one of them (and little else) is furniture.</summary>
    private static readonly string[] Furniture =
    [
        "tim kiem", "tim kiem tin tuc", "xem tin theo ngay", "viet binh luan moi", "thong ke truy cap", "tong truy cap", "truy cap hien tai", "truy cap tong", "dang truy cap",
        "luot xem", "xem voi co chu", "co chu", "in bai viet", "gui bai viet", "chia se", "tin lien quan", "tin tuc lien quan",
        "cac tin khac", "tin khac", "viet binh luan", "binh luan", "danh gia", "tap tin dinh kem", "dinh kem", "xuat ban thong tin",
        "cac thong tin tien ich", "ve dau trang", "quay lai", "chung nhan tin nhiem mang", "detailcontroller", "ban in", "tai ve",
        "mac dinh co chu", "lien ket website", "trang chu",
    ];

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageName { get; }

    /// <summary>The line, or "" when it is page furniture.</summary>
    public static string Clean(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return line;
        if (ImageName.IsMatch(trimmed)) return "";
        // A photo caption ends with its author: "Toàn cảnh hội nghị. Ảnh: Hữu Hoàn".
        if (trimmed.Contains("Ảnh:", StringComparison.Ordinal)) return "";
        // Furniture is a few words: a line of prose is passed over before it is folded.
        if (Word.Count(trimmed) > 6) return line;
        var words = Word.Split(VietnameseText.Fold(trimmed));
        var text = string.Join(' ', words.Where(w => !w.IsNumber).Select(w => w.Text));
        return Furniture.Contains(text, StringComparer.Ordinal) ? "" : line;
    }
}

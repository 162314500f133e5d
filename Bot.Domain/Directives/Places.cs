using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// Place names with their diacritics, to restore the name of an issuing body read by OCR
/// ("HUYEN TU KY" → "Tứ Kỳ"). The provinces and centrally-run cities (before the 2025
/// mergers, as the archives are written), and the district-level units of Hải Dương, the
/// province the samples come from. Each with the level it usually has, for when a
/// document names only the place ("Tứ Kỳ, ngày ...").
/// </summary>
public static class Places
{
    public sealed record Place(string Name, string Level);

    public static readonly IReadOnlyList<Place> Known =
    [
        // Hải Dương: 2 cities, 1 town, 9 districts.
        new("Hải Dương", "thành phố"), new("Chí Linh", "thành phố"), new("Kinh Môn", "thị xã"),
        new("Bình Giang", "huyện"), new("Cẩm Giàng", "huyện"), new("Gia Lộc", "huyện"), new("Kim Thành", "huyện"),
        new("Nam Sách", "huyện"), new("Ninh Giang", "huyện"), new("Thanh Hà", "huyện"), new("Thanh Miện", "huyện"),
        new("Tứ Kỳ", "huyện"),
        // Provinces and centrally-run cities.
        new("Hà Nội", "thành phố"), new("Hồ Chí Minh", "thành phố"), new("Hải Phòng", "thành phố"), new("Đà Nẵng", "thành phố"),
        new("Cần Thơ", "thành phố"), new("An Giang", "tỉnh"), new("Bà Rịa - Vũng Tàu", "tỉnh"), new("Bắc Giang", "tỉnh"),
        new("Bắc Kạn", "tỉnh"), new("Bạc Liêu", "tỉnh"), new("Bắc Ninh", "tỉnh"), new("Bến Tre", "tỉnh"), new("Bình Định", "tỉnh"),
        new("Bình Dương", "tỉnh"), new("Bình Phước", "tỉnh"), new("Bình Thuận", "tỉnh"), new("Cà Mau", "tỉnh"),
        new("Cao Bằng", "tỉnh"), new("Đắk Lắk", "tỉnh"), new("Đắk Nông", "tỉnh"), new("Điện Biên", "tỉnh"), new("Đồng Nai", "tỉnh"),
        new("Đồng Tháp", "tỉnh"), new("Gia Lai", "tỉnh"), new("Hà Giang", "tỉnh"), new("Hà Nam", "tỉnh"), new("Hà Tĩnh", "tỉnh"),
        new("Hậu Giang", "tỉnh"), new("Hòa Bình", "tỉnh"), new("Hưng Yên", "tỉnh"), new("Khánh Hòa", "tỉnh"),
        new("Kiên Giang", "tỉnh"), new("Kon Tum", "tỉnh"), new("Lai Châu", "tỉnh"), new("Lâm Đồng", "tỉnh"), new("Lạng Sơn", "tỉnh"),
        new("Lào Cai", "tỉnh"), new("Long An", "tỉnh"), new("Nam Định", "tỉnh"), new("Nghệ An", "tỉnh"), new("Ninh Bình", "tỉnh"),
        new("Ninh Thuận", "tỉnh"), new("Phú Thọ", "tỉnh"), new("Phú Yên", "tỉnh"), new("Quảng Bình", "tỉnh"),
        new("Quảng Nam", "tỉnh"), new("Quảng Ngãi", "tỉnh"), new("Quảng Ninh", "tỉnh"), new("Quảng Trị", "tỉnh"),
        new("Sóc Trăng", "tỉnh"), new("Sơn La", "tỉnh"), new("Tây Ninh", "tỉnh"), new("Thái Bình", "tỉnh"),
        new("Thái Nguyên", "tỉnh"), new("Thanh Hóa", "tỉnh"), new("Thừa Thiên Huế", "tỉnh"), new("Tiền Giang", "tỉnh"),
        new("Trà Vinh", "tỉnh"), new("Tuyên Quang", "tỉnh"), new("Vĩnh Long", "tỉnh"), new("Vĩnh Phúc", "tỉnh"),
        new("Yên Bái", "tỉnh"),
    ];

    private static readonly (Place Place, string[] Words)[] Folded =
        Known.Select(p => (p, Word.Split(VietnameseText.Fold(p.Name)).Select(w => w.Text).ToArray())).ToArray();

    /// <summary>
    /// The known place these words name, or null. Words written with diacritics must name it
    /// exactly; words that lost them to OCR may be off by its glyph confusions and one stray
    /// glyph, and then the level must agree ("HUYEN GIA LAM" is not the province Gia Lai).
    /// </summary>
    /// <param name="words">The words as written.</param>
    /// <param name="level">The level the document gives the place ("huyện"), when it gives one.</param>
    public static Place? Find(IReadOnlyList<string> words, string? level = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var folded = words.Select(w => VietnameseText.Fold(w)).ToList();
        var exact = Folded.Where(p => p.Words.SequenceEqual(folded, StringComparer.Ordinal)).Select(p => p.Place).ToList();
        if (exact.Count > 0) return exact.FirstOrDefault(p => p.Level == level) ?? exact[0];
        var hasDiacritics = words.Any(w => w.Any(c => c > 127 && char.IsLetter(c)));
        if (hasDiacritics) return null;
        Place? best = null;
        var bestCost = double.MaxValue;
        foreach (var (place, name) in Folded)
        {
            if (name.Length != folded.Count || (level is not null && place.Level != level)) continue;
            var cost = 0.0;
            for (var k = 0; k < name.Length && cost < bestCost; k++) cost += OcrDistance.Between(folded[k], name[k]);
            // A place name may be off by the glyph confusions of each word and one stray glyph in all.
            if (cost <= 1 + OcrDistance.Confusion * name.Length && cost < bestCost) (best, bestCost) = (place, cost);
        }
        return best;
    }

    /// <summary>A place name as written, in title case when it was written in capitals ("THANH HÀ" → "Thanh Hà").</summary>
    public static string AsWritten(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c))
            ? w[..1] + w[1..].ToLowerInvariant()
            : w));
    }
}

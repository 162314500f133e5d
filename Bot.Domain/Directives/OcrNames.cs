using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// Names of people and places have no digits: a digit inside a word of letters is a letter OCR
/// misread ("1e Van Tung" → "Le Van Tung", "GIA 1AM" → "GIA LAM", "X4" → "Xa").
/// </summary>
public static class OcrNames
{
    public static string Repair(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Split(' ').Select(RepairWord));
    }

    private static string RepairWord(string word)
    {
        if (!word.Any(char.IsLetter) || !word.Any(char.IsDigit)) return word;
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var letter = chars[i] switch { '1' => 'l', '0' => 'o', '6' => 'o', '4' => 'a', '3' => 'a', _ => chars[i] };
            if (letter == chars[i]) continue;
            // The case of a neighbour: "1e" starts a name (L), "1AM" is in capitals (L), "Gia1" follows lower case.
            var upper = i == 0 ? chars.Length > 1 && !char.IsUpper(chars[1]) || chars.Skip(1).Where(char.IsLetter).All(char.IsUpper)
                : char.IsUpper(chars[i - 1]);
            chars[i] = upper ? char.ToUpperInvariant(letter) : letter;
        }
        return new string(chars);
    }

    /// <summary>Common family names (họ), most frequent first.</summary>
    private static readonly string[] FamilyNames =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
        "Đào", "Đinh", "Lương", "Trương", "Lưu", "Vi", "Hà", "Tạ", "Cao", "Đoàn", "Lâm", "Phùng", "Trịnh", "Mai", "Tô", "Chu",
        "Nông", "Triệu", "Quách", "Kiều", "Thái", "Tăng", "Đồng", "Khúc", "Mạc", "Doãn", "Vương", "Hứa", "Lại", "Đàm", "Nghiêm",
        "Tống", "Ninh", "Giang", "Lã",
    ];

    /// <summary>Common middle names (tên đệm).</summary>
    private static readonly string[] MiddleNames =
    [
        "Văn", "Thị", "Đức", "Hữu", "Ngọc", "Minh", "Quang", "Xuân", "Hồng", "Thu", "Kim", "Công", "Đình", "Bá", "Quốc", "Mạnh",
        "Trọng", "Tiến", "Thế", "Duy", "Huy", "Phương", "Khánh", "Việt", "Hoài", "Tuấn", "Trung", "Đăng", "Gia", "Bích",
    ];

    /// <summary>
    /// A name OCR read without its diacritics ("Liru Vin Ban"), with its family and middle names restored from the
    /// common ones ("Lưu Văn Ban"); a name written with diacritics, or a word that could be two names, stays as written.
    /// The given name stays: too many share a folded form.
    /// </summary>
    public static string RestorePerson(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Any(w => w.Any(c => c > 127 && c is not ('Đ' or 'đ')))) return name;
        for (var i = 0; i < words.Length - 1; i++)
            words[i] = Closest(words[i], i == 0 ? FamilyNames : MiddleNames) ?? words[i];
        return string.Join(' ', words);
    }

    private static string? Closest(string word, string[] names)
    {
        var folded = VietnameseText.Fold(word);
        string? best = null;
        var bestCost = double.MaxValue;
        var tie = false;
        foreach (var name in names)
        {
            var candidate = VietnameseText.Fold(name);
            if (!OcrDistance.Like(folded, candidate)) continue;
            var cost = OcrDistance.Between(folded, candidate);
            if (cost < bestCost) (best, bestCost, tie) = (name, cost, false);
            else if (cost == bestCost && VietnameseText.Fold(best!) != candidate) tie = true;
        }
        return tie ? null : best;
    }
}

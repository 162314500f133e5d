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
}

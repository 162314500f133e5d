namespace Bot.Domain.Organization;

/// <summary>
/// Vietnamese mobile numbers as people write them ("0912 345 678", "+84 912.345.678",
/// "84912345678") brought to one form: 0 and nine digits, the first of them 3, 5, 7, 8 or 9.
/// </summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? text, out string phone)
    {
        phone = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        // Only digits, spaces and the usual separators may be around them.
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '(' or ')' or '+'))) return false;
        if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11) digits = "0" + digits[2..];
        else if (text.TrimStart().StartsWith('+')) return false; // a foreign number
        if (digits.Length != 10 || digits[0] != '0' || digits[1] is not ('3' or '5' or '7' or '8' or '9')) return false;
        phone = digits;
        return true;
    }

    /// <summary>The international form for channels that want it: +84xxxxxxxxx.</summary>
    public static string International(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return "+84" + phone[1..];
    }
}

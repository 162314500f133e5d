using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Domain.Text;

/// <summary>
/// Words typed with the Telex or VNI keyboard rules left in ("vieecj" and "vie65c" for "việc",
/// "cuar" for "của"), read as the folded syllable they spell. A word is changed only when it is not
/// already a Vietnamese syllable and becomes one once its mark keys are dropped, so "tre", "xong",
/// "ubnd" and "ok" stay as typed.
/// </summary>
public static partial class Typing
{
    /// <summary>A folded text with each Telex or VNI word read as its folded syllable; other characters kept.</summary>
    public static string Fold(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var words = Word.Split(folded);
        if (words.Count == 0) return folded;
        var sb = new StringBuilder(folded.Length);
        var at = 0;
        foreach (var w in words)
        {
            sb.Append(folded, at, w.Start - at).Append(Syllable(w.Text));
            at = w.End;
        }
        return sb.Append(folded, at, folded.Length - at).ToString();
    }

    /// <summary>One folded word as the syllable it spells in Telex or VNI, or the word itself.</summary>
    public static string Syllable(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 2 || IsSyllable(word) || !char.IsAsciiLetter(word[0])) return word;
        var initial = Initial().Match(word).Value;
        var rest = word[initial.Length..];
        // VNI puts digits 1-9 after the vowels; Telex puts s f r x j (tones) and doubles or adds w (shapes).
        var plain = rest.Any(char.IsAsciiDigit)
            ? new string(rest.Where(c => c is not (>= '1' and <= '9')).ToArray())
            : Shapes().Replace(TelexTones().Replace(rest, ""), m => m.Value[..1]);
        if (initial == "dd") initial = "d";
        var candidate = initial + plain.Replace("w", "u", StringComparison.Ordinal);
        return candidate != word && IsSyllable(candidate) ? candidate : word;
    }

    /// <summary>A folded Vietnamese syllable: an initial consonant, vowels, a final consonant.</summary>
    public static bool IsSyllable(string word) => SyllableShape().IsMatch(word) && !Doubled().IsMatch(word);

    // No folded syllable doubles a vowel ("vaan" is Telex for "vân") but "oong" (xoong, boong).
    [GeneratedRegex(@"aa|ee|ii|uu|yy|oo(?!ng)")]
    private static partial Regex Doubled();

    [GeneratedRegex(@"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|dd|[bcdghklmnpqrstvx])?")]
    private static partial Regex Initial();

    // Tone keys only after a vowel: the initial's own letters ("tr", "x") were split off before.
    [GeneratedRegex(@"(?<=[aeiouyw])[sfrxj]|[sfrxj]$")]
    private static partial Regex TelexTones();

    [GeneratedRegex(@"aa|aw|ee|oo|ow|uw")]
    private static partial Regex Shapes();

    [GeneratedRegex(@"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?$")]
    private static partial Regex SyllableShape();
}

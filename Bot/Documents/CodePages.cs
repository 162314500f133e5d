using System.Text;

namespace Bot.Documents;

/// <summary>The Windows code pages that .NET ships in its CodePages provider.</summary>
internal static class CodePages
{
    /// <summary>Western European: the glyphs old VNI and TCVN3 bytes show as without their fonts.</summary>
    public static Encoding Windows1252 { get; } = Get(1252);

    /// <summary>Microsoft's Vietnamese code page: precomposed ă â ê ô ơ ư đ, tones as combining bytes.</summary>
    public static Encoding Windows1258 { get; } = Get(1258);

    private static Encoding Get(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // idempotent
        return Encoding.GetEncoding(codePage);
    }
}

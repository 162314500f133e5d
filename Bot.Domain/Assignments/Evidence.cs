namespace Bot.Domain.Assignments;

/// <summary>
/// What an evidence file of a progress report may be: a photo (JPEG, PNG), a PDF or a DOCX, not empty, at most
/// <see cref="MaxBytes"/>; told by its first bytes, not its name. A file sent within <see cref="Window"/> after one's
/// own progress report belongs to it.
/// </summary>
public static class Evidence
{
    /// <summary>What a channel lets a bot fetch (Telegram's getFile: 20 MB), as for directives.</summary>
    public const long MaxBytes = Desk.IDirectiveIntake.MaxBytes;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public enum Check
    {
        Fine,
        Empty,
        Kind,
    }

    public static Check Of(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return Check.Empty;
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        ReadOnlySpan<byte> pdf = "%PDF-"u8;
        ReadOnlySpan<byte> zip = [(byte)'P', (byte)'K', 0x03, 0x04]; // DOCX is a zip package
        return content.StartsWith(jpeg) || content.StartsWith(png) || content.StartsWith(pdf) || content.StartsWith(zip) ? Check.Fine : Check.Kind;
    }
}

using Bot.Domain.Assignments;
using Bot.Domain.Conversation;

namespace Bot.Domain.Desk;

/// <summary>What became of a file sent in chat: read into a directive (with the original bytes), or refused with a reason to show.</summary>
public abstract record Intake;

public sealed record IntakeRead(ReadDirective Read, byte[] Original) : Intake;

/// <param name="Message">Vietnamese, ready to show: what is wrong and what to do.</param>
/// <param name="Why">For the log.</param>
public sealed record IntakeRefused(string Message, string Why) : Intake;

/// <summary>
/// The host's part of intake: fetch a sent file from its channel (within the size limit) and read it — text, PDF,
/// DOCX, .doc by conversion, scans by OCR with a progress message in the chat — into a directive. Nothing is stored.
/// </summary>
public interface IDirectiveIntake
{
    /// <summary>The largest file a channel lets a bot fetch (Telegram's getFile: 20 MB).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    Task<Intake> ReadAsync(Inbound from, InboundDocument document, CancellationToken cancellationToken);
}

using Bot.Domain.Assignments;
using Bot.Domain.Desk;
using Bot.Domain.Organization;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation.Handlers;

/// <summary>
/// Evidence of progress (minh chứng): a photo, PDF or DOCX sent with a progress report as its caption ("việc 2 đã
/// làm được 60%"), or sent within <see cref="Evidence.Window"/> after one's own report, is kept in the store's files
/// and listed on the report; the task's detail counts them and its «📎 Xem minh chứng» sends them to whoever may see
/// the task. A file too large, empty or of another kind is refused and nothing is kept. Asked before the desk: a file
/// that is neither goes on to it (the office's directives). The office attaches evidence by its caption only, so a
/// directive sent just after a progress report is still read as a directive.
/// </summary>
public sealed class EvidenceHandler(IChatFiles files, IOriginalFiles store, IProgressReports progress, PartProgressHandler reports, ShownLists lists)
    : IAsyncConversationHandler
{
    public async Task<Reply?> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Intent is not DocumentIntent { Document: var document } sent) return Handle(turn);
        if (sent.Caption is PartProgressIntent said)
        {
            var (task, number, refusal) = reports.Resolve(turn, said);
            if (refusal is not null) return refusal;
            var kept = await KeepAsync(turn, document, cancellationToken);
            return kept.File is { } file ? reports.Record(turn, said, task!, number, [file]) : kept.Refusal;
        }
        if (Access.MayPublish(turn.Official) || progress.LatestBy(turn.Official.Phone, turn.Now - Evidence.Window) is not { } recent) return null;
        var added = await KeepAsync(turn, document, cancellationToken);
        if (added.File is not { } evidence) return added.Refusal;
        var updated = recent with { Files = [.. recent.Files, evidence] };
        progress.Update(updated);
        return turn.Say(Phrases.EvidenceAdded(evidence.FileName, Phrases.ProgressShort(recent.Percent, recent.Note), updated.Files.Count))
            with { Note = $"evidence \"{evidence.FileName}\" added to progress {recent.Id}" };
    }

    public Reply? Handle(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Intent is EvidenceIntent e ? Send(turn, e.Number) : null;
    }

    /// <summary>Fetches, checks and keeps a file; nothing is kept when it is refused.</summary>
    private async Task<(EvidenceFile? File, Reply? Refusal)> KeepAsync(Turn turn, InboundDocument document, CancellationToken cancellationToken)
    {
        var tooLarge = Phrases.FileTooLarge((int)(Evidence.MaxBytes / (1024 * 1024)));
        if (document.Size > Evidence.MaxBytes) return (null, turn.Say(tooLarge) with { Note = $"evidence \"{document.FileName}\" refused: {document.Size} bytes" });
        var fetched = await files.FetchAsync(turn.Inbound, document, Evidence.MaxBytes, cancellationToken);
        if (fetched is FetchRefused refused) return (null, turn.Say(refused.Message) with { Note = $"evidence \"{document.FileName}\" refused: {refused.Why}" });
        var content = ((FetchedFile)fetched).Content;
        var check = Evidence.Of(content);
        if (check != Evidence.Check.Fine)
            return (null, turn.Say(check == Evidence.Check.Empty ? Phrases.EvidenceEmpty : Phrases.EvidenceKind) with { Note = $"evidence \"{document.FileName}\" refused: {check}" });
        var name = Path.GetFileName(document.FileName);
        return (new EvidenceFile(store.Keep(name, content), name, content.Length), null);
    }

    /// <summary>The task's evidence files, one message each, to someone who may see the task.</summary>
    private Reply Send(Turn turn, int number)
    {
        if (lists.Numbered(turn, number) is not { } a) return turn.Say(Phrases.NotInList(number));
        if (!Access.MaySee(turn.Official, a.UnitCode)) return turn.Say(Phrases.OtherUnitsWork) with { Note = "evidence of another unit's task" };
        var evidence = progress.OfAssignment(a.Id).SelectMany(r => r.Files).DistinctBy(f => f.Id).ToList();
        if (evidence.Count == 0) return turn.Say(Phrases.EvidenceNone(number));
        var messages = evidence.Select((f, i) => store.Open(f.Id) is { } file
            ? new Outbound(turn.Inbound.ChatId, Phrases.EvidenceCaption(number, i + 1, evidence.Count, f.FileName)) { File = new OutboundFile(f.FileName, file.Content, IsPhoto: false) }
            : Outbound.Say(turn.Inbound.ChatId, Phrases.EvidenceMissing(f.FileName))).ToList();
        return new Reply(messages) { Note = $"evidence of {a.Id}: {evidence.Count} file(s)" };
    }
}

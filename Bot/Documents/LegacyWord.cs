using System.Diagnostics;

namespace Bot.Documents;

/// <summary>
/// Word 97–2003 (.doc) to .docx with LibreOffice's headless converter (<c>soffice --headless --convert-to docx</c>,
/// Debian's libreoffice-writer-nogui), in a folder of its own with a profile of its own (two conversions at once
/// would share one otherwise), killed after a time limit. Offices still send .doc: it is read as the .docx it becomes.
/// </summary>
public static class LegacyWord
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string?> Soffice = new(() => Find("soffice") ?? Find("libreoffice"));

    /// <summary>The .docx bytes of a .doc file. Throws <see cref="DocumentException"/> when LibreOffice is missing or fails.</summary>
    public static async Task<byte[]> ToDocxAsync(byte[] doc, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (Soffice.Value is not { } soffice)
            throw new DocumentException(DocumentProblem.Unsupported,
                "Tệp Word cũ (.doc) cần LibreOffice để đọc, nhưng máy chủ chưa cài. Anh/chị vui lòng lưu lại thành .docx rồi gửi lại, hoặc báo quản trị viên chạy scripts/setup.sh.");
        var folder = Directory.CreateTempSubdirectory("bot-doc-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.doc");
            await File.WriteAllBytesAsync(input, doc, cancel);
            var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-env:UserInstallation=file://" + Path.Combine(folder.FullName, "profile"), "--headless", "--norestore",
                         "--convert-to", "docx", "--outdir", folder.FullName, input })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw Failed();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancel.IsCancellationRequested) throw;
                throw new DocumentException(DocumentProblem.Damaged,
                    $"Chuyển tệp .doc mất quá {Timeout.TotalSeconds:0} giây nên đã dừng. Anh/chị vui lòng lưu lại thành .docx rồi gửi lại.");
            }
            var docx = Path.Combine(folder.FullName, "in.docx");
            if (process.ExitCode != 0 || !File.Exists(docx)) throw Failed();
            return await File.ReadAllBytesAsync(docx, cancel);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } // a profile file LibreOffice still holds
        }
    }

    private static DocumentException Failed() =>
        new(DocumentProblem.Damaged, "Tệp Word (.doc) bị hỏng hoặc không mở được. Anh/chị vui lòng kiểm tra lại, hoặc lưu thành .docx rồi gửi lại.");

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}

using System.Text;
using Bot.Testing.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Tests.Channels;

/// <summary>The fake Bot API's files, through Telegram.Bot over real HTTP: getFile and the file URL, uploads by sendDocument and sendPhoto, and the real errors.</summary>
public sealed class FakeTelegramFilesTests : IAsyncLifetime
{
    private const long User = 601;
    private FakeTelegramServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_sent_document_is_fetched_by_getFile_and_its_URL()
    {
        var content = Encoding.UTF8.GetBytes("Số: 1301/UBND-VP");
        _server.SendDocument(User, "cv.txt", content);
        var update = Assert.Single(await _bot.GetUpdates(timeout: 0));
        var document = update.Message!.Document!;
        Assert.Equal("cv.txt", document.FileName);
        Assert.Equal(content.Length, document.FileSize);

        var file = await _bot.GetFile(document.FileId);
        using var downloaded = new MemoryStream();
        await _bot.DownloadFile(file.FilePath!, downloaded);
        Assert.Equal(content, downloaded.ToArray());
        Assert.Equal(1, _server.Stats.Downloads);
    }

    [Fact]
    public async Task GetFile_refuses_a_missing_or_unknown_id_and_a_file_over_20_MB()
    {
        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile(""));
        Assert.Equal(400, missing.ErrorCode);
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile("BQACAgIAAxk-no-such"));
        Assert.Equal("Bad Request: invalid file_id", unknown.Message);

        _server.SendDocument(User, "lon.pdf", [1], declaredSize: 21L * 1024 * 1024);
        var big = (await _bot.GetUpdates(timeout: 0))[^1].Message!.Document!;
        var tooBig = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile(big.FileId));
        Assert.Equal("Bad Request: file is too big", tooBig.Message);
    }

    [Fact]
    public async Task A_document_is_uploaded_by_multipart_and_sent_again_by_its_id()
    {
        _server.SendText(User, "gửi văn bản 1301");
        var bytes = Encoding.UTF8.GetBytes("nguyên văn");
        using var stream = new MemoryStream(bytes);
        var sent = await _bot.SendDocument(User, InputFile.FromStream(stream, "cv-1301.pdf"), caption: "Văn bản 1301/UBND-VP");
        Assert.Equal("cv-1301.pdf", sent.Document!.FileName);
        var shown = _server.Chat(User)[^1];
        Assert.Equal("Văn bản 1301/UBND-VP", shown.Text);
        Assert.Equal(bytes, shown.File!.Content);

        var again = await _bot.SendDocument(User, InputFile.FromFileId(sent.Document.FileId));
        Assert.Equal(sent.Document.FileId, again.Document!.FileId);
        var wrong = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(User, InputFile.FromFileId("nope")));
        Assert.Equal("Bad Request: wrong file identifier/HTTP URL specified", wrong.Message);
        using var photo = new MemoryStream([0x89, 0x50, 0x4E, 0x47]);
        Assert.NotEmpty((await _bot.SendPhoto(User, InputFile.FromStream(photo, "a.png"))).Photo!);
    }
}

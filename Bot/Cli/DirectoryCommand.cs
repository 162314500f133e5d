using Bot.Domain.Organization;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bot.Cli;

/// <summary>
/// `Bot directory import FILE` (CSV or XLSX: unit,name,role,phone), `Bot directory list [--unit NAME]` and
/// `Bot directory invite PHONE [--days N]` (a one-time link that links a chat without sharing the phone).
/// </summary>
public static class DirectoryCommand
{
    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var what = args.Positional.Count > 0 ? args.Positional[0] : "";
        return Task.FromResult(what switch
        {
            "import" when args.Positional.Count > 1 => Import(args, args.Positional[1]),
            "list" => List(args),
            "invite" when args.Positional.Count > 1 => Invite(args, args.Positional[1]),
            _ => throw new CliException("Bot directory import FILE | list [--unit NAME] | invite PHONE [--days N] [--db PATH]"),
        });
    }

    private static int Invite(CliArgs args, string phone)
    {
        if (!PhoneNumber.TryNormalize(phone, out var normalized)) throw new CliException($"Số điện thoại \"{phone}\" không hợp lệ.");
        var days = args.Option("days") is { } text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) && d > 0 ? d : 7;
        using var bot = StoreCli.Open(args);
        var official = bot.GetRequiredService<IDirectoryStore>().ByPhone(normalized) ?? throw new CliException($"Không có cán bộ nào có số {normalized} trong danh bạ.");
        var expires = bot.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(days);
        var code = bot.GetRequiredService<Bot.Domain.Conversation.IConversationStore>().CreateInvite(official.Phone, expires);
        var name = bot.GetRequiredService<IConfiguration>()["Telegram:BotUsername"];
        var link = string.IsNullOrWhiteSpace(name) ? $"https://t.me/<tên_bot>?start={code}" : $"https://t.me/{name}?start={code}";
        AnsiConsole.MarkupLine($"Lời mời cho [bold]{Markup.Escape(official.Name)}[/] ({Markup.Escape(official.Phone)}), dùng một lần, hết hạn sau {days} ngày:");
        Console.WriteLine(link);
        Console.WriteLine($"(hoặc gõ trong Telegram: /start {code})");
        return 0;
    }

    private static int Import(CliArgs args, string file)
    {
        IReadOnlyList<OfficialRow> rows;
        try
        {
            rows = DirectoryFile.Read(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"Không tìm thấy tệp danh bạ {file}.");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CliException($"Không đọc được tệp danh bạ {file}: {e.Message}");
        }
        using var bot = StoreCli.Open(args);
        var report = DirectoryImport.Check(rows, bot.GetRequiredService<UnitDirectory>());
        var added = bot.GetRequiredService<IDirectoryStore>().Upsert(report.Accepted);
        AnsiConsole.MarkupLine($"Đã nhận [green]{report.Accepted.Count}[/] dòng ({added} người mới, {report.Accepted.Count - added} cập nhật), bỏ qua [red]{report.Rejected.Count}[/] dòng.");
        if (report.Rejected.Count > 0)
        {
            var table = new Table().AddColumn("Dòng").AddColumn("Lý do");
            foreach (var r in report.Rejected) table.AddRow(r.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.Reason));
            AnsiConsole.Write(table);
        }
        return report.Rejected.Count == 0 ? 0 : CommandLine.BadInput;
    }

    private static int List(CliArgs args)
    {
        var isNew = StoreCli.IsNew(args);
        using var bot = StoreCli.Open(args);
        var units = bot.GetRequiredService<UnitDirectory>();
        var directory = bot.GetRequiredService<IDirectoryStore>();
        var officials = args.Option("unit") is { } name ? directory.OfUnit(StoreCli.Unit(units, name).Code) : directory.All();
        var table = new Table().AddColumn("Đơn vị").AddColumn("Họ tên").AddColumn("Vai trò").AddColumn("Điện thoại").AddColumn("Tài khoản chat");
        foreach (var o in officials.OrderBy(o => o.UnitCode, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(units.ByCode(o.UnitCode)?.Name ?? o.UnitCode), Markup.Escape(o.Name), Roles.Display(o.Role), o.Phone,
                Markup.Escape(string.Join(", ", o.ChatAccounts.Select(a => a.Channel))));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{officials.Count} người.");
        if (isNew && officials.Count == 0) StoreCli.SayNewStore(args);
        return 0;
    }
}

using Bot.Domain.Organization;
using Bot.Hosting;
using Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli;

/// <summary>What the verbs share: the bot's parts from the composition root, with `--db PATH` and `--units PATH` over the configuration.</summary>
internal static class StoreCli
{
    /// <summary>A verb's options as settings: `--db` is Storage:Path, `--units` Directory:Units.</summary>
    public static Dictionary<string, string?> Settings(CliArgs args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (args.Option("db") is { } db) settings["Storage:Path"] = db;
        if (args.Option("units") is { } units) settings["Directory:Units"] = units;
        return settings;
    }

    /// <summary>The bot's parts with its store open and its units read, or a Vietnamese message of what went wrong.</summary>
    public static ServiceProvider Open(CliArgs args, Action<IServiceCollection>? also = null) => Open(Settings(args), also);

    /// <inheritdoc cref="Open(CliArgs, Action{IServiceCollection}?)"/>
    public static ServiceProvider Open(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? also = null)
    {
        var configuration = BotConfiguration.Build(settings);
        var bot = BotServices.Build(configuration, also);
        try
        {
            bot.GetRequiredService<UnitDirectory>();
            bot.GetRequiredService<Bot.Domain.Assignments.IAssignmentStore>(); // opens the store
            return bot;
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException)
        {
            bot.Dispose();
            throw new CliException(e is StoreInUseException ? e.Message : $"Không mở được tệp dữ liệu {StoreOptions.From(configuration).Path}: {e.Message}");
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            bot.Dispose();
            throw new CliException($"Không đọc được cấu hình: {e.Message}");
        }
    }

    /// <summary>
    /// Whether the verb's store file does not exist yet: a verb that only reads it then says so, rather than
    /// answering from an empty store as if it were the district's (the console demo makes its own).
    /// </summary>
    public static bool IsNew(CliArgs args) => !File.Exists(StoreOptions.From(BotConfiguration.Build(Settings(args))).Path);

    /// <summary>The note a reading verb prints when it found nothing because the store is new.</summary>
    public static void SayNewStore(CliArgs args) =>
        Console.Error.WriteLine($"Lưu ý: chưa có tệp dữ liệu {StoreOptions.From(BotConfiguration.Build(Settings(args))).Path} (vừa tạo tệp trống). " +
            "Chỉ tệp khác bằng --db ĐƯỜNG_DẪN, nạp văn bản bằng «Bot import TỆP --publish», hoặc chạy thử bằng «Bot chat».");

    public static Unit Unit(UnitDirectory units, string name) =>
        units.Find(name) ?? throw new CliException($"Không tìm thấy đơn vị \"{name}\" trong danh mục.");
}

using Bot.Domain.Organization;
using Bot.Storage;
using Microsoft.Extensions.Configuration;

namespace Bot.Cli;

/// <summary>What the store verbs share: configuration, the store file (`--db PATH`), the units file (`--units PATH`).</summary>
internal static class StoreCli
{
    public static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("BOT_")
            .Build();

    public static BotStore OpenStore(CliArgs args)
    {
        var options = StoreOptions.From(Configuration(), args.Option("db"));
        try
        {
            return BotStore.Open(options, TimeProvider.System);
        }
        catch (LiteDB.LiteException e)
        {
            throw new CliException($"Không mở được tệp dữ liệu {options.Path}: {e.Message}");
        }
    }

    public static UnitDirectory Units(CliArgs args)
    {
        var path = args.Option("units") ?? Configuration()["Directory:Units"] ?? UnitsFile.DefaultPath;
        try
        {
            return UnitsFile.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ArgumentException)
        {
            throw new CliException($"Không đọc được danh mục đơn vị {path}: {e.Message}");
        }
    }

    public static Unit Unit(UnitDirectory units, string name) =>
        units.Find(name) ?? throw new CliException($"Không tìm thấy đơn vị \"{name}\" trong danh mục.");
}

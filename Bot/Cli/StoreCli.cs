using Bot.Domain.Organization;
using Bot.Hosting;
using Bot.Storage;
using Microsoft.Extensions.Configuration;

namespace Bot.Cli;

/// <summary>What the store verbs share: configuration, the store file (`--db PATH`), the units file (`--units PATH`).</summary>
internal static class StoreCli
{
    public static IConfiguration Configuration() => BotConfiguration.Build();

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
        var path = BotConfiguration.FindFile(args.Option("units") ?? Configuration()["Directory:Units"] ?? UnitsFile.DefaultPath);
        try
        {
            return UnitsFile.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ArgumentException)
        {
            throw new CliException($"Không đọc được danh mục đơn vị {path}: {e.Message}");
        }
    }

    /// <summary>The whole bot (store, units, reader) for verbs that read directives.</summary>
    public static BotApp OpenApp(CliArgs args)
    {
        var builder = new ConfigurationBuilder().AddConfiguration(Configuration());
        if (args.Option("units") is { } units) builder.AddInMemoryCollection(new Dictionary<string, string?> { ["Directory:Units"] = units });
        var configuration = builder.Build();
        try
        {
            return BotApp.Open(configuration, args.Option("db"), TimeProvider.System);
        }
        catch (LiteDB.LiteException e)
        {
            throw new CliException($"Không mở được tệp dữ liệu: {e.Message}");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or FormatException)
        {
            throw new CliException($"Không đọc được cấu hình: {e.Message}");
        }
    }

    public static Unit Unit(UnitDirectory units, string name) =>
        units.Find(name) ?? throw new CliException($"Không tìm thấy đơn vị \"{name}\" trong danh mục.");
}

using Microsoft.Extensions.Configuration;

namespace Bot.Storage;

/// <summary>
/// Where the store lives. `Storage:Path` (default data/bot.db, relative to the working folder)
/// and `Storage:Password` (optional: encrypts the file at rest). `--db PATH` on a verb wins.
/// </summary>
public sealed record StoreOptions(string Path, string? Password = null)
{
    public const string DefaultPath = "data/bot.db";

    public static StoreOptions From(IConfiguration configuration, string? pathOverride = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = pathOverride ?? configuration["Storage:Path"];
        return new StoreOptions(string.IsNullOrWhiteSpace(path) ? DefaultPath : path, configuration["Storage:Password"]);
    }
}

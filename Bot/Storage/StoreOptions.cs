using Microsoft.Extensions.Configuration;

namespace Bot.Storage;

/// <summary>
/// Where the store lives. `Storage:Path` (default data/bot.db, relative to the working folder),
/// `Storage:Password` (optional: encrypts the file at rest) and `Storage:Shared`: false (the default)
/// when one process owns the file, true for every process when several use it at once (`serve`
/// beside `remind-worker`, or a verb while the bot runs). `--db PATH` on a verb wins.
/// </summary>
public sealed record StoreOptions(string Path, string? Password = null, bool Shared = false)
{
    public const string DefaultPath = "data/bot.db";

    public static StoreOptions From(IConfiguration configuration, string? pathOverride = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = pathOverride ?? configuration["Storage:Path"];
        return new StoreOptions(string.IsNullOrWhiteSpace(path) ? DefaultPath : path, configuration["Storage:Password"],
            configuration.GetValue("Storage:Shared", defaultValue: false));
    }
}

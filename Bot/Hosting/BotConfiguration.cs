using Microsoft.Extensions.Configuration;

namespace Bot.Hosting;

/// <summary>
/// One way to read settings for every verb: appsettings.json beside the binary, then one in the
/// working folder, then environment variables (`Telegram__Token`, `Storage__Path`, `Clock__Now`).
/// Secrets come from the environment, never from files in the repository.
/// </summary>
public static class BotConfiguration
{
    public static IConfigurationRoot Build() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>A file under config/ or samples/: from the working folder if there, else beside the binary.</summary>
    public static string FindFile(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        if (Path.IsPathRooted(relative) || File.Exists(relative) || System.IO.Directory.Exists(relative)) return relative;
        var beside = Path.Combine(AppContext.BaseDirectory, relative);
        return File.Exists(beside) || System.IO.Directory.Exists(beside) ? beside : relative;
    }
}

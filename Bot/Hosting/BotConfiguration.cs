using Microsoft.Extensions.Configuration;

namespace Bot.Hosting;

/// <summary>
/// One way to read settings for every verb and host: appsettings.json beside the binary, then one in
/// the working folder, then environment variables (`Telegram__Token`, `Storage__Path`, `Clock__Now`),
/// then what the caller sets (a verb's --db, a test's settings). Secrets come from the environment,
/// never from files in the repository.
/// </summary>
public static class BotConfiguration
{
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? settings = null) =>
        AddSources(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true), settings).Build();

    /// <summary>The working folder's file, the environment and the caller's settings, over what a builder already has.</summary>
    public static IConfigurationBuilder AddSources(IConfigurationBuilder builder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true).AddEnvironmentVariables();
        if (settings is not null) builder.AddInMemoryCollection(settings);
        return builder;
    }
}

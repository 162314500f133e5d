namespace Bot.Hosting;

/// <summary>
/// Where the files of config/ and samples/ are found, the one way for every verb, host, bench and
/// test: a path as given when it exists (absolute, or from the working folder), else beside the
/// binary, where the build copies them, so `Bot` runs from any folder.
/// </summary>
public static class ConfigFiles
{
    public const string Holidays = "config/holidays.json";
    public const string Reminders = "config/reminders.json";
    public const string Units = "config/units.tu-ky.json";
    public const string SampleDirectory = "config/directory.sample.csv";
    public const string Samples = "samples";

    public static string Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return path;
        var beside = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(beside) || Directory.Exists(beside) ? beside : path;
    }

    public static string Read(string path) => File.ReadAllText(Find(path));
}

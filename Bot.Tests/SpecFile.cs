namespace Bot.Tests;

/// <summary>Reads the tab-separated spec files under Specs/: one row per test case, '#' lines are comments.</summary>
internal static class SpecFile
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Specs", relative);

    public static IEnumerable<string[]> Rows(string relative) =>
        File.ReadLines(PathOf(relative))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'));
}

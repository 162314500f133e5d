using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Bot.Domain.Text;
using Bot.Hosting;
using Bot.Storage;

namespace Bot.Documents;

/// <summary>
/// Loads the restorer's tables (models/restorer beside the program: syllables.txt, lm.txt.gz,
/// ocr.txt.gz; built by scripts/models) and, as its gazetteer, the district's unit and place names and the country's
/// provinces (places.txt), with
/// the readings precomputed from those tables (readings.txt.gz, written by `Bot bench restore --write-readings`)
/// when they were made from these very tables.
/// </summary>
public static class RestorerTables
{
    public const string Folder = "models/restorer";

    private static readonly Lazy<TextRestorer> Default = new(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The restorer for the district of the default directory, loaded once.</summary>
    public static TextRestorer Shared => Default.Value;

    /// <summary>Reads the tables and the names in a units file (config/units.*.json).</summary>
    public static TextRestorer Load(string? unitsFile = null)
    {
        var folder = ConfigFiles.Find(Folder);
        if (!Directory.Exists(folder))
            throw new FileNotFoundException($"Không thấy bảng khôi phục tiếng Việt ({Folder}) cạnh chương trình.", folder);
        using var syllables = new StreamReader(Path.Combine(folder, "syllables.txt"), Encoding.UTF8);
        using var lm = Gzip(Path.Combine(folder, "lm.txt.gz"));
        using var ocr = Gzip(Path.Combine(folder, "ocr.txt.gz"));
        var names = Names(ConfigFiles.Find(unitsFile ?? ConfigFiles.Units)).Concat(Places(Path.Combine(folder, PlacesFile)));
        var restorer = TextRestorer.Read(syllables, lm, ocr, names);
        var readings = Path.Combine(folder, ReadingsFile);
        if (File.Exists(readings))
        {
            using var table = Gzip(readings);
            restorer.UseReadings(table, Fingerprint(folder));
        }
        return restorer;
    }

    public const string ReadingsFile = "readings.txt.gz";

    /// <summary>The tables the precomputed readings are made from (syllables.txt, ocr.txt.gz, lm.txt.gz), as one hash.</summary>
    public static string Fingerprint(string folder)
    {
        var hash = new System.IO.Hashing.XxHash64();
        foreach (var file in new[] { "syllables.txt", "ocr.txt.gz", "lm.txt.gz" }) hash.Append(File.ReadAllBytes(Path.Combine(folder, file)));
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>Writes readings.txt.gz for the tables in the folder (after scripts/models/build.py).</summary>
    public static void WriteReadings(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using var syllables = new StreamReader(Path.Combine(folder, "syllables.txt"), Encoding.UTF8);
        using var lm = Gzip(Path.Combine(folder, "lm.txt.gz"));
        using var ocr = Gzip(Path.Combine(folder, "ocr.txt.gz"));
        var restorer = TextRestorer.Read(syllables, lm, ocr, []);
        using var file = new GZipStream(File.Create(Path.Combine(folder, ReadingsFile)), CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(file, new UTF8Encoding(false)) { NewLine = "\n" };
        restorer.WriteReadings(writer, Fingerprint(folder));
    }

    public const string PlacesFile = "places.txt";

    /// <summary>The country's provinces and main cities (places.txt: one a line, "#" comments), a gazetteer beside the district's.</summary>
    public static IEnumerable<string> Places(string file) =>
        File.Exists(file) ? File.ReadLines(file).Where(l => l.Length > 0 && l[0] != '#').ToList() : [];

    /// <summary>Every unit's name and aliases, the groups' names and the district's own name ("Huyện Tứ Kỳ, tỉnh Hải Dương").</summary>
    public static IEnumerable<string> Names(string unitsFile)
    {
        if (!File.Exists(unitsFile)) return [];
        var directory = UnitsFile.Load(unitsFile);
        var names = directory.Units.SelectMany(u => u.Aliases.Prepend(u.Name))
            .Concat(directory.Groups.SelectMany(g => g.Aliases.Prepend(g.Name)))
            .ToList();
        using var json = JsonDocument.Parse(File.ReadAllText(unitsFile));
        if (json.RootElement.TryGetProperty("district", out var district) && district.GetString() is { } name) names.Add(name);
        return names;
    }

    private static StreamReader Gzip(string path) =>
        new(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
}

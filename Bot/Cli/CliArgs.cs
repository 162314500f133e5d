namespace Bot.Cli;

/// <summary>The options of one verb: `--name value`, `--flag`, and positional words.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CliArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Raw = [.. args];
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0) _options[a[2..eq]] = a[(eq + 1)..];
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) _options[a[2..]] = args[++i];
                else _options[a[2..]] = null;
            }
            else positional.Add(a);
        }
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    /// <summary>The words as given, to hand on to another program.</summary>
    public IReadOnlyList<string> Raw { get; }

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v : null;

    /// <summary>A flag that takes no value swallows the next word; give it back as positional input.</summary>
    public IReadOnlyList<string> PositionalWithFlags(params string[] flags)
    {
        var words = new List<string>();
        foreach (var f in flags)
            if (_options.TryGetValue(f, out var v) && v is not null) words.Add(v);
        words.AddRange(Positional);
        return words;
    }
}

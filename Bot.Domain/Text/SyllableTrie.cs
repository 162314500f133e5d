namespace Bot.Domain.Text;

/// <summary>
/// The valid syllables and acronyms as a trie of lower-case letters, searched with the OCR error
/// model: each branch extends the alignment of the OCR word by one clean letter and is cut as soon as
/// its cheapest alignment costs more than the bound, so only readings the model allows are visited.
/// </summary>
internal sealed class SyllableTrie
{
    private sealed class Node
    {
        public char[] Letters = [];
        public Node[] Children = [];
        public string? Word;
    }

    private readonly Node _root;
    private readonly int _depth;

    /// <param name="words">(letters to match, word to give back): ("hđnd", "HĐND"), ("của", "của").</param>
    public SyllableTrie(IEnumerable<(string Key, string Word)> words)
    {
        var build = new BuildNode();
        foreach (var (key, word) in words)
        {
            var node = build;
            foreach (var c in key) node = node.Child(c);
            node.Word ??= word;
            _depth = Math.Max(_depth, key.Length);
        }
        _root = Freeze(build);
    }

    /// <summary>Every word whose letter-by-letter cost of being read as <paramref name="read"/> is within
    /// <paramref name="spread"/> of the best one and at most <paramref name="maxCost"/>, with that cost.</summary>
    public List<(string Word, double Cost)> Search(OcrErrorModel errors, string read, double spread, double maxCost)
    {
        var m = read.Length;
        var rows = new float[_depth + 1][];
        for (var d = 0; d <= _depth; d++) rows[d] = new float[m + 1];
        errors.Start(read, rows[0]);
        var found = new List<(string, double)>();
        var bound = maxCost;
        var best = double.PositiveInfinity;

        void Visit(Node node, int depth)
        {
            if (node.Word is not null)
            {
                double cost = rows[depth][m];
                if (cost <= bound)
                {
                    found.Add((node.Word, cost));
                    if (cost < best)
                    {
                        best = cost;
                        bound = Math.Min(maxCost, best + spread);
                    }
                }
            }
            if (depth == _depth) return;
            for (var i = 0; i < node.Letters.Length; i++)
            {
                var least = errors.Step(rows[depth], node.Letters[i], read, rows[depth + 1]);
                if (least <= bound) Visit(node.Children[i], depth + 1);
            }
        }

        Visit(_root, 0);
        return found.Where(f => f.Item2 <= bound).ToList();
    }

    private sealed class BuildNode
    {
        public readonly SortedDictionary<char, BuildNode> Children = [];
        public string? Word;

        public BuildNode Child(char c)
        {
            if (!Children.TryGetValue(c, out var child)) Children[c] = child = new BuildNode();
            return child;
        }
    }

    private static Node Freeze(BuildNode build) => new()
    {
        Letters = build.Children.Keys.ToArray(),
        Children = build.Children.Values.Select(Freeze).ToArray(),
        Word = build.Word,
    };
}

using System.Runtime.CompilerServices;

namespace Bot.Domain.Text;

/// <summary>
/// The valid syllables and acronyms as a trie of lower-case letters, searched with the OCR error
/// model: each branch extends the alignment of the OCR word by one clean letter and is cut as soon as
/// its cheapest alignment costs more than the bound, so only readings the model allows are visited.
/// A node's children are visited cheapest first, so good readings are found early and the bound
/// (the best reading's cost plus the spread) closes in before most branches are opened.
/// </summary>
internal sealed class SyllableTrie
{
    private sealed class Node
    {
        public char[] Letters = [];
        public int[] Columns = [];   // each letter's index in the error model's tables
        public Node[] Children = [];
        public string? Word;
    }

    private readonly OcrErrorModel _errors;
    private readonly Node _root;
    private readonly int _depth;
    private int _fanOut; // the most children a node has (set while freezing)

    /// <param name="errors">The error model the trie is searched with.</param>
    /// <param name="words">(letters to match, word to give back): ("hđnd", "HĐND"), ("của", "của").</param>
    public SyllableTrie(OcrErrorModel errors, IEnumerable<(string Key, string Word)> words)
    {
        _errors = errors;
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
    /// <paramref name="spread"/> of the best one and at most <paramref name="maxCost"/>, with that cost. A word far
    /// from every syllable (OCR noise: "nhi€ém", "cﬁa") opens many branches: after <paramref name="maxSteps"/>
    /// alignment steps the search stops with what it found, which, cheapest first, is the likeliest.</summary>
    // The restorer's hot loops are compiled optimised at once: a new page runs them before tiering would (Bot bench restore).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(string Word, double Cost)> Search(string read, double spread, double maxCost, int maxSteps = int.MaxValue)
    {
        var steps = 0;
        var plan = _errors.Plan(read);
        var width = read.Length + 1;
        // rows[d] holds one alignment row per child of the node being expanded at depth d - 1
        var rows = new float[_depth + 1][];
        rows[0] = new float[width];
        for (var d = 1; d <= _depth; d++) rows[d] = new float[_fanOut * width];
        OcrErrorModel.Start(plan, rows[0]);
        var order = new (float Least, int Child)[_depth + 1][];
        for (var d = 0; d <= _depth; d++) order[d] = new (float, int)[_fanOut];
        var found = new List<(string, double)>();
        var bound = maxCost;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Visit(Node node, int depth, int at)
        {
            var row = rows[depth].AsSpan(at * width, width);
            if (node.Word is not null)
            {
                double cost = row[width - 1];
                if (cost <= bound)
                {
                    found.Add((node.Word, cost));
                    bound = Math.Min(bound, cost + spread);
                }
            }
            if (depth == _depth || node.Letters.Length == 0) return;
            var next = rows[depth + 1];
            var visits = order[depth];
            var count = 0;
            if (steps > maxSteps) return;
            steps += node.Letters.Length;
            for (var i = 0; i < node.Letters.Length; i++)
            {
                var least = _errors.Step(row, node.Columns[i], node.Letters[i], plan, next.AsSpan(i * width, width));
                if (least <= bound) visits[count++] = (least, i);
            }
            if (count > 1) Array.Sort(visits, 0, count, LeastFirst.Instance);
            for (var k = 0; k < count; k++)
            {
                var (least, child) = visits[k];
                if (least > bound) break;
                Visit(node.Children[child], depth + 1, child);
            }
        }

        Visit(_root, 0, 0);
        found.RemoveAll(f => f.Item2 > bound);
        return found;
    }

    private sealed class LeastFirst : IComparer<(float Least, int Child)>
    {
        public static readonly LeastFirst Instance = new();

        public int Compare((float Least, int Child) x, (float Least, int Child) y) => x.Least.CompareTo(y.Least);
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

    private Node Freeze(BuildNode build)
    {
        var node = new Node
        {
            Letters = build.Children.Keys.ToArray(),
            Columns = build.Children.Keys.Select(_errors.CleanIndex).ToArray(),
            Children = build.Children.Values.Select(Freeze).ToArray(),
            Word = build.Word,
        };
        _fanOut = Math.Max(_fanOut, Math.Max(1, node.Letters.Length));
        return node;
    }
}

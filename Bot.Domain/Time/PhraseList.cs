namespace Bot.Domain.Time;

/// <summary>
/// A list of phrases the grammar tries at a token ("chậm nhất", "hạn chót", "trước" …), indexed by
/// the words that may open them: at each token only the phrases its word may begin are tried, in
/// list order, instead of all of them. A word opens a phrase as <c>TimeParser.Key</c> reads it:
/// written so, or OCR-damaged when the phrase's first word is one of <see cref="TimeWords.Keywords"/>.
/// </summary>
internal sealed class PhraseList
{
    private readonly string[][] _phrases;
    private readonly WordMemo<int[]> _openedBy;

    public PhraseList(IEnumerable<string[]> phrases)
    {
        _phrases = phrases.ToArray();
        _openedBy = new(word => Enumerable.Range(0, _phrases.Length).Where(p => Opens(word, _phrases[p][0])).ToArray());
    }

    public string[] this[int which] => _phrases[which];

    /// <summary>The phrases (their indices, in list order) that this folded word may open.</summary>
    public int[] OpenedBy(string word) => _openedBy.Get(word);

    private static bool Opens(string word, string first) =>
        word == first || (TimeWords.Keywords.Contains(first) && TimeWords.KeywordOf(word) == first);
}

namespace Bot.Domain.Time;

/// <summary>
/// A list of phrases the grammar tries at a token ("chậm nhất", "hạn chót", "trước" …), indexed by
/// the words that may open them: at each token only the phrases its word may begin are tried, in
/// list order, instead of all of them. A word opens a phrase as <c>TimeParser.Key</c> reads it:
/// written so, or OCR-damaged when the phrase's first word is one of <see cref="TimeWords.Keywords"/>
/// or, for a list with <see cref="Loose"/>, when that reads the word as it.
/// </summary>
internal sealed class PhraseList
{
    private readonly string[][] _phrases;
    private readonly WordMemo<int[]> _openedBy;

    /// <param name="phrases">Folded words of each phrase.</param>
    /// <param name="loose">The word a folded word reads as in this list's slot ("kc" → "ke"), or "": OCR tolerance beyond the keywords.</param>
    public PhraseList(IEnumerable<string[]> phrases, Func<string, string>? loose = null)
    {
        _phrases = phrases.ToArray();
        Loose = loose;
        _openedBy = new(word => Enumerable.Range(0, _phrases.Length).Where(p => Opens(word, _phrases[p][0])).ToArray());
    }

    public Func<string, string>? Loose { get; }

    public string[] this[int which] => _phrases[which];

    /// <summary>The phrases (their indices, in list order) that this folded word may open.</summary>
    public int[] OpenedBy(string word) => _openedBy.Get(word);

    private bool Opens(string word, string first) =>
        word == first || (TimeWords.Keywords.Contains(first) && TimeWords.KeywordOf(word) == first) || Loose?.Invoke(word) == first;
}

using Bot.Domain.Assignments;
using Bot.Domain.Words;

namespace Bot.Domain.Conversation;

/// <summary>
/// The directive a message names, found one way for every handler: by its number as the store finds it however it is
/// typed, or by what it is about (<see cref="SubjectMatch"/> over the published directives). Several meant about equally
/// are asked back; none is said plainly, with what was looked at (never "nothing to do").
/// </summary>
public sealed class DirectiveLookup(IAssignmentStore assignments)
{
    /// <summary>The directive named, or what to say instead.</summary>
    public (NamedDirective? Found, string? Instead) Find(DirectiveRef asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.Number is { } number) return (new NamedDirective(assignments, number, null, number, number, Phrases.DirectiveNotFound(number)), null);
        var about = asked.About ?? "";
        var titles = assignments.PublishedTitles();
        var meant = SubjectMatch.Best(titles, about);
        if (meant.Count == 0) return (null, Phrases.NoDirectiveAbout(about, titles.Count));
        if (meant.Count > 1) return (null, Phrases.WhichDirective(about, [.. meant.Take(WhichAtMost).Select(t => Phrases.DirectiveChoice(t.Name))], meant.Count));
        var (id, name) = (meant[0].Id, meant[0].Name);
        var said = Wording.Directive(name);
        return (new NamedDirective(assignments, null, id, said, name.Number ?? id, Phrases.DirectiveWithoutWork(said)), null);
    }

    /// <summary>How many directives a question back lists: a short message, the rest counted.</summary>
    public const int WhichAtMost = 5;
}

/// <summary>
/// A directive a message named: how replies say it (the number as typed, or «“số hóa hồ sơ…” ngày 11/05/2023»), what
/// to say when it gives no work at all, and its work and stored versions as the store gives them.
/// </summary>
public sealed class NamedDirective
{
    private readonly IAssignmentStore _assignments;
    private readonly string? _number;
    private readonly string? _id;

    internal NamedDirective(IAssignmentStore assignments, string? number, string? id, string said, string key, string notFound)
    {
        (_assignments, _number, _id) = (assignments, number, id);
        (Said, Key, NotFound) = (said, key, notFound);
    }

    public string Said { get; }

    /// <summary>The number as typed, when the directive was named by it.</summary>
    public string? Number => _number;

    public string NotFound { get; }

    /// <summary>An ASCII-friendly key for file names: the number, or the id of a directive without one.</summary>
    public string Key { get; }

    /// <summary>Its assignments, of one unit or of all.</summary>
    public IReadOnlyList<Assignment> Work(string? unitCode = null) =>
        _number is { } number ? _assignments.ByDirectiveNumber(number, unitCode)
            : [.. _assignments.OfDirective(_id!).Where(a => unitCode is null || string.Equals(a.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The stored directives it names (a number can name several issuers' directives).</summary>
    public IReadOnlyList<TrackedDirective> Directives() =>
        _number is { } number ? _assignments.DirectivesByNumber(number) : _assignments.FindDirective(_id!) is { } d ? [d] : [];
}

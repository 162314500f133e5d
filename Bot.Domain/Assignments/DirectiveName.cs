using Bot.Domain.Directives;

namespace Bot.Domain.Assignments;

/// <summary>
/// What people know a directive by: its number ("1259/UBND-VP"); one without a number by its subject (trích yếu)
/// and its date. Printed by <c>Wording.Source</c> wherever a task says where it comes from.
/// </summary>
public sealed record DirectiveName(string? Number, string? Subject, DateOnly? IssuedOn)
{
    public static DirectiveName Of(Directive directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return new(string.IsNullOrWhiteSpace(directive.Number) ? null : directive.Number, directive.Subject, directive.IssuedOn);
    }
}

/// <summary>A published directive as a question by its subject ("công văn về số hóa hồ sơ") looks it up: its id and name.</summary>
public sealed record DirectiveTitle(string Id, DirectiveName Name);

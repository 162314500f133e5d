using LiteDB;

namespace Bot.Storage;

/// <summary>
/// Query filters with the value passed as a parameter. LiteDB's <c>Query.EQ</c>, <c>Query.GTE</c>
/// and the like write the value into the expression's text, so each call parses and compiles a new
/// expression (a System.Linq.Expressions compile): most of a chat reply's time went there. With a
/// fixed text LiteDB reuses the compiled expression.
/// </summary>
internal static class Filter
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression Gt(string field, BsonValue value) => BsonExpression.Create($"$.{field} > @0", value);

    public static BsonExpression Lt(string field, BsonValue value) => BsonExpression.Create($"$.{field} < @0", value);

    public static BsonExpression Gte(string field, BsonValue value) => BsonExpression.Create($"$.{field} >= @0", value);

    public static BsonExpression In(string field, BsonArray values) => BsonExpression.Create($"$.{field} IN @0", values);

    /// <summary>[low, high], both included.</summary>
    public static BsonExpression Between(string field, BsonValue low, BsonValue high) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", low, high);

    public static BsonExpression StartsWith(string field, string prefix) => BsonExpression.Create($"$.{field} LIKE @0", prefix + "%");
}

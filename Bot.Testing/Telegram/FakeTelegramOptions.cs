namespace Bot.Testing.Telegram;

/// <summary>
/// How the local fake Bot API behaves. The defaults are Telegram's published limits
/// (docs: Bots FAQ, "My bot is hitting limits"); benches scale them.
/// </summary>
public sealed class FakeTelegramOptions
{
    /// <summary>The one token the server accepts; any other gets 401 like the real API.</summary>
    public string Token { get; init; } = "123456:TEST-token";

    /// <summary>Messages per second to one private chat before 429.</summary>
    public double PerChatPerSecond { get; init; } = 1;

    /// <summary>Messages one chat may burst above its rate (Telegram tolerates short bursts).</summary>
    public int PerChatBurst { get; init; } = 3;

    /// <summary>Messages per second overall before 429.</summary>
    public double OverallPerSecond { get; init; } = 30;

    /// <summary>Share of send/edit calls that fail on purpose (5xx, a hang, or 429), 0..1.</summary>
    public double FaultRate { get; init; }

    /// <summary>How long a fault "hang" holds the request (the client should time out).</summary>
    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a callback query may be answered.</summary>
    public TimeSpan CallbackAnswerWindow { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Called with the chat id each time the bot's message is accepted (benches time replies with it).</summary>
    public Action<long>? OnBotMessage { get; init; }

    /// <summary>Seed for the fault dice, so a failing run can be replayed.</summary>
    public int Seed { get; init; } = 20231020;
}

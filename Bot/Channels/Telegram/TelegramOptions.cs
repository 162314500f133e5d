namespace Bot.Channels.Telegram;

/// <summary>The "Telegram" configuration section. The token comes from the environment (Telegram__Token).</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public string Token { get; set; } = "";

    /// <summary>Empty for the real API; a local fake server in tests and benches.</summary>
    public string ApiBaseUrl { get; set; } = "";

    /// <summary>When set, Telegram pushes updates here instead of the bot polling.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Checked on every webhook request (X-Telegram-Bot-Api-Secret-Token); made up at start when empty.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Long-poll timeout; the server caps it at 50 s.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>How many chats' updates are handled at once (each chat's in order).</summary>
    public int Concurrency { get; set; } = 8;

    public bool Enabled => Token.Length > 0;
}

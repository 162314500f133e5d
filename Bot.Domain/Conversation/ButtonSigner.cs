using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Domain.Conversation;

/// <summary>What a button asks for, as read back from its signed data.</summary>
/// <param name="Action">A short verb: "d" done, "u" undo, "m" more, "s" snooze...</param>
/// <param name="Argument">What it acts on, e.g. an assignment id.</param>
/// <param name="IssuedAt">When the button was made, so old ones can be refused.</param>
public sealed record ButtonCommand(string Action, string Argument, DateTimeOffset IssuedAt);

/// <summary>
/// Button data that cannot be forged or moved to another person: "action.argument.time.mac",
/// where mac is an HMAC over the rest and the user the button was made for. At most 64 bytes,
/// Telegram's limit for callback data.
/// </summary>
public sealed class ButtonSigner
{
    public const int MaxBytes = 64;
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly byte[] _key;

    public ButtonSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16) throw new ArgumentException("A button key needs at least 16 bytes.", nameof(key));
        _key = key;
    }

    public string Sign(string action, string argument, string userId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(argument);
        if (action.Contains('.', StringComparison.Ordinal) || argument.Contains('.', StringComparison.Ordinal))
            throw new ArgumentException("Button parts cannot contain '.'.");
        var minutes = ((long)(now - Epoch).TotalMinutes).ToString(CultureInfo.InvariantCulture);
        var body = $"{action}.{argument}.{minutes}";
        var data = $"{body}.{Mac(body, userId)}";
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes)
            throw new ArgumentException($"Button data is over {MaxBytes} bytes: {data}");
        return data;
    }

    /// <summary>Reads button data made for this user; false for anything forged, foreign or malformed.</summary>
    public bool TryRead(string? data, string userId, out ButtonCommand command)
    {
        command = null!;
        if (string.IsNullOrEmpty(data) || data.Length > MaxBytes) return false;
        var parts = data.Split('.');
        if (parts.Length != 4) return false;
        var body = $"{parts[0]}.{parts[1]}.{parts[2]}";
        var expected = Encoding.ASCII.GetBytes(Mac(body, userId));
        var given = Encoding.ASCII.GetBytes(parts[3]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return false;
        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)) return false;
        command = new ButtonCommand(parts[0], parts[1], Epoch.AddMinutes(minutes));
        return true;
    }

    private string Mac(string body, string userId)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(body + "|" + userId));
        // 72 bits of MAC: forging one by chance takes ~2^72 tries; the rest of the 64 bytes is payload.
        return Convert.ToBase64String(hash, 0, 9).Replace('+', '-').Replace('/', '_');
    }
}

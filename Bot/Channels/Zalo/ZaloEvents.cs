using System.Globalization;
using System.Text.Json;
using Bot.Domain.Conversation;

namespace Bot.Channels.Zalo;

/// <summary>One webhook event as the bot reads it: who, its dedupe key, when, and what it means (null: nothing to answer).</summary>
/// <param name="Key">The dedupe key: `msg_id`, or for events without one (follow) the event, user and time.</param>
public sealed record ZaloEvent(string Name, string UserId, string Key, DateTimeOffset At, Inbound? Inbound);

/// <summary>
/// Turns a Zalo webhook body into a <see cref="ZaloEvent"/>: one switch over event names. Ids and
/// times are JSON strings (they pass 2^53). The OA's own messages echoed back (`oa_send_*`) and the
/// receipts are not events of a user and give null.
/// </summary>
public static class ZaloEvents
{
    public const string Channel = "zalo";

    /// <summary>Before the signed data in a button's payload, so a tap (which Zalo sends as text) is told from typing.</summary>
    public const string TapPrefix = "#b:";

    /// <summary>The event, or null for echoes, receipts, and what is not a Zalo event at all.</summary>
    public static ZaloEvent? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        var name = String(root, "event_name") ?? "";
        if (name.StartsWith("oa_send_", StringComparison.Ordinal) || name is "user_received_message" or "user_seen_message") return null;
        var at = Time(String(root, "timestamp"));
        if (name is "follow" or "unfollow")
        {
            var follower = root.TryGetProperty("follower", out var f) ? String(f, "id") : null;
            if (follower is null) return null;
            var key = $"{name}:{follower}:{String(root, "timestamp")}";
            // A follow is Zalo's "start": a stranger is asked who they are, an official greeted.
            return new ZaloEvent(name, follower, key, at, name == "follow" ? new Inbound(Channel, follower, follower) { Text = "/start" } : null);
        }
        var sender = root.TryGetProperty("sender", out var s) ? String(s, "id") : null;
        if (sender is null || !name.StartsWith("user_", StringComparison.Ordinal)) return null;
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var msgId = message.ValueKind == JsonValueKind.Object ? String(message, "msg_id") : null;
        var inbound = new Inbound(Channel, sender, sender);
        inbound = name switch
        {
            "user_send_text" when String(message, "text") is { } text && text.StartsWith(TapPrefix, StringComparison.Ordinal)
                => inbound with { Tap = new ButtonTap(text[TapPrefix.Length..], null, msgId ?? "") },
            "user_send_text" => inbound with { Text = String(message, "text") ?? "" },
            "user_submit_info" when root.TryGetProperty("info", out var info) && String(info, "phone") is { } phone
                => inbound with { Contact = new SharedContact(phone, IsOwn: true), DisplayName = String(info, "name") },
            "user_send_file" when Attachment(message) is { } file
                => inbound with { Document = new InboundDocument(String(file, "name") ?? "tep", Long(file, "size") ?? 0, String(file, "url") ?? "") },
            _ => inbound, // a sticker, a photo, a location: said to be not understood (or, to a stranger, who are you)
        };
        return new ZaloEvent(name, sender, msgId ?? $"{name}:{sender}:{String(root, "timestamp")}", at, inbound);
    }

    private static JsonElement? Attachment(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array
            && list.GetArrayLength() > 0 && list[0].TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
            ? payload : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static long? Long(JsonElement element, string name) =>
        long.TryParse(String(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null;

    private static DateTimeOffset Time(string? ms) =>
        long.TryParse(ms, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? DateTimeOffset.FromUnixTimeMilliseconds(t) : DateTimeOffset.MinValue;
}

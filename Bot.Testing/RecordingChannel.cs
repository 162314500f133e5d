using System.Collections.Concurrent;
using System.Globalization;
using Bot.Channels;
using Bot.Domain.Conversation;

namespace Bot.Testing;

/// <summary>
/// A channel that keeps what the bot sends instead of sending it, for tests that drive time:
/// messages per chat (an edit replaces the message it edits), the answers to taps, and the platform
/// failures a test asks for (a chat that blocked the bot, a throttle, a fault).
/// </summary>
public sealed class RecordingChannel(string name = "telegram") : IChannel
{
    private readonly ConcurrentDictionary<string, List<Outbound>> _chats = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelException> _failing = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TapAnswer> _answers = new();
    private int _nextId;

    public string Name { get; } = name;

    /// <summary>Every message sent or edited, in order.</summary>
    public ConcurrentQueue<Outbound> Sent { get; } = new();

    public IReadOnlyCollection<TapAnswer> Answers => _answers;

    /// <summary>The chat as its person sees it: each message as last edited, with its id.</summary>
    public IReadOnlyList<(string Id, Outbound Message)> Chat(string chatId)
    {
        if (!_chats.TryGetValue(chatId, out var messages)) return [];
        lock (messages) return [.. messages.Select(m => (m.EditMessageId!, m))];
    }

    /// <summary>From now on, sends to this chat fail like this (Unreachable: the person blocked the bot).</summary>
    public void Fail(string chatId, ChannelFailure failure, TimeSpan? retryAfter = null) =>
        _failing[chatId] = new ChannelException(failure, $"{failure} (recorded channel)", retryAfter);

    public void Heal(string chatId) => _failing.TryRemove(chatId, out _);

    public Task<string> SendAsync(Outbound message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_failing.TryGetValue(message.ChatId, out var failure)) throw failure;
        Sent.Enqueue(message);
        var messages = _chats.GetOrAdd(message.ChatId, _ => []);
        lock (messages)
        {
            if (message.EditMessageId is { } edit)
            {
                var at = messages.FindIndex(m => m.EditMessageId == edit);
                if (at >= 0) messages[at] = message;
                return Task.FromResult(edit);
            }
            var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            messages.Add(message with { EditMessageId = id }); // kept with its id, as the platform would show it
            return Task.FromResult(id);
        }
    }

    public Task AnswerAsync(TapAnswer answer, CancellationToken cancellationToken)
    {
        _answers.Enqueue(answer);
        return Task.CompletedTask;
    }
}

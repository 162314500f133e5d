using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Channels.Telegram;

/// <summary>
/// Long polling with our own getUpdates loop: a batch is confirmed (the next offset) only after all
/// of it was handled, so a crash mid-batch delivers it again rather than losing it. Within a batch,
/// different chats are handled side by side and each chat's updates in order. Of several nodes on one store,
/// one polls (Telegram allows one getUpdates at a time): the leader holds a lock on the store; the others stand by
/// and one of them takes over when the leader's lock goes with it.
/// </summary>
public sealed class TelegramPolling(
    ITelegramBotClient bot, TelegramUpdateHandler handler, Bot.Storage.INodeCoordination nodes, IOptions<TelegramOptions> options, TimeProvider clock,
    ILogger<TelegramPolling> logger)
    : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    private static long ChatOf(global::Telegram.Bot.Types.Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? 0;

    // Long enough for the node that has an update to answer it; its claim lapses after ClaimLease if it never does.
    private static readonly TimeSpan InHandPause = TimeSpan.FromSeconds(2);

    private static void InterlockedMin(ref int target, int value)
    {
        int seen;
        while (value < (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>The lock the polling node holds.</summary>
    public const string LeaderLock = "telegram-polling";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IDisposable? leader;
        while ((leader = nodes.TryRunAlone(LeaderLock)) is null)
        {
            logger.LogInformation("Another node polls Telegram; this one stands by.");
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested) return;
        }
        using var leading = leader;
        await TelegramSetup.PrepareAsync(bot, webhookUrl: null, secret: null, logger, stoppingToken);
        int? offset = null;
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollTimeoutSeconds, Wanted, stoppingToken);
                pause = TimeSpan.FromSeconds(1);
                if (updates.Length == 0) continue;
                // A chat stops at an update another node has in hand (its order kept); the batch is then fetched again
                // from there, and what was handled meanwhile is known as handled.
                var notYet = int.MaxValue;
                var byChat = updates.GroupBy(ChatOf).Select(chat => (Func<Task>)(async () =>
                {
                    foreach (var update in chat)
                    {
                        if (await handler.HandleAsync(update, stoppingToken) != Bot.Storage.UpdateClaim.InHand) continue;
                        InterlockedMin(ref notYet, update.Id);
                        return;
                    }
                }));
                await Parallel.ForEachAsync(byChat, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = stoppingToken },
                    async (handle, _) => await handle());
                if (notYet == int.MaxValue)
                {
                    offset = updates[^1].Id + 1;
                    continue;
                }
                offset = notYet;
                logger.LogInformation("Update {UpdateId} is in hand on another node; fetching it again in {Pause}.", notYet, InHandPause);
                await Task.Delay(InHandPause, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException)
            {
                // Network trouble, a 5xx or a 409 from a second instance: wait, doubling up to a minute.
                logger.LogWarning("Polling Telegram failed, retrying in {Pause}: {Reason}", pause, e.Message);
                await Task.Delay(pause, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromSeconds(Math.Min(60, pause.TotalSeconds * 2));
            }
        }
    }
}

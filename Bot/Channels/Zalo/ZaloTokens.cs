using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Domain.Words;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Zalo;

/// <param name="SeededFrom">A hash of the configured refresh token the chain started from: a new one in the configuration (after re-consent) starts a new chain.</param>
public sealed record ZaloTokenPair(string AccessToken, string RefreshToken, DateTimeOffset AccessExpiresAt, DateTimeOffset ObtainedAt, string SeededFrom);

/// <summary>
/// What the Zalo channel keeps in the store (LiteDB now; a PostgreSQL store implements the same): the
/// token pair, written as one document so the pair is replaced whole or not at all, and each user's
/// last interaction, for the 7-day window.
/// </summary>
public interface IZaloStore
{
    ZaloTokenPair? Tokens();

    void SaveTokens(ZaloTokenPair pair);

    DateTimeOffset? LastInteraction(string userId);

    void SaveInteraction(string userId, DateTimeOffset at);
}

/// <summary>
/// The OA's tokens: an access token (25 h) and a single-use refresh token (3 months). The pair is
/// refreshed early (5 h before the access token ends), one refresh at a time in the process, and the
/// new pair is saved before it is used, so a crash can never leave the store with a spent refresh
/// token. Before refreshing, the store is read again: another process on it may have refreshed
/// already. A refresh Zalo refuses means the chain is dead: the admins are alerted (log, and Telegram
/// when it runs here) and sends fail as transient, so reminders wait in the outbox for the re-consent.
/// </summary>
public sealed class ZaloTokenKeeper(
    ZaloApi api, IZaloStore store, ZaloOptions options, IServiceProvider services, TimeProvider clock, ILogger<ZaloTokenKeeper> logger) : IDisposable
{
    public static readonly TimeSpan RefreshEarly = TimeSpan.FromHours(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ZaloTokenPair? _pair;
    private string? _deadRefreshToken;

    /// <summary>The access token to send with, refreshed first when it ends within <see cref="RefreshEarly"/>.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var pair = _pair ?? Load();
        if (clock.GetUtcNow() < pair.AccessExpiresAt - RefreshEarly) return pair.AccessToken;
        return await RefreshAsync(pair.AccessToken, cancellationToken);
    }

    /// <summary>Zalo refused <paramref name="stale"/> (-216/-220) or it is ending: a fresh one, unless someone refreshed meanwhile.</summary>
    public async Task<string> RefreshAsync(string stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = Load(); // another process on the store may have refreshed
            if (current.AccessToken != stale && clock.GetUtcNow() < current.AccessExpiresAt - RefreshEarly) return current.AccessToken;
            if (current.RefreshToken == _deadRefreshToken) throw Dead();
            var grant = await api.RefreshAsync(current.RefreshToken, cancellationToken);
            if (!grant.Ok)
            {
                var again = Load();
                if (again.RefreshToken != current.RefreshToken) return again.AccessToken; // lost a race to another process: its pair is good
                _deadRefreshToken = current.RefreshToken;
                await AlertAsync(grant.Error ?? "no access_token", cancellationToken);
                throw Dead();
            }
            var now = clock.GetUtcNow();
            var fresh = new ZaloTokenPair(grant.AccessToken!, grant.RefreshToken!, now + grant.ExpiresIn, now, current.SeededFrom);
            store.SaveTokens(fresh); // saved before use: the old refresh token is spent now
            _pair = fresh;
            logger.LogInformation("Zalo access token refreshed; it ends {Expires:O}", fresh.AccessExpiresAt);
            return fresh.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The pair in the store; the configured one when the store has none, or one from an older consent.</summary>
    private ZaloTokenPair Load()
    {
        var seed = Hash(options.RefreshToken);
        var stored = store.Tokens();
        if (stored is not null && (options.RefreshToken.Length == 0 || stored.SeededFrom == seed)) return _pair = stored;
        var now = clock.GetUtcNow();
        // A configured access token of unknown age is tried until Zalo refuses it; none means refresh at once.
        var configured = new ZaloTokenPair(options.AccessToken, options.RefreshToken,
            options.AccessToken.Length > 0 ? now + TimeSpan.FromHours(25) : DateTimeOffset.MinValue, now, seed);
        store.SaveTokens(configured);
        if (stored is not null) logger.LogWarning("Zalo: a new token pair is configured (re-consent); the stored chain is replaced.");
        return _pair = configured;
    }

    private static ChannelException Dead() => new(ChannelFailure.Transient,
        "Zalo refresh token refused: an OA admin must grant the app again (README: Zalo, re-consent)");

    private async Task AlertAsync(string reason, CancellationToken cancellationToken)
    {
        logger.LogCritical("Zalo refresh failed ({Reason}): the OA's tokens are dead until an admin grants the app again (README: Zalo, re-consent).", reason);
        // Admins linked on another channel of this host hear it there (Telegram); the Zalo channel itself is what broke.
        var channels = services.GetServices<IChannel>().Where(c => c.Name != ZaloEvents.Channel).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var admin in services.GetRequiredService<IDirectoryStore>().All().Where(o => o.Role == Role.Admin))
        {
            foreach (var account in admin.ChatAccounts.Where(a => channels.ContainsKey(a.Channel)))
            {
                try
                {
                    await channels[account.Channel].SendAsync(Outbound.Say(account.UserId, Phrases.ZaloTokensDead), cancellationToken);
                }
                catch (ChannelException e)
                {
                    logger.LogWarning("Admin {Phone} not told on {Channel}: {Reason}", admin.Phone, account.Channel, e.Message);
                }
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    private static string Hash(string token) => token.Length == 0 ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
}

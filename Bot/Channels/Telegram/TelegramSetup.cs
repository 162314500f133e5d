using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>Wiring for the Telegram channel: client, channel, handler; and, when it receives, polling or the webhook.</summary>
public static class TelegramSetup
{
    public const string WebhookPath = "/telegram/webhook";

    /// <param name="receive">False for a host that only sends (`remind-worker`): no polling, no webhook.</param>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, TelegramOptions options, bool receive)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton<ITelegramBotClient>(_ =>
        {
            var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl;
            // RetryThreshold 0: a 429 reaches us at once, so our own pacing decides when to resend.
            return new TelegramBotClient(new TelegramBotClientOptions(options.Token, baseUrl) { RetryThreshold = 0 });
        });
        services.AddSingleton<TelegramChannel>();
        services.AddSingleton<Bot.Channels.IChannel>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<Bot.Channels.IFileSource>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<TelegramUpdateHandler>();
        if (receive && string.IsNullOrWhiteSpace(options.WebhookUrl)) services.AddHostedService<TelegramPolling>();
        return services;
    }

    /// <summary>The webhook endpoint: Telegram's POSTs must carry our secret token, anything else gets 401.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var expected = Encoding.UTF8.GetBytes(options.WebhookSecret);
        app.MapPost(WebhookPath, async (HttpContext http, TelegramUpdateHandler handler) =>
        {
            var given = Encoding.UTF8.GetBytes(http.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString());
            if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given)) return Results.Unauthorized();
            Update? update;
            try
            {
                update = await System.Text.Json.JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.BadRequest();
            }
            // In hand on a node now: not yet answered, so Telegram is asked to send it again later (any status but 2xx).
            if (update is not null && await handler.HandleAsync(update, http.RequestAborted) == Bot.Storage.UpdateClaim.InHand)
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            return Results.Ok();
        });
        return app;
    }

    /// <summary>Registers the Vietnamese command menu and sets (or clears) the webhook.</summary>
    public static async Task PrepareAsync(ITelegramBotClient bot, string? webhookUrl, string? secret, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        try
        {
            await bot.SetMyCommands(TelegramChannel.Commands, cancellationToken: cancellationToken);
            if (string.IsNullOrWhiteSpace(webhookUrl)) await bot.DeleteWebhook(cancellationToken: cancellationToken);
            else await bot.SetWebhook(webhookUrl, secretToken: secret, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException)
        {
            logger.LogWarning("Telegram setup failed, continuing: {Reason}", e.Message);
        }
    }

    /// <summary>A webhook secret: 1–256 characters of A-Z a-z 0-9 _ -.</summary>
    public static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}

using Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Bot.Channels.Zalo;

/// <summary>Wiring for the Zalo channel: the API client with its resilience handler, tokens, window, channel; and, when it receives, the webhook.</summary>
public static class ZaloSetup
{
    public const string WebhookPath = "/zalo/webhook";

    /// <param name="receive">False for a host that only sends (`remind-worker`): no webhook, no inbox.</param>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, ZaloOptions options, bool receive)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddHttpClient<ZaloApi>().AddStandardResilienceHandler(r =>
        {
            r.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            r.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            r.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            // Zalo's errors are HTTP 200 and read by the channel. Only a connection that failed or a 5xx is
            // tried again here, never a timeout: the request may have arrived (a message twice, or a
            // single-use refresh token spent with its answer lost).
            r.Retry.MaxRetryAttempts = 2;
            r.Retry.ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is HttpRequestException || (int?)args.Outcome.Result?.StatusCode >= 500);
        });
        // The store of the tokens and windows: the bot's LiteDB file (a PostgreSQL store registers its own first).
        services.TryAddSingleton<IZaloStore>(sp => sp.GetRequiredService<IStore>().Zalo);
        services.AddSingleton<ZaloTokenKeeper>();
        services.AddSingleton<ZaloWindow>();
        services.AddSingleton<ZaloChannel>();
        services.AddSingleton<IChannel>(sp => sp.GetRequiredService<ZaloChannel>());
        if (receive)
        {
            services.AddSingleton<ZaloSignature>();
            services.AddSingleton<ZaloUpdateHandler>();
            services.AddSingleton<ZaloInbox>();
            services.AddHostedService(sp => sp.GetRequiredService<ZaloInbox>());
            services.AddSingleton<ZaloWebhook>();
        }
        return services;
    }

    /// <summary>`POST /zalo/webhook`: signed events are queued and answered 200 at once; anything unsigned gets 401.</summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, async (HttpContext http, ZaloWebhook webhook) =>
        {
            if (http.Request.ContentLength > ZaloWebhook.MaxBody) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            if (buffer.Length > ZaloWebhook.MaxBody) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var from = http.Connection.RemoteIpAddress?.ToString() ?? "?";
            var verdict = await webhook.TakeAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length),
                http.Request.Headers["X-ZEvent-Signature"].ToString(), from, http.RequestAborted);
            return verdict == WebhookVerdict.Refused ? Results.Unauthorized() : Results.Ok();
        });
        return app;
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Testing;

/// <summary>Where a started Kestrel host listens: hosts in tests and benches bind port 0 and ask afterwards.</summary>
public static class Listening
{
    public static Uri Address(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Uri(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

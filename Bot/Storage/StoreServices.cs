using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Storage;

/// <summary>Registers the one store of the process with the host: the file is opened once and closed with the host.</summary>
public static class StoreServices
{
    public static IServiceCollection AddBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => StoreOptions.From(configuration));
        services.AddSingleton(sp => BotStore.Open(sp.GetRequiredService<StoreOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<BotStore>().Assignments);
        services.AddSingleton(sp => sp.GetRequiredService<BotStore>().Directory);
        services.AddSingleton(_ => UnitsFile.Load(configuration["Directory:Units"]));
        services.AddSingleton(sp => new DirectiveImporter(sp.GetRequiredService<IAssignmentStore>(), sp.GetRequiredService<UnitDirectory>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}

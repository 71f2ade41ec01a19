using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Commands;
using ReleaseWatch.Storage;

namespace ReleaseWatch;

public static class ReleaseWatchServiceCollectionExtensions
{
    /// <summary>Registers every capability of ReleaseWatch from the "ReleaseWatch" configuration section.</summary>
    public static IServiceCollection AddReleaseWatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddReleaseWatchStorage(configuration);
        services.AddReleaseWatchResponders(configuration);
        return services;
    }
}

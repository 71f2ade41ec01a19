using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReleaseWatch.Judging;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="PolicyCatalog"/> (singleton) from ReleaseWatch:Policies and checks it when the host
    /// starts: an invalid policy fails start with <see cref="InvalidPolicyException"/>.
    /// </summary>
    public static IServiceCollection AddReleaseWatchPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => PolicyCatalog.FromConfiguration(configuration));
        services.AddHostedService<PolicyCatalogStartupCheck>();
        return services;
    }
}

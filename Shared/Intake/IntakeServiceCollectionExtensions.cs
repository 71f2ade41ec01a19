using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;
using ReleaseWatch.Orgs;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>Registers deployment intake (ReleaseWatch:Intake) and the org catalog (ReleaseWatch:Orgs), validated at start.</summary>
    public static IServiceCollection AddReleaseWatchIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection("ReleaseWatch:Intake")).ValidateAnnotations<IntakeOptions, IntakeOptionsValidator>().ValidateOnStart();
        services.AddOptions<OrgCatalogOptions>().Bind(configuration.GetSection("ReleaseWatch")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrgCatalogOptions>, OrgCatalogOptionsValidator>();
        services.AddSingleton<IOrgCatalog, OrgCatalog>();
        services.AddSingleton<DeploymentIntake>();
        services.AddSingleton<EventGridIntake>();
        services.AddSingleton<ISignedRequestLedger, TableSignedRequestLedger>();
        services.AddSingleton<ITickSweep, SignedRequestPruning>();
        return services;
    }
}

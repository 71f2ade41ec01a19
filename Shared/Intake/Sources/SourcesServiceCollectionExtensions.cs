using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Intake.Sources.DevOpsCenter;

namespace ReleaseWatch.Intake.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>Registers the native sources (ReleaseWatch:Sources), validated at start. Needs intake and signal capture.</summary>
    public static IServiceCollection AddReleaseWatchSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddSingleton<SourceMappings>();
        services.AddSingleton<SourceIntake>();
        services.AddSingleton<DevOpsCenterOrgs>();
        services.AddSingleton<DevOpsCenterListener>();
        services.AddSingleton<DevOpsCenterPump>();
        return services;
    }

    /// <summary>Standalone mode only: keeps each DevOps Center org's deployment stream open in a hosted service.</summary>
    public static IServiceCollection AddReleaseWatchDevOpsCenterHostedService(this IServiceCollection services) =>
        services.AddHostedService<DevOpsCenterHostedService>();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Intake.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>Registers the native sources (ReleaseWatch:Sources), validated at start. Needs intake; DevOps Center registers apart.</summary>
    public static IServiceCollection AddReleaseWatchSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>>(sp => new SourcesOptionsValidator(sp.GetRequiredService<IOptions<Orgs.OrgCatalogOptions>>(), configuration));
        services.AddSingleton<SourceMappings>();
        services.AddSingleton<SourceIntake>();
        return services;
    }
}

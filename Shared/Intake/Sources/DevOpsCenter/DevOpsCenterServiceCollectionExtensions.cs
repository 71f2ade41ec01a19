using Microsoft.Extensions.DependencyInjection;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

public static class DevOpsCenterServiceCollectionExtensions
{
    /// <summary>Registers the DevOps Center listener and its Functions-mode pump. Needs the sources and signal capture.</summary>
    public static IServiceCollection AddReleaseWatchDevOpsCenter(this IServiceCollection services)
    {
        services.AddSingleton<DevOpsCenterOrgs>();
        services.AddSingleton<DevOpsCenterListener>();
        services.AddSingleton<DevOpsCenterRunner>();
        services.AddSingleton<DevOpsCenterPump>();
        return services;
    }

    /// <summary>Standalone mode only: keeps each DevOps Center org's deployment stream open in a hosted service.</summary>
    public static IServiceCollection AddReleaseWatchDevOpsCenterHostedService(this IServiceCollection services) =>
        services.AddHostedService<DevOpsCenterHostedService>();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Hosting;
using ReleaseWatch.Salesforce.Auth;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

public static class SignalCaptureServiceCollectionExtensions
{
    /// <summary>Registers Salesforce signal capture (ReleaseWatch:SignalCapture, ReleaseWatch:Orgs) and the signal readers.</summary>
    public static IServiceCollection AddReleaseWatchSignalCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignalCaptureOptions>().Bind(configuration.GetSection("ReleaseWatch:SignalCapture")).ValidateAnnotations<SignalCaptureOptions, SignalCaptureOptionsValidator>().ValidateOnStart();
        services.AddOptions<StreamHealthOptions>().Bind(configuration.GetSection("ReleaseWatch:SignalCapture:Health")).ValidateAnnotations<StreamHealthOptions, StreamHealthOptionsValidator>().ValidateOnStart();
        services.AddOptions<SignalCaptureOrgs>().Bind(configuration.GetSection("ReleaseWatch"))
            .Validate(o => o.Streamed.All(org => org.Salesforce!.LoginUrl is not null && !string.IsNullOrWhiteSpace(org.Salesforce.ClientId)
                    && (!string.IsNullOrWhiteSpace(org.Salesforce.PrivateKey) && !string.IsNullOrWhiteSpace(org.Salesforce.Username) || !string.IsNullOrWhiteSpace(org.Salesforce.ClientSecret))),
                "ReleaseWatch:Orgs:{i}:Salesforce needs LoginUrl, ClientId and either Username + PrivateKey (JWT bearer) or ClientSecret (client credentials).")
            .Validate(o => o.Streamed.All(org => org.Salesforce!.Rules.All(r => !string.IsNullOrWhiteSpace(r.Channel) && !string.IsNullOrWhiteSpace(r.Signal))),
                "ReleaseWatch:Orgs:{i}:Salesforce:Rules:{j} needs Channel and Signal.")
            .ValidateOnStart();
        services.AddHttpClient(SalesforceTokenSources.HttpClientName);
        services.AddSingleton<SalesforceTokenSources>();
        services.AddSingleton<ClassifiedSignalSources>();
        services.AddSingleton<ISignalSources>(sp => sp.GetRequiredService<ClassifiedSignalSources>());
        services.AddSingleton<ISignalFamilies>(sp => sp.GetRequiredService<ClassifiedSignalSources>());
        services.AddSingleton<StreamStateStore>();
        services.AddOptions<SignalStoreOptions>().Bind(configuration.GetSection("ReleaseWatch:SignalCapture:Store")).ValidateAnnotations<SignalStoreOptions, SignalStoreOptionsValidator>().ValidateOnStart();
        services.AddSingleton<TableSignalStore>();
        services.AddSingleton<SignalFlusher>();
        services.AddSingleton<ISignalReader>(sp => sp.GetRequiredService<TableSignalStore>());
        services.AddSingleton<ISignalEvidenceReader>(sp => sp.GetRequiredService<TableSignalStore>());
        services.AddSingleton<SignalLeaseStore>();
        services.AddSingleton<SignalMessageRecorder>();
        services.AddSingleton<SignalBatchProcessor>();
        // Watches register the real nudge; capture on its own counts without telling anyone.
        services.TryAddSingleton<IWatchNudge, NoWatchNudge>();
        services.AddSingleton<SignalSubscriber>();
        services.AddSingleton<CaptureShare>();
        services.AddSingleton<SignalCaptureRunner>();
        services.AddSingleton<SignalPump>();
        return services;
    }

    /// <summary>Standalone mode only: keeps each streamed org's connection open in a hosted service.</summary>
    public static IServiceCollection AddReleaseWatchSignalCaptureHostedService(this IServiceCollection services) =>
        services.AddHostedService<SignalCaptureHostedService>();
}

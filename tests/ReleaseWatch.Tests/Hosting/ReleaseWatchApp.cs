using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Hosting;

/// <summary>
/// The real Program, in memory, against a real Azurite. Each app gets its own Azurite account tables by
/// using distinct org ids per test, or a fresh app per test class. Time is a FakeTimeProvider.
/// </summary>
public sealed class ReleaseWatchApp : WebApplicationFactory<Program>
{
    public const string Secret = "test-signing-secret-0123456789";
    public const string EventGridKey = "test-event-grid-key";

    /// <summary>Each app gets orgs of its own, so watches of one test never supersede another's.</summary>
    public string OrgId { get; } = NewOrgId();

    public string OtherOrgId { get; } = NewOrgId();

    public static string NewOrgId()
    {
        var id = "00D" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        return id + ReleaseWatch.Intake.Input.OrgIdChecksum.SuffixOf(id);
    }

    private readonly Dictionary<string, string?> _settings;

    public ReleaseWatchApp(AzuritePeer azurite, IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch:Intake:SigningSecret"] = Secret,
            ["ReleaseWatch:Intake:EventGridKey"] = EventGridKey,
            ["ReleaseWatch:Orgs:0:Id"] = OrgId,
            ["ReleaseWatch:Orgs:0:Name"] = "Acme Production",
            ["ReleaseWatch:Orgs:0:Environment"] = "production",
            ["ReleaseWatch:Orgs:1:Id"] = OtherOrgId,
            ["ReleaseWatch:Orgs:1:Name"] = "Acme UAT",
            ["ReleaseWatch:Orgs:1:Environment"] = "uat",
            ["ReleaseWatch:Watches:TickInterval"] = "00:10:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the app on Kestrel at a free loopback port and returns a client of it that does not follow redirects: the
    /// dashboard's Local access admits it, and the dashboard's signed posts to its own API go over the network for real.
    /// </summary>
    public async Task<HttpClient> StartOnLoopbackAsync()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = await Get<ReleaseWatch.Hosting.IListeningAddress>().WaitAsync(CancellationToken.None);
        // A client of its own: the factory's client over Kestrel follows redirects whatever it is told.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(address) };
    }
}

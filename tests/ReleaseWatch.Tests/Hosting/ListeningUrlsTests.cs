using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Hosting;

/// <summary>Standalone, the executable listens where ASP.NET Core's own settings say; ReleaseWatch:Urls is the fallback.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ListeningUrlsTests(AzuritePeer azurite)
{
    [Fact]
    public async Task Dotnet_ReleaseWatch_dll_with_urls_listens_on_that_port_rather_than_ReleaseWatch_Urls()
    {
        var port = FreePort.Next();
        var fallback = FreePort.Next();

        await using var service = await ServiceProcess.StartAsync(Settings(fallback), ["--urls", Url(port)], port);

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(Url(port) + "/"))).StatusCode);
        Assert.False(await ListensAsync(fallback));
    }

    [Fact]
    public async Task ASPNETCORE_URLS_is_honoured_over_ReleaseWatch_Urls()
    {
        var port = FreePort.Next();
        var fallback = FreePort.Next();
        var settings = Settings(fallback);
        settings["ASPNETCORE_URLS"] = Url(port);

        await using var service = await ServiceProcess.StartAsync(settings, [], port);

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(Url(port) + "/"))).StatusCode);
        Assert.False(await ListensAsync(fallback));
    }

    private Dictionary<string, string> Settings(int releaseWatchUrlsPort) => new()
    {
        ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
        ["ReleaseWatch__Intake__SigningSecret"] = "urls-test-signing-secret",
        ["ReleaseWatch__Urls"] = Url(releaseWatchUrlsPort),
    };

    private static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Functions.Http;

/// <summary>The web server's first address, once the host has started listening.</summary>
internal sealed class ServerListeningAddress(IServer server, IHostApplicationLifetime lifetime) : IListeningAddress
{
    public async Task<string> WaitAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken);
        }

        return server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')
            ?? throw new InvalidOperationException("the service has no HTTP address to post the demo deployment to.");
    }
}

namespace ReleaseWatch.Hosting;

/// <summary>Where this service listens, once it does: the web host knows (Functions/), the demo asks to post to itself.</summary>
public interface IListeningAddress
{
    /// <summary>Waits until the service listens; its base URL without a trailing slash, e.g. http://127.0.0.1:7071.</summary>
    Task<string> WaitAsync(CancellationToken cancellationToken);
}

namespace ReleaseWatch.Watches.Runtime;

/// <summary>Where people find a watch: its dashboard page (what alerts link to) and its JSON record.</summary>
public static class WatchLinks
{
    /// <summary>The dashboard's page of the watch, e.g. https://releasewatch.example.com/watches/w123.</summary>
    public static Uri Page(Uri publicBaseUrl, string watchId) => new(Base(publicBaseUrl), $"watches/{Uri.EscapeDataString(watchId)}");

    /// <summary>The watch's JSON record (GET /api/watches/{id}).</summary>
    public static Uri Record(Uri publicBaseUrl, string watchId) => new(Base(publicBaseUrl), $"api/watches/{Uri.EscapeDataString(watchId)}");

    // A base URL with a path ("https://host/releasewatch") keeps it: relative URIs resolve against its last slash.
    private static Uri Base(Uri publicBaseUrl) =>
        publicBaseUrl.AbsoluteUri.EndsWith('/') ? publicBaseUrl : new Uri(publicBaseUrl.AbsoluteUri + "/");
}

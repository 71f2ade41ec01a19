namespace ReleaseWatch.Storage;

/// <summary>Where watches, timers and signals are kept (ReleaseWatch:Storage).</summary>
public sealed class StorageOptions
{
    /// <summary>A storage connection string. Default: Azurite on its standard ports.</summary>
    public string? ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>With Microsoft Entra (managed identity): the table endpoint, e.g. https://acct.table.core.windows.net. Used when no connection string is set.</summary>
    public Uri? TableServiceUri { get; set; }
}

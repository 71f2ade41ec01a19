namespace ReleaseWatch.Orgs;

/// <summary>The orgs ReleaseWatch knows, from configuration. Deployments to any other org are refused.</summary>
public interface IOrgCatalog
{
    /// <summary>Finds an org by its 15- or 18-character id (a 15-character id matches its 18-character form).</summary>
    OrgOptions? Find(string orgId);
}

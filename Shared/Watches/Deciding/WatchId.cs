using System.Security.Cryptography;
using System.Text;
using ReleaseWatch.Deployments;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// A watch's id derives from (org, deployment), so a repeated delivery finds the same watch. Hashing keeps
/// the id safe as a Table Storage key whatever characters a pipeline puts in its deployment id.
/// </summary>
internal static class WatchId
{
    public static string For(string orgId, string deploymentId)
    {
        var material = Encoding.UTF8.GetBytes(SalesforceOrgId.Key(orgId) + "\n" + deploymentId);
        return "w" + Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 12));
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: 25 } && id[0] == 'w' && id.AsSpan(1).IndexOfAnyExcept("0123456789abcdef") < 0;
}

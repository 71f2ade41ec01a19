using System.Security.Cryptography;
using System.Text;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>
/// A rollout's storage key derives from the id the caller chose, so a repeated POST finds the same rollout. Hashing
/// keeps it safe as a Table Storage key; the "r" marks it apart from watch keys ("w…") in the shared table.
/// </summary>
internal static class RolloutKey
{
    private const string DeploymentPrefix = "rollout:";

    public static string For(string rolloutId) =>
        "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rolloutId)).AsSpan(0, 12));

    public static bool IsWellFormed(string? key) =>
        key is { Length: 25 } && key[0] == 'r' && key.AsSpan(1).IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>The deployment id of a wave's watches: "rollout:{key}:wave:{n}" (n from 1), so an org's watch id follows from it.</summary>
    public static string DeploymentOf(string key, int wave) => $"{DeploymentPrefix}{key}:wave:{wave + 1}";

    /// <summary>The rollout key and wave index a watch's deployment id names; false for a deployment that is no rollout's.</summary>
    public static bool TryParseDeployment(string deploymentId, out string key, out int wave)
    {
        key = "";
        wave = -1;
        var parts = deploymentId.Split(':');
        if (parts is not [_, var k, "wave", var n] || !deploymentId.StartsWith(DeploymentPrefix, StringComparison.Ordinal) ||
            !IsWellFormed(k) || !int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return false;
        }

        key = k;
        wave = number - 1;
        return true;
    }

    /// <summary>The rollout key a command id begins with ("r…-promote-2"); empty when it is no rollout's.</summary>
    public static string OfCommand(string commandId)
    {
        var dash = commandId.IndexOf('-', StringComparison.Ordinal);
        var key = dash > 0 ? commandId[..dash] : "";
        return IsWellFormed(key) ? key : "";
    }
}

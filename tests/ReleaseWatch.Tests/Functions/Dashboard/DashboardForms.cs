using System.Text.RegularExpressions;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>Reads the antiforgery field a dashboard page hands out, as a browser would post it back (its cookie stays in the client).</summary>
internal static partial class DashboardForms
{
    public static async Task<(string Name, string Value)> TokenAsync(HttpClient client, string page)
    {
        var token = TokenField().Match(await client.GetStringAsync(page));
        Assert.True(token.Success, $"{page} has no antiforgery field");
        return (token.Groups["name"].Value, token.Groups["value"].Value);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex TokenField();
}

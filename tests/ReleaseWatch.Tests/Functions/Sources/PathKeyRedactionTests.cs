using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using ReleaseWatch.Functions.Sources;

namespace ReleaseWatch.Tests.Functions.Sources;

public sealed class PathKeyRedactionTests
{
    [Theory]
    [InlineData("/api/sources/gearset/gearset-path-key-0123456789abcdef", "/api/sources/gearset/{key}")]
    [InlineData("/API/Sources/Gearset/another-key", "/api/sources/gearset/{key}")]
    [InlineData("/api/sources/gearset", "/unchanged")]
    [InlineData("/api/sources/github", "/unchanged")]
    public void A_Gearset_request_span_keeps_the_route_s_shape_instead_of_the_secret_path_segment(string path, string expected)
    {
        using var activity = new Activity("request");
        activity.SetTag("url.path", "/unchanged");
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        PathKeyRedaction.Redact(activity, context.Request);

        Assert.Equal(expected, activity.GetTagItem("url.path"));
    }
}

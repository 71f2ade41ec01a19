using Microsoft.AspNetCore.Http;

namespace ReleaseWatch.Hosting;

/// <summary>Any result, plus a Location header (e.g. 202 Accepted pointing at the new watch).</summary>
public sealed class LocatedResult(IResult inner, string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return inner.ExecuteAsync(httpContext);
    }
}

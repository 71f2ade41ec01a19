using Microsoft.AspNetCore.Http;

namespace ReleaseWatch.Intake;

/// <summary>The CloudEvents webhook validation answer: 200 with WebHook-Allowed-Origin echoing the requester.</summary>
internal sealed class AllowedOriginResult(string origin) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.Headers["WebHook-Allowed-Origin"] = origin;
        httpContext.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return Task.CompletedTask;
    }
}

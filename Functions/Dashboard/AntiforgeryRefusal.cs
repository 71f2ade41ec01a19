using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// Answers a dashboard form whose anti-forgery token failed with a 400 page before its endpoint binds the form (and so
/// before the access filter: it says nothing of the watch or the user). The generated request delegates, which the
/// native executable needs, throw when they read such a form (a 500); the runtime binder answered 400, as this does.
/// </summary>
internal static class AntiforgeryRefusal
{
    private const string Body =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not done · ReleaseWatch</title></head><body><main>" +
        "<h1>The form was not accepted</h1><p role=\"alert\">Its anti-forgery token is missing or expired, or it was not sent by this dashboard. " +
        "Go back, reload the page and try again.</p></main></body></html>";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false })
        {
            return next(context);
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.Content(Body, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest).ExecuteAsync(context);
    }
}

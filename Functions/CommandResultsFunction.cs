using System.Text.Json;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Functions;

/// <summary>
/// Functions mode: the host's serviceBusTrigger on "release-command-results" invokes POST /CommandResults.
/// A result that is malformed or not ours answers 400 (the host retries, then dead-letters the message);
/// a stored one answers the empty custom-handler response so the host completes the message.
/// </summary>
internal static class CommandResultsFunction
{
    private const string EmptyResponse = """{"Outputs":{},"Logs":[],"ReturnValue":null}""";

    public static WebApplication MapCommandResults(this WebApplication app)
    {
        app.MapPost("/CommandResults", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, CommandResultIntake intake, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var invocation = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (!invocation.RootElement.TryGetProperty("Data", out var data) || !data.TryGetProperty("result", out var result))
            {
                return Invalid("The invocation has no Data.result.");
            }

            body = result.ValueKind == JsonValueKind.String ? result.GetString()! : result.GetRawText();
        }
        catch (JsonException ex)
        {
            return Invalid("The invocation is not JSON: " + ex.Message);
        }

        var disposition = await intake.TakeAsync(body, cancellationToken);
        return disposition.Accepted ? Results.Content(EmptyResponse, "application/json") : Invalid(disposition.Reason);
    }

    private static IResult Invalid(string reason) => Results.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "Command result not accepted");
}

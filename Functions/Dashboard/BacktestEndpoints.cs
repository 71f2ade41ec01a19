using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using ReleaseWatch.Backtest;
using ReleaseWatch.Dashboard;
using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// Back-test in the browser: GET /backtest is the form; POST /backtest runs the back-test engine (the CLI's
/// <see cref="Backtester"/>: live classifier, judge and decider) and shows the charts and verdicts as a watch page
/// does; POST /backtest/run is the same as JSON, GET /backtest/options what it can run. Both pass the dashboard's access filter and antiforgery check, as
/// operator actions do; bad input is a 4xx naming the field, nothing runs.
/// </summary>
internal static class BacktestEndpoints
{
    public static RouteGroupBuilder MapBacktest(this RouteGroupBuilder pages)
    {
        pages.MapGet("/backtest", Form);
        pages.MapGet("/backtest/options", Options);
        pages.MapPost("/backtest", PageAsync).DisableAntiforgery();
        pages.MapPost("/backtest/run", ApiAsync).DisableAntiforgery();
        return pages;
    }

    public static IResult Form(HttpContext context, PolicyCatalog policies, BacktestRecordings recordings, IAntiforgery antiforgery) =>
        Page("Back-test", DashboardUser.Of(context), BacktestPageHtml.Form(policies.Names, recordings.List(), antiforgery.GetAndStoreTokens(context), null));

    /// <summary>What a back-test can run: the configured policies, the recordings the service lists, the upload limit.</summary>
    public static IResult Options(PolicyCatalog policies, BacktestRecordings recordings, IOptions<DashboardOptions> options) => TypedResults.Ok(new BacktestChoices(
        [.. policies.Names.Order(StringComparer.Ordinal)],
        [.. recordings.List().Select(r => new BacktestRecordingChoice(r.Name, r.Label))],
        options.Value.MaxRecordingBytes));

    public static async Task<IResult> PageAsync(HttpContext context, PolicyCatalog policies, BacktestRecordings recordings, IAntiforgery antiforgery,
        IOptions<DashboardOptions> options, IOptions<SignalCaptureOrgs> orgs, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        var (view, status, error) = await RunAsync(context, policies, recordings, antiforgery, options, orgs, cancellationToken);
        return view is null
            ? Page("Back-test", user, BacktestPageHtml.Form(policies.Names, recordings.List(), antiforgery.GetAndStoreTokens(context), error), status)
            : Page($"Back-test of {view.Policy}", user, BacktestPageHtml.Result(view));
    }

    public static async Task<IResult> ApiAsync(HttpContext context, PolicyCatalog policies, BacktestRecordings recordings, IAntiforgery antiforgery,
        IOptions<DashboardOptions> options, IOptions<SignalCaptureOrgs> orgs, CancellationToken cancellationToken)
    {
        var (view, status, error) = await RunAsync(context, policies, recordings, antiforgery, options, orgs, cancellationToken);
        return view is null ? Results.Problem(detail: error, statusCode: status) : TypedResults.Ok(view);
    }

    private static async Task<(BacktestView?, int, string?)> RunAsync(HttpContext context, PolicyCatalog policies, BacktestRecordings recordings, IAntiforgery antiforgery,
        IOptions<DashboardOptions> options, IOptions<SignalCaptureOrgs> orgs, CancellationToken cancellationToken)
    {
        var input = await BacktestInput.ReadAsync(context, antiforgery, policies, recordings, options.Value.MaxRecordingBytes, cancellationToken);
        if (input.Recording is not { } recording || input.Policy is not { } policy)
        {
            return (null, input.Status, input.Error);
        }

        var org = orgs.Value.Orgs.FirstOrDefault(o => SalesforceOrgId.Key(o.Id) == SalesforceOrgId.Key(recording.OrgId));
        var report = await Backtester.RunAsync(recording, policy, org, input.DeployedAt, cancellationToken);
        return (BacktestView.Of(report, input.RecordingName), StatusCodes.Status200OK, null);
    }
}

/// <summary>What a back-test can run (GET /dashboard/api/backtest/options).</summary>
internal sealed record BacktestChoices(IReadOnlyList<string> Policies, IReadOnlyList<BacktestRecordingChoice> Recordings, long MaxRecordingBytes);

/// <summary>A recording the service offers to back-test against.</summary>
internal sealed record BacktestRecordingChoice(string Name, string Label);

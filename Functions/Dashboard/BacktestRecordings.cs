using Microsoft.Extensions.Options;
using ReleaseWatch.Salesforce;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// The recordings the service has, offered on the back-test page beside an upload: the bundled demo recording and,
/// when ReleaseWatch:SignalCapture:RecordPath is set and written, this service's own recording.
/// </summary>
internal sealed class BacktestRecordings(IOptions<SignalCaptureOptions> capture)
{
    public const string Demo = "demo";
    public const string Live = "live";

    public IReadOnlyList<(string Name, string Label, string Path)> List()
    {
        var listed = new List<(string, string, string)>();
        var demo = Path.Combine(AppContext.BaseDirectory, "demo", "recording.jsonl");
        if (File.Exists(demo))
        {
            listed.Add((Demo, "The bundled demo recording (demo/recording.jsonl)", demo));
        }

        if (capture.Value.RecordPath is { Length: > 0 } live && File.Exists(live))
        {
            listed.Add((Live, $"This service's recording ({Path.GetFileName(live)}, ReleaseWatch:SignalCapture:RecordPath)", Path.GetFullPath(live)));
        }

        return listed;
    }
}

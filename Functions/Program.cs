using ReleaseWatch.Functions;
using ReleaseWatch.Functions.Cli;

if (await Verbs.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddReleaseWatchFunctions();

var app = builder.Build();
app.MapReleaseWatchFunctions();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

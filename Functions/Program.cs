using ReleaseWatch;
using ReleaseWatch.Functions;

var builder = WebApplication.CreateBuilder(args);
builder.UseReleaseWatchHosting();
builder.Services.AddReleaseWatch(builder.Configuration);

var app = builder.Build();
app.MapReleaseWatchFunctions();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

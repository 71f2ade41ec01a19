using ReleaseWatch.Functions.Cli;
using ReleaseWatch.Tests.Deploy;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions.Cli;

public sealed class BacktestPathTests : IDisposable
{
    private readonly string _shell = Directory.CreateTempSubdirectory("rw-shell-").FullName;
    private readonly string _working = Directory.CreateTempSubdirectory("rw-working-").FullName;
    private readonly string _executable = Directory.CreateTempSubdirectory("rw-executable-").FullName;

    [Fact]
    public void A_relative_recording_is_read_from_the_directory_the_command_was_typed_in()
    {
        File.WriteAllText(Path.Combine(_shell, "incident.jsonl"), "");
        File.WriteAllText(Path.Combine(_working, "incident.jsonl"), "");

        var path = BacktestVerb.Locate("incident.jsonl", _shell, _working, _executable);

        Assert.Equal(Path.Combine(_shell, "incident.jsonl"), path);
    }

    [Fact]
    public void The_bundled_recording_is_found_beside_the_executable_from_anywhere()
    {
        Directory.CreateDirectory(Path.Combine(_executable, "demo"));
        File.WriteAllText(Path.Combine(_executable, "demo", "recording.jsonl"), "");

        var path = BacktestVerb.Locate(BacktestVerb.BundledRecording, _shell, _working, _executable);

        Assert.Equal(Path.Combine(_executable, "demo", "recording.jsonl"), path);
    }

    [Fact]
    public void A_missing_recording_is_an_error_naming_every_place_looked_in()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BacktestVerb.Locate("incident.jsonl", _shell, _working, _executable));

        Assert.Contains("incident.jsonl", error.Message, StringComparison.Ordinal);
        Assert.Contains(_shell, error.Message, StringComparison.Ordinal);
        Assert.Contains(_executable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_command_run_from_another_folder_back_tests_the_recording_there()
    {
        File.Copy(RepoPaths.Of("Functions", "demo", "recording.jsonl"), Path.Combine(_shell, "incident.jsonl"));
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0

        // As a shell runs it: the working directory and $PWD are where the command is typed.
        var run = await CommandRun.RunAsync("dotnet",
            ["run", "--project", RepoPaths.Of("Functions"), "-c", configuration, "--no-build", "--", "backtest", "--recording", "incident.jsonl"],
            TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["PWD"] = _shell }, _shell);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("breached at 2026-11-20 09:56:19Z", run.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _shell, _working, _executable })
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

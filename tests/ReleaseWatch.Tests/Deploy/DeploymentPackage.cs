using System.IO.Compression;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>The deployable zip, built once by Functions/package.sh (the documented command) for the package tests.</summary>
public sealed class DeploymentPackage : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("package-");

    public CommandRun Build { get; private set; } = null!;

    public ZipArchive Zip { get; private set; } = null!;

    public string ZipPath => Path.Combine(_work.FullName, "releasewatch.zip");

    public async Task InitializeAsync()
    {
        Build = await CommandRun.RunAsync("bash", [RepoPaths.Of("Functions", "package.sh"), ZipPath], TimeSpan.FromMinutes(5));
        if (Build.ExitCode != 0 || !File.Exists(ZipPath))
        {
            throw new InvalidOperationException($"Functions/package.sh failed: {Build}");
        }

        Zip = ZipFile.OpenRead(ZipPath);
    }

    public Task DisposeAsync()
    {
        Zip?.Dispose();
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public ZipArchiveEntry Entry(string path) =>
        Zip.GetEntry(path) ?? throw new KeyNotFoundException($"The package has no {path}.");

    public byte[] Bytes(string path)
    {
        using var stream = Entry(path).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

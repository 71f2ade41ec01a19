using System.Text.Json;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

[Collection(DeploymentPackageCollection.Name)]
public sealed class DeploymentPackageTests(DeploymentPackage package)
{
    [Fact]
    public void Package_has_the_repository_host_json_at_its_root()
    {
        Assert.Equal(File.ReadAllBytes(RepoPaths.Of("host.json")), package.Bytes("host.json"));
    }

    [Fact]
    public void Package_has_a_folder_with_the_function_json_of_every_function_in_the_repository()
    {
        var functions = Directory.GetDirectories(RepoPaths.Of("Functions"))
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .ToList();
        var packaged = package.Zip.Entries
            .Where(e => e.Name == "function.json")
            .Select(e => e.FullName)
            .ToHashSet();

        Assert.NotEmpty(functions);
        Assert.Equal(functions.Select(d => $"{Path.GetFileName(d)}/function.json").ToHashSet(), packaged);
        Assert.All(functions, d => Assert.Equal(File.ReadAllBytes(Path.Combine(d, "function.json")), package.Bytes($"{Path.GetFileName(d)}/function.json")));
    }

    [Fact]
    public void Executable_named_by_host_json_is_packaged_as_a_linux_elf_with_its_run_bit()
    {
        using var host = JsonDocument.Parse(package.Bytes("host.json"));
        var executable = host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        var entry = package.Entry(executable);
        var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
        var head = package.Bytes(executable)[..4];

        Assert.Equal("ReleaseWatch", executable);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute) && mode.HasFlag(UnixFileMode.OtherExecute), $"{executable} has mode {mode}.");
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], head);
    }

    [Fact]
    public void Executable_is_compiled_natively_so_the_host_image_needs_no_dotnet_runtime()
    {
        // Native AOT: the runtime, ASP.NET Core and ReleaseWatch's code are one executable; no IL, no JIT at a cold start.
        Assert.DoesNotContain(package.Zip.Entries, e => e.Name.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Null(package.Zip.GetEntry("ReleaseWatch.runtimeconfig.json"));
        Assert.Null(package.Zip.GetEntry("libcoreclr.so"));
        Assert.True(package.Entry("ReleaseWatch").Length > 10_000_000, "the executable is too small to carry the runtime.");
    }

    [Fact]
    public void Package_carries_the_native_skia_library_the_alert_charts_are_drawn_with()
    {
        // SkiaSharp.NativeAssets.Linux.NoDependencies: no fontconfig or freetype needed on the host (the font is embedded).
        Assert.NotNull(package.Zip.GetEntry("libSkiaSharp.so"));
    }

    [Fact]
    public void Package_carries_no_debug_symbols()
    {
        // The native executable's symbols (ReleaseWatch.dbg) are twice its size and of no use to the host.
        Assert.DoesNotContain(package.Zip.Entries, e => e.Name.EndsWith(".dbg", StringComparison.Ordinal) || e.Name.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_holds_no_local_settings_or_build_leftovers()
    {
        Assert.DoesNotContain(package.Zip.Entries, e => e.Name is "local.settings.json" or "local.settings.sample.json");
        Assert.DoesNotContain(package.Zip.Entries, e => e.FullName.StartsWith("obj/", StringComparison.Ordinal) || e.FullName.StartsWith("bin/", StringComparison.Ordinal));
    }
}

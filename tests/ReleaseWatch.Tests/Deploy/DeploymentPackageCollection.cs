namespace ReleaseWatch.Tests.Deploy;

/// <summary>
/// Tests over the zip built once by Functions/package.sh: a self-contained publish, the slowest step of the
/// suite, so it runs alone after the parallel tests. Apart from the infra tests, so a failing package build
/// fails only its own tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeploymentPackageCollection : ICollectionFixture<DeploymentPackage>
{
    public const string Name = "Deploy: package";
}

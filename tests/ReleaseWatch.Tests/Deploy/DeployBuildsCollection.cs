namespace ReleaseWatch.Tests.Deploy;

/// <summary>
/// The Bicep compile and the self-contained publish are the slow, CPU-heavy tests: they run alone, after the
/// parallel tests, so they never starve another test's deadline on a small CI machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployBuildsCollection : ICollectionFixture<CompiledInfra>, ICollectionFixture<DeploymentPackage>
{
    public const string Name = "Deploy builds";
}

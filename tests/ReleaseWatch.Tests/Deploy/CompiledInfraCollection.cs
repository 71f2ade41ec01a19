namespace ReleaseWatch.Tests.Deploy;

/// <summary>
/// Tests over infra.bicep compiled once by the Bicep CLI. Like the package build, a CPU-heavy step: it runs
/// alone, after the parallel tests, so it never starves another test's deadline on a small CI machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "Deploy: compiled infra.bicep";
}

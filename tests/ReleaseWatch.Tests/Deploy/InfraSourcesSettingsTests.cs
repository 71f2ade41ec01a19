using ReleaseWatch.Intake.Sources;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>infra.bicep gives the app every sender setting of ReleaseWatch:Sources, the secrets as Key Vault references.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class InfraSourcesSettingsTests(CompiledInfra infra)
{
    [Theory]
    [InlineData(typeof(GitHubSourceOptions), "GitHub")]
    [InlineData(typeof(AzureDevOpsSourceOptions), "AzureDevOps")]
    [InlineData(typeof(GearsetSourceOptions), "Gearset")]
    public void Function_app_gets_a_setting_for_every_sender_option_but_a_rotation_s_second_secret(Type options, string sender)
    {
        var expected = options.GetProperties().Where(p => p.CanWrite && p.Name != nameof(GitHubSourceOptions.SecretNext))
            .Select(p => $"ReleaseWatch__Sources__{sender}__{p.Name}");

        Assert.All(expected, name => Assert.Contains(name, infra.AppSettingNames));
    }

    [Theory]
    [InlineData("ReleaseWatch__Sources__GitHub__Secret", "'source-githubSecret'")]
    [InlineData("ReleaseWatch__Sources__AzureDevOps__Password", "'source-azureDevOpsPassword'")]
    [InlineData("ReleaseWatch__Sources__Gearset__PathKey", "'source-gearsetPathKey'")]
    [InlineData("ReleaseWatch__Sources__Gearset__Password", "'source-gearsetPassword'")]
    public void Sender_secrets_are_key_vault_references(string name, string secretName)
    {
        var value = infra.SettingValueExpression(name);

        Assert.Contains("__bicep.vaultRef(", value, StringComparison.Ordinal);
        Assert.Contains(secretName, value, StringComparison.Ordinal);
    }
}

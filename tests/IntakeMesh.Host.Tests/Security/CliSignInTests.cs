using IntakeMesh.Cli;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Scenarios;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>The CLI asks a secured host for the Kafka address with a key, and says clearly when the host refuses.</summary>
[Collection(SecurityCollection.Name)]
public class CliSignInTests(SecurityFixture host)
{
    [Fact]
    public async Task Produce_AskingTheHostWithoutAKey_FailsSayingHowToSignIn()
    {
        var previous = Environment.GetEnvironmentVariable(IntakeMeshClient.ApiKeyVariable);
        Environment.SetEnvironmentVariable(IntakeMeshClient.ApiKeyVariable, null);
        try
        {
            var error = await Assert.ThrowsAsync<UsageException>(() => ProduceAsync("--host", host.BaseAddress.ToString()));

            Assert.Contains("401", error.Message);
            Assert.Contains("--api-key", error.Message);
            Assert.Contains(IntakeMeshClient.ApiKeyVariable, error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(IntakeMeshClient.ApiKeyVariable, previous);
        }
    }

    [Fact]
    public async Task Produce_UnknownKey_FailsWithTheHostsReason()
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => ProduceAsync("--host", host.BaseAddress.ToString(), "--api-key", "wrong"));

        Assert.Contains("not known", error.Message);
    }

    [Fact]
    public async Task Produce_KeyFromTheEnvironment_IsUsed()
    {
        var previous = Environment.GetEnvironmentVariable(IntakeMeshClient.ApiKeyVariable);
        Environment.SetEnvironmentVariable(IntakeMeshClient.ApiKeyVariable, "wrong-from-env");
        try
        {
            var error = await Assert.ThrowsAsync<UsageException>(() => ProduceAsync("--host", host.BaseAddress.ToString()));

            // The host saw a key (not "sign-in required"): the one from the environment.
            Assert.Contains("not known", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(IntakeMeshClient.ApiKeyVariable, previous);
        }
    }

    /// <summary>Produces the scenario without --bootstrap, so the host is asked for the address before anything is sent.</summary>
    private static Task<int> ProduceAsync(params string[] args) =>
        ProduceCommand.RunAsync(new CommandLine(["--scenario", GroupComplaintScenario.Name, .. args], new HashSet<string>()), TextWriter.Null, TextWriter.Null, CancellationToken.None);
}

using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Scenarios;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// A host of its own for the security tests (their actions and audit entries would change the
/// end-to-end test's counts), with the group-complaint scenario in it once a test asks for it.
/// The scenario goes in through the CLI, signed in with the viewer's key.
/// </summary>
public sealed class SecurityFixture : HostFixture
{
    public const string ScenarioKey = "brand:aurora|sku:ax7-bat-48v";

    private readonly SemaphoreSlim _once = new(1, 1);
    private JsonElement? _incident;

    /// <summary>The scenario's incident as an operator lists it (with its starter's customer key).</summary>
    public async Task<JsonElement> IncidentAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_incident is { } known)
            {
                return known;
            }
            var output = new StringWriter();
            var exit = await ProduceCommand.RunAsync(
                new CommandLine(["--scenario", GroupComplaintScenario.Name, "--host", BaseAddress.ToString(), "--api-key", ViewerKey], new HashSet<string>()),
                output, output, CancellationToken.None);
            Assert.True(exit == 0, output.ToString());
            var list = await Eventually.GetAsync(
                () => Operator.GetFromJsonAsync<JsonElement[]>("/api/incidents"),
                l => l!.Any(i => i.GetProperty("key").GetString() == ScenarioKey && i.GetProperty("participants").GetInt32() == GroupComplaintScenario.Participants),
                TimeSpan.FromSeconds(60), "the scenario's incident");
            _incident = list.Single(i => i.GetProperty("key").GetString() == ScenarioKey);
            return _incident.Value;
        }
        finally
        {
            _once.Release();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "security";
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Scenarios;

namespace IntakeMesh.Host.Tests;

/// <summary>
/// Alerts leave the running host through the MassTransit bus to a real webhook, one per tier
/// change; operators acknowledge and resolve over HTTP, and the resolution is alerted too.
/// </summary>
public class OperatorActionTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string ScenarioKey = "brand:aurora|sku:ax7-bat-48v";

    [Fact]
    public async Task Scenario_AlertsEachEscalationOnce_ThenAcknowledgeAndResolveOverHttp()
    {
        var system = await host.Http.GetFromJsonAsync<JsonElement>("/api/system");
        await ProduceCommand.RunAsync(new CommandLine(["--scenario", GroupComplaintScenario.Name, "--bootstrap", system.GetProperty("kafka").GetProperty("bootstrapServers").GetString()!], new HashSet<string>()), TextWriter.Null, TextWriter.Null, CancellationToken.None);
        var incident = (await Eventually.GetAsync(
            () => host.Http.GetFromJsonAsync<JsonElement[]>("/api/incidents"),
            list => list!.Any(i => i.GetProperty("key").GetString() == ScenarioKey && i.GetProperty("participants").GetInt32() == GroupComplaintScenario.Participants),
            TimeSpan.FromSeconds(60), "the scenario's incident")).Single(i => i.GetProperty("key").GetString() == ScenarioKey);
        var id = incident.GetProperty("id").GetString()!;

        // One escalation alert per tier change, ending at T4; none below the webhook's T2.
        var escalations = await Eventually.GetAsync(
            () => Task.FromResult<List<JsonElement>?>([.. host.Webhook.Received.Where(r => r.Type == "IncidentEscalated").Select(r => r.Body)]),
            list => list!.Any(e => Tier(e) == "T4"),
            TimeSpan.FromSeconds(30), "the T4 escalation webhook");
        var tiers = escalations.Select(Tier).ToList();
        Assert.Equal(tiers.Distinct().Count(), tiers.Count);
        Assert.DoesNotContain("T0", tiers);
        Assert.DoesNotContain("T1", tiers);

        // Acknowledge, then resolve: a resolution needs a note.
        var acknowledged = await host.Http.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { by = "pr-lead", note = "calling the starter" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("Acknowledged", (await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var noNote = await host.Http.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { by = "pr-lead" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var resolved = await host.Http.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { by = "pr-lead", note = "batch B2026-10 recalled" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        var listed = (await host.Http.GetFromJsonAsync<JsonElement[]>("/api/incidents"))!.Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal("Resolved", listed.GetProperty("status").GetString());
        await Eventually.GetAsync(
            () => Task.FromResult<int?>(host.Webhook.Received.Count(r => r.Type == "IncidentResolved")),
            count => count == 1, TimeSpan.FromSeconds(30), "the resolve webhook");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.PostAsJsonAsync("/api/incidents/inc-000000000000-1/acknowledge", new { })).StatusCode);
    }

    private static string Tier(JsonElement alert) =>
        (alert.TryGetProperty("alert", out var inner) ? inner : alert).GetProperty("tier").GetString()!;
}

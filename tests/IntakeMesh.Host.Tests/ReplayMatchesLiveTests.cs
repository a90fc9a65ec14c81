using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Scenarios;

namespace IntakeMesh.Host.Tests;

/// <summary>The same events through the live host (Kafka, grains) and through <c>replay</c> give the same incidents.</summary>
public class ReplayMatchesLiveTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Replay_SameEventsAsLive_SameIncidentsTiersAndPhases()
    {
        // Arrange: the scenario as a JSON-lines file, sent live and replayed.
        var file = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.jsonl");
        var changesFile = Path.ChangeExtension(file, ".changes.jsonl");
        var lines = GroupComplaintScenario.Build();
        await File.WriteAllLinesAsync(file, lines.Select(l => $$"""{"channel":"{{l.Channel.ToString().ToLowerInvariant()}}","event":{{Encoding.UTF8.GetString(l.Event)}}}"""));
        try
        {
            var system = await host.Http.GetFromJsonAsync<JsonElement>("/api/system");
            var bootstrap = system.GetProperty("kafka").GetProperty("bootstrapServers").GetString()!;
            Assert.Equal(0, await ProduceCommand.RunAsync(new CommandLine([file, "--bootstrap", bootstrap], new HashSet<string>()), TextWriter.Null, TextWriter.Null, CancellationToken.None));
            var live = await Eventually.GetAsync(
                () => host.Http.GetFromJsonAsync<JsonElement[]>("/api/incidents"),
                list => list!.Sum(i => i.GetProperty("complaints").GetInt32()) == GroupComplaintScenario.Participants,
                TimeSpan.FromSeconds(60), "every live complaint");

            // Act
            var exit = ReplayCommand.Run(new CommandLine([file, "--out", changesFile, "--hmac-key", "end-to-end-test-secret-0123456789"], new HashSet<string>()), TextWriter.Null, TextWriter.Null);

            // Assert: per incident id, the replay's last change has the live tier and phase.
            Assert.Equal(0, exit);
            var replayed = File.ReadLines(changesFile).Select(l => JsonDocument.Parse(l).RootElement)
                .GroupBy(c => c.GetProperty("incidentId").GetString()!)
                .ToDictionary(g => g.Key, g => $"{g.Last().GetProperty("tier").GetString()} {g.Last().GetProperty("phase").GetString()}");
            var liveOutcome = live.ToDictionary(i => i.GetProperty("id").GetString()!, i => $"{i.GetProperty("tier").GetString()} {i.GetProperty("phase").GetString()}");
            Assert.Equal(liveOutcome.OrderBy(p => p.Key), replayed.OrderBy(p => p.Key));
            Assert.Contains("T4 Mass", liveOutcome.Values);
        }
        finally
        {
            File.Delete(file);
            File.Delete(changesFile);
        }
    }
}

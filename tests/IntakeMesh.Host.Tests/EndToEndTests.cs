using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Scenarios;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Kafka;

namespace IntakeMesh.Host.Tests;

/// <summary>
/// The walking skeleton end to end: the group-complaint scenario and malformed records go in over
/// the Kafka protocol; the incident's tier comes out over HTTP and the bad records arrive on
/// intake.deadletter with their reasons.
/// </summary>
[Collection(HostCollection.Name)]
public class EndToEndTests(HostFixture host)
{
    private const string ScenarioKey = "brand:aurora|sku:ax7-bat-48v";

    private static readonly (string Name, byte[] Bytes, string Reason, string Field)[] Malformed =
    [
        ("not-json", Encoding.UTF8.GetBytes("my battery died, call me"), "not_json", "$"),
        ("invalid-utf8", [.. Encoding.UTF8.GetBytes("{\"eventId\":\"x\",\"text\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")], "invalid_utf8", "$"),
        ("missing-text", Encoding.UTF8.GetBytes("""{"eventId":"bad-3","occurredAt":"2026-11-20T08:00:00Z","customer":{"id":"C1"}}"""), "missing_field", "text"),
        ("wrong-type", Encoding.UTF8.GetBytes("""{"eventId":"bad-4","occurredAt":"2026-11-20T08:00:00Z","customer":{"id":"C1"},"text":"x","social":{"followers":"lots"}}"""), "wrong_type", "social.followers"),
        ("oversized", Encoding.UTF8.GetBytes($$"""{"eventId":"bad-5","occurredAt":"2026-11-20T08:00:00Z","customer":{"id":"C1"},"text":"{{new string('a', 40_000)}}"}"""), "oversized", "text"),
    ];

    [Fact]
    public async Task GroupComplaintScenario_ClimbsToT4_AndMalformedRecordsAreDeadLettered()
    {
        var bootstrap = await BootstrapAsync();
        var runId = Guid.NewGuid().ToString("N")[..8];

        // Arrange: the scenario through the CLI's produce verb, the malformed records with a plain producer.
        var output = new StringWriter();
        var exit = await ProduceCommand.RunAsync(new CommandLine(["--scenario", GroupComplaintScenario.Name, "--bootstrap", bootstrap], new HashSet<string>()), output, new StringWriter(), CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Contains($"produced {GroupComplaintScenario.Build().Count} of", output.ToString());
        await ProduceMalformedAsync(bootstrap, runId);

        // Act: wait for every complaint to reach the incident (partitions are consumed in any order).
        var incidents = await Eventually.GetAsync(
            () => host.Http.GetFromJsonAsync<JsonElement[]>("/api/incidents"),
            list => list is not null && list.Any(i => i.GetProperty("key").GetString() == ScenarioKey
                && i.GetProperty("participants").GetInt32() == GroupComplaintScenario.Participants),
            TimeSpan.FromSeconds(60), "every scenario complaint reaching the incident");

        // Assert: the incident as the list shows it.
        var incident = incidents.Single(i => i.GetProperty("key").GetString() == ScenarioKey);
        Assert.Equal("T4", incident.GetProperty("tier").GetString());
        Assert.Equal("Mass", incident.GetProperty("phase").GetString());
        Assert.Equal(GroupComplaintScenario.Participants, incident.GetProperty("participants").GetInt32());
        Assert.Equal(GroupComplaintScenario.Participants, incident.GetProperty("complaints").GetInt32()); // the redelivered record counted once
        Assert.Equal("Social", incident.GetProperty("starter").GetProperty("channel").GetString());
        Assert.Equal(["Phone", "Email", "Social", "Regulator"], incident.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(incident.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("regulator case"));
        Assert.Equal("T4", incidents[0].GetProperty("tier").GetString());

        // Its detail shows the climb, each step with its reasons.
        var id = incident.GetProperty("id").GetString();
        var detail = await host.Http.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        var tiers = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("toTier").GetString()).ToList();
        // Batches from different partitions may arrive in any order, so steps can merge; the climb itself cannot go down.
        Assert.Equal("T0", tiers[0]);
        Assert.Equal("T4", tiers[^1]);
        Assert.Equal(tiers.Order(), tiers);
        Assert.All(detail.GetProperty("history").EnumerateArray(), h => Assert.NotEmpty(h.GetProperty("reasons").EnumerateArray()));

        // The 12315 case runs China's clock: acceptance by the rule, the last stage by the record's own due date.
        var deadlines = detail.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("stage").GetString()!);
        Assert.Equal(["acceptance", "mediation"], deadlines.Keys.Order());
        Assert.All(deadlines.Values, d => Assert.Equal(("12315-2026-118832", "cn-samr"),
            (d.GetProperty("caseReference").GetString(), d.GetProperty("rule").GetString())));
        Assert.True(deadlines["mediation"].GetProperty("fromRecord").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8)), deadlines["mediation"].GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(deadlines["acceptance"].GetProperty("fromRecord").GetBoolean());

        // The starter is a customer by pseudonymous key.
        var starterKey = incident.GetProperty("starter").GetProperty("customerKey").GetString();
        Assert.StartsWith("cus-", starterKey);
        var customer = await host.Http.GetFromJsonAsync<JsonElement>($"/api/customers/{starterKey}");
        Assert.Equal(1, customer.GetProperty("complaints").GetInt32());

        // Every malformed record is on the dead-letter topic with its original bytes and reason.
        var letters = await ReadDeadLettersAsync(bootstrap, runId, Malformed.Length);
        foreach (var (name, bytes, reason, field) in Malformed)
        {
            var letter = letters[name];
            Assert.Equal(bytes, letter.Message.Value);
            Assert.Equal(reason, Header(letter, KafkaDeadLetterSink.ReasonHeader));
            Assert.Equal(field, Header(letter, KafkaDeadLetterSink.FieldHeader));
            Assert.Equal("intake.email", Header(letter, KafkaDeadLetterSink.SourceTopicHeader));
            Assert.False(string.IsNullOrEmpty(Header(letter, KafkaDeadLetterSink.ErrorHeader)));
            Assert.True(long.Parse(Header(letter, KafkaDeadLetterSink.SourceOffsetHeader)) >= 0);
        }

        // The metrics page counts what happened, by value.
        var metrics = await Eventually.GetAsync(
            async () => PrometheusText.Parse(await host.Http.GetStringAsync("/metrics")),
            m => PrometheusText.Value(m!, "intakemesh_incidents_open", ("tier", "T4")) == 1
                && PrometheusText.Value(m!, "intakemesh_events_deadlettered_total", ("reason", "oversized")) == 1,
            TimeSpan.FromSeconds(10), "metrics reflecting the batch");
        foreach (var (_, _, reason, _) in Malformed)
        {
            Assert.Equal(1, PrometheusText.Value(metrics, "intakemesh_events_deadlettered_total", ("reason", reason)));
        }
        Assert.Equal(1, PrometheusText.Value(metrics, "intakemesh_events_consumed_total", ("channel", "regulator")));
        var scenarioEmails = GroupComplaintScenario.Build().Count(l => l.Channel == Channel.Email);
        Assert.Equal(scenarioEmails + Malformed.Length, PrometheusText.Value(metrics, "intakemesh_events_consumed_total", ("channel", "email")));
        Assert.Equal(1, PrometheusText.Value(metrics, "intakemesh_duplicates_total", ("kind", "redelivery")));
        Assert.Equal(GroupComplaintScenario.Participants, PrometheusText.Value(metrics, "intakemesh_complaints_total"));
        // Batches from different partitions can merge steps, so count arrivals, not the exact path.
        Assert.Equal(1, PrometheusText.Value(metrics, "intakemesh_escalations_total", ("to", "T4")));
        Assert.Equal(1, PrometheusText.Value(metrics, "intakemesh_phase_transitions_total", ("to", "Mass")));
        Assert.Equal(GroupComplaintScenario.Participants, PrometheusText.Value(metrics, "intakemesh_decision_latency_seconds_count"));
        Assert.True(PrometheusText.Value(metrics, "intakemesh_batch_size_count") >= 1);

        // One trace per batch: the consumed batch, the customer and incident grain calls inside it, and the alerts they published.
        var batches = host.Activities.Where(a => a.OperationName == "intake process").ToList();
        Assert.NotEmpty(batches);
        Assert.Contains(batches, batch =>
            host.Activities.Any(a => a.TraceId == batch.TraceId && a.DisplayName.Contains("CustomerGrain", StringComparison.OrdinalIgnoreCase)) &&
            host.Activities.Any(a => a.TraceId == batch.TraceId && a.DisplayName.Contains("IncidentGrain", StringComparison.OrdinalIgnoreCase)) &&
            host.Activities.Any(a => a.TraceId == batch.TraceId && a.OperationName == "alerts publish"));
    }

    [Fact]
    public async Task System_ReportsTheEmbeddedBroker_AndHealthIsOk()
    {
        var system = await host.Http.GetFromJsonAsync<JsonElement>("/api/system");
        var kafka = system.GetProperty("kafka");

        Assert.True(kafka.GetProperty("embedded").GetBoolean());
        Assert.Matches(@"^127\.0\.0\.1:\d+(,127\.0\.0\.1:\d+)*$", kafka.GetProperty("bootstrapServers").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Lookups_UnknownIds_Are404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/incidents/inc-000000000000-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/customers/cus-nobody")).StatusCode);
    }

    private async Task<string> BootstrapAsync()
    {
        var system = await host.Http.GetFromJsonAsync<JsonElement>("/api/system");
        return system.GetProperty("kafka").GetProperty("bootstrapServers").GetString()!;
    }

    private static async Task ProduceMalformedAsync(string bootstrap, string runId)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        foreach (var (name, bytes, _, _) in Malformed)
        {
            var headers = new Headers { { "test-case", Encoding.UTF8.GetBytes($"{runId}:{name}") } };
            await producer.ProduceAsync("intake.email", new Message<byte[]?, byte[]> { Value = bytes, Headers = headers });
        }
    }

    private static async Task<Dictionary<string, ConsumeResult<byte[]?, byte[]>>> ReadDeadLettersAsync(string bootstrap, string runId, int expected)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"test-deadletter-{runId}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
        consumer.Subscribe("intake.deadletter");
        var found = new Dictionary<string, ConsumeResult<byte[]?, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await Task.Run(() =>
        {
            while (found.Count < expected && DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (result?.Message?.Headers?.TryGetLastBytes("test-case", out var tag) == true
                    && Encoding.UTF8.GetString(tag).Split(':') is [var run, var name] && run == runId)
                {
                    found[name] = result;
                }
            }
        });
        consumer.Close();
        Assert.True(found.Count == expected, $"dead letters found: {string.Join(", ", found.Keys)}");
        return found;
    }

    private static string Header(ConsumeResult<byte[]?, byte[]> result, string name) =>
        Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes(name));
}

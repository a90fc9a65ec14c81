using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeMesh.Cli.Commands;

namespace IntakeMesh.Host.Tests.Explain;

/// <summary>
/// <c>GET /api/complaints/{id}/explain</c> over complaints sent through the embedded Kafka broker:
/// each explanation says the decision actually taken (a linked customer, a catalog alias, a text
/// fingerprint, a redelivery, a repeat contact, templated near-duplicates), and <c>replay
/// --explain</c> over the same events says exactly the same.
/// </summary>
public class ComplaintExplainTests(ExplainFixture host) : IClassFixture<ExplainFixture>
{
    private const string Secret = "end-to-end-test-secret-0123456789";
    private const string Subject = """{"brand":"Aurora","sku":"EXPLAIN-SKU-1"}""";
    private const string Battery = "The battery of my scooter died after two weeks and the shop refuses to replace it, order";
    private const string Rude = "Unheard of rudeness at the counter today, nobody would listen to my complaint at all";

    private static string Line(string channel, string id, int minute, string customer, string text, string? subject = null) =>
        $$$"""{"channel":"{{{channel}}}","event":{"eventId":"{{{id}}}","occurredAt":"2026-11-20T09:{{{minute:00}}}:00+08:00","customer":{{{{customer}}}},"text":"{{{text}}}"{{{(subject is null ? "" : $",\"subject\":{subject}")}}}}}""";

    /// <summary>A phone call, then an email from the same person giving both phone and email (which links the email).</summary>
    private static readonly string[] First =
    [
        Line("phone", "ph-1", 0, "\"phone\":\"+8613800000001\"", $"{Battery} 1001", Subject),
        Line("email", "em-1", 5, "\"phone\":\"+8613800000001\",\"email\":\"li.explain@example.com\"", "Following up on my call: still no replacement battery.", Subject),
    ];

    /// <summary>
    /// Sent once the first batch is in (a link takes effect from the next batch): an email naming only the
    /// linked address and a catalog product, a copy of the first call's text by another caller, two
    /// near-identical posts with no subject, and the first call delivered again.
    /// </summary>
    private static readonly string[] Second =
    [
        Line("email", "em-2", 10, "\"email\":\"li.explain@example.com\"", "My Zephyr kettle leaks boiling water everywhere"),
        Line("phone", "ph-2", 15, "\"phone\":\"+8613800000002\"", $"{Battery} 2002", Subject),
        Line("social", "so-1", 20, "\"handle\":\"weibo:explainer_one\"", Rude),
        Line("social", "so-2", 25, "\"handle\":\"weibo:explainer_two\"", $"{Rude}!!! 3"),
        First[0],
    ];

    private static readonly string[] Ids = ["Phone:ph-1", "Email:em-1", "Email:em-2", "Phone:ph-2", "Social:so-1", "Social:so-2"];

    [Fact]
    public async Task Explain_ScenarioThroughKafka_SaysTheDecisionsTaken_AndReplaySaysTheSame()
    {
        // Arrange: the events in two steps through the real broker.
        var directory = Directory.CreateTempSubdirectory("explain-");
        try
        {
            // The call is in before its follow-up email is sent: the two travel on different topics,
            // and across batches a customer judges contacts in the order they arrive.
            await ProduceAsync(directory, "call.jsonl", [First[0]]);
            await WaitForAsync("phone:ph-1", e => e is not null);
            await ProduceAsync(directory, "email.jsonl", [First[1]]);
            await WaitForAsync("email:em-1", e => e is not null);
            await ProduceAsync(directory, "second.jsonl", Second);
            await WaitForAsync("phone:ph-1", e => e?["redelivery"] is JsonObject);

            // Act
            var live = new Dictionary<string, JsonObject>();
            foreach (var id in Ids)
            {
                live[id] = await WaitForAsync(id, e => e is not null);
            }

            // Assert: what each says.
            var ph1 = live["Phone:ph-1"]["explanation"]!;
            Assert.Equal("StrongestIdentifier", Text(ph1, "customer", "rule"));
            Assert.Equal("+86 138****0001", Text(ph1["customer"]!["identifiers"]![0]!, "masked"));
            Assert.Equal(("Subject", "sku", "brand:aurora|sku:explain-sku-1"), (Text(ph1, "incident", "source"), Text(ph1, "incident", "subjectField"), Text(ph1, "incident", "key")));
            Assert.Equal("New", Text(ph1, "verdict", "kind"));
            var redelivery = live["Phone:ph-1"]["redelivery"]!;
            Assert.Equal(("Redelivery", "Phone:ph-1"), (Text(redelivery, "verdict", "kind"), Text(redelivery, "verdict", "of")));

            var em1 = live["Email:em-1"]["explanation"]!;
            Assert.Equal(("RepeatContact", "Phone:ph-1", 2), (Text(em1, "verdict", "kind"), Text(em1, "verdict", "of"), (int)em1["verdict"]!["contactNumber"]!));
            Assert.Equal(["Phone Key +86 138****0001", "Email Alias l***@example.com"],
                em1["customer"]!["identifiers"]!.AsArray().Select(i => $"{i!["kind"]} {i["use"]} {i["masked"]}"));

            var em2 = live["Email:em-2"]["explanation"]!;
            Assert.Equal("AliasForward", Text(em2, "customer", "rule"));
            Assert.Equal(Text(ph1, "customer", "customerKey"), Text(em2, "customer", "customerKey"));
            Assert.Equal(Text(em1["customer"]!["identifiers"]![1]!, "key"), Text(em2, "customer", "eventKey"));
            Assert.Equal(("Catalog", "zephyr kettle", "ZK-1"), (Text(em2, "incident", "source"), Text(em2, "incident", "catalog", "alias"), Text(em2, "incident", "catalog", "sku")));

            var ph2 = live["Phone:ph-2"]["explanation"]!;
            Assert.Equal(("TemplatedNearDuplicate", "Phone:ph-1", 0, 3),
                (Text(ph2, "verdict", "kind"), Text(ph2, "verdict", "of"), (int)ph2["verdict"]!["distance"]!, (int)ph2["verdict"]!["threshold"]!));
            Assert.Equal(Text(ph1, "incident", "incidentId"), Text(ph2, "incident", "incidentId"));

            var so1 = live["Social:so-1"]["explanation"]!;
            var so2 = live["Social:so-2"]["explanation"]!;
            Assert.Equal(("Fingerprint", "New"), (Text(so1, "incident", "source"), Text(so1, "verdict", "kind")));
            Assert.Equal(Text(so1, "incident", "key"), Text(so2, "incident", "key"));
            Assert.Equal(("Social:so-1", 0), (Text(so2, "incident", "fingerprint", "nearest"), (int)so2["incident"]!["fingerprint"]!["distance"]!));
            Assert.Equal(("TemplatedNearDuplicate", "Social:so-1"), (Text(so2, "verdict", "kind"), Text(so2, "verdict", "of")));

            // And replay --explain over the same events gives the very same explanations.
            var file = Path.Combine(directory.FullName, "all.jsonl");
            await File.WriteAllLinesAsync(file, [.. First, .. Second]);
            var catalog = Path.Combine(directory.FullName, "catalog.json");
            await File.WriteAllTextAsync(catalog, ExplainFixture.CatalogJson);
            var explained = Path.Combine(directory.FullName, "explained.jsonl");
            var exit = ReplayCommand.Run(new CommandLine([file, "--out", Path.Combine(directory.FullName, "changes.jsonl"), "--explain", explained,
                "--hmac-key", Secret, "--catalog", catalog], new HashSet<string>()), TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, exit);
            var replayed = File.ReadLines(explained).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            Assert.Equal(Ids.Length + 1, replayed.Count);
            foreach (var line in replayed)
            {
                var id = Text(line, "complaintId")!;
                var which = Text(line, "verdict", "kind") == "Redelivery" ? "redelivery" : "explanation";
                Assert.True(JsonNode.DeepEquals(live[id][which], line), $"{id} {which}: live {live[id][which]!.ToJsonString()} replay {line.ToJsonString()}");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Explain_UnknownComplaint_IsNotFoundWithAProblem()
    {
        using var response = await host.Operator.GetAsync("/api/complaints/phone:never-sent/explain");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("phone:never-sent", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Explain_SameEventIdOnTwoChannels_BareIdIsAmbiguous_QualifiedIdAnswers()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("explain-");
        try
        {
            await ProduceAsync(directory, "twice.jsonl",
            [
                Line("phone", "dup-1", 40, "\"phone\":\"+8613800000041\"", "Nobody answers the service line about my refund"),
                Line("email", "dup-1", 41, "\"email\":\"dup.explain@example.com\"", "Nobody answers the service line about my refund"),
            ]);
            await WaitForAsync("phone:dup-1", e => e is not null);
            await WaitForAsync("email:dup-1", e => e is not null);

            // Act
            using var bare = await host.Operator.GetAsync("/api/complaints/dup-1/explain");
            var qualified = await host.Operator.GetFromJsonAsync<JsonObject>("/api/complaints/email:dup-1/explain");

            // Assert
            Assert.Equal(HttpStatusCode.Conflict, bare.StatusCode);
            Assert.Contains("Email:dup-1", await bare.Content.ReadAsStringAsync());
            Assert.Equal("Email:dup-1", Text(qualified!, "complaintId"));
            Assert.Equal("Email", Text(qualified!, "explanation", "customer", "identifiers", "0", "kind"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private async Task ProduceAsync(DirectoryInfo directory, string name, string[] lines)
    {
        var file = Path.Combine(directory.FullName, name);
        await File.WriteAllLinesAsync(file, lines);
        var system = await host.Http.GetFromJsonAsync<JsonElement>("/api/system");
        var bootstrap = system.GetProperty("kafka").GetProperty("bootstrapServers").GetString()!;
        Assert.Equal(0, await ProduceCommand.RunAsync(new CommandLine([file, "--bootstrap", bootstrap], new HashSet<string>()), TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }

    private Task<JsonObject> WaitForAsync(string id, Func<JsonObject?, bool> done) =>
        Eventually.GetAsync<JsonObject>(async () =>
        {
            using var response = await host.Operator.GetAsync($"/api/complaints/{id}/explain");
            return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonObject>();
        }, done, TimeSpan.FromSeconds(60), $"the explanation of {id}");

    private static string? Text(JsonNode node, params string[] path)
    {
        foreach (var step in path)
        {
            node = (int.TryParse(step, out var index) ? node[index] : node[step])!;
        }
        return node?.GetValue<string>();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Host.Tests;

/// <summary>Operators merge and split incidents over HTTP: audited, re-derived, one alert each, visible to viewers without operator names.</summary>
public class RegroupingApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task MergeThenSplit_OverHttp_RestoresTheCounts_AuditsBoth_AndViewersSeeNoOperator()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (skuX, skuY) = ($"X-{run}", $"Y-{run}");
        await ProduceAsync([.. Complaints(skuX, "1380000", 3), .. Complaints(skuY, "1390000", 4)]);
        var x = await IncidentAsync(skuX, 3);
        var y = await IncidentAsync(skuY, 4);
        var (xId, yId) = (x.GetProperty("id").GetString()!, y.GetProperty("id").GetString()!);

        // A merge needs a target and a note, and only open incidents merge.
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Operator.PostAsJsonAsync($"/api/incidents/{yId}/merge", new { into = xId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Viewer.PostAsJsonAsync($"/api/incidents/{yId}/merge", new { into = xId, note = "same" })).StatusCode);
        var merged = await host.Operator.PostAsJsonAsync($"/api/incidents/{yId}/merge", new { into = xId, note = "same charger" });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergedBody = await merged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((xId, 7), (mergedBody.GetProperty("incident").GetProperty("id").GetString(), mergedBody.GetProperty("incident").GetProperty("complaints").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await host.Operator.PostAsJsonAsync($"/api/incidents/{yId}/merge", new { into = xId, note = "again" })).StatusCode);

        // The board lists the merged one as closed, and viewers read what happened without who did it.
        var listed = (await host.Viewer.GetFromJsonAsync<JsonElement[]>("/api/incidents"))!;
        Assert.Equal("Closed", listed.Single(i => i.GetProperty("id").GetString() == yId).GetProperty("status").GetString());
        var viewerDetail = await host.Viewer.GetFromJsonAsync<JsonElement>($"/api/incidents/{xId}");
        var mergeEntry = viewerDetail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Merged", mergeEntry.GetProperty("kind").GetString());
        Assert.Equal($"{yId} (4 complaints, 4 customers) merged in by an operator", mergeEntry.GetProperty("reasons")[0].GetString());
        Assert.DoesNotContain(HostFixture.OperatorName, viewerDetail.GetRawText());

        // Split the second product's customers out again: both sides come back to what they were.
        var detail = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{xId}");
        var yCustomers = detail.GetProperty("firstParticipants").EnumerateArray()
            .Where(p => p.GetProperty("firstAt").GetDateTimeOffset() >= Start.AddHours(10)).Select(p => p.GetProperty("customerKey").GetString()).ToList();
        Assert.Equal(4, yCustomers.Count);
        var split = await host.Operator.PostAsJsonAsync($"/api/incidents/{xId}/split", new { customers = yCustomers, note = "different charger after all" });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var splitBody = await split.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, splitBody.GetProperty("incident").GetProperty("complaints").GetInt32());
        Assert.Equal(4, splitBody.GetProperty("other").GetProperty("complaints").GetInt32());
        var newId = splitBody.GetProperty("other").GetProperty("id").GetString()!;
        Assert.Equal(xId, (await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{newId}")).GetProperty("splitFrom").GetString());
        Assert.Equal(x.GetProperty("key").GetString(), (await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{yId}")).GetProperty("mergedInto").GetString());
        // The board's pages link the three incidents, for viewers too.
        Assert.Equal(xId, (await host.Viewer.GetFromJsonAsync<JsonElement>($"/api/board/incidents/{yId}")).GetProperty("mergedInto").GetString());
        Assert.Equal([yId], (await host.Viewer.GetFromJsonAsync<JsonElement>($"/api/board/incidents/{xId}")).GetProperty("mergedFrom").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(xId, (await host.Viewer.GetFromJsonAsync<JsonElement>($"/api/board/incidents/{newId}")).GetProperty("splitFrom").GetString());
        Assert.Equal(4, (await host.Viewer.GetFromJsonAsync<JsonElement>($"/api/incidents/{newId}")).GetProperty("summary").GetProperty("participants").GetInt32());

        var audit = (await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=50")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() is { } t && (t == $"incident {yId}" || t == $"incident {xId}")).ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "incident.merge" && e.GetProperty("actor").GetString() == HostFixture.OperatorName && e.GetProperty("reason").GetString() == "same charger");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "incident.split" && e.GetProperty("reason").GetString() == "different charger after all");
        // One alert for the merge and one for the split, not one per complaint moved.
        var regrouped = await Eventually.GetAsync(
            () => Task.FromResult<List<string>?>([.. host.Webhook.Received.Where(r => r.Type == "IncidentRegrouped" && r.Body.GetRawText().Contains(xId, StringComparison.Ordinal)).Select(r => r.Body.GetRawText())]),
            list => list!.Count >= 2, TimeSpan.FromSeconds(30), "the merge and split alerts");
        Assert.Equal(2, regrouped.Count);
    }

    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddHours(-20);

    private static IEnumerable<string> Complaints(string sku, string phonePrefix, int count) =>
        Enumerable.Range(0, count).Select(i => $$$"""{"eventId":"{{{sku}}}-{{{i}}}","occurredAt":"{{{Start.AddHours(sku.StartsWith('Y') ? 10 + i : i):O}}}","customer":{"phone":"+86{{{phonePrefix}}}{{{i:0000}}}"},"text":"充电器坏了","subject":{"brand":"Aurora","sku":"{{{sku}}}"}}""");

    private async Task ProduceAsync(IEnumerable<string> events)
    {
        var system = await host.Http.GetFromJsonAsync<JsonElement>("/api/system");
        var config = new ProducerConfig { BootstrapServers = system.GetProperty("kafka").GetProperty("bootstrapServers").GetString() };
        using var producer = new ProducerBuilder<Null, byte[]>(config).Build();
        foreach (var json in events)
        {
            await producer.ProduceAsync(IntakeTopics.Phone, new Message<Null, byte[]> { Value = Encoding.UTF8.GetBytes(json) });
        }
    }

    private async Task<JsonElement> IncidentAsync(string sku, int participants) =>
        (await Eventually.GetAsync(
            () => host.Operator.GetFromJsonAsync<JsonElement[]>("/api/incidents"),
            list => list!.Any(i => i.GetProperty("key").GetString()!.EndsWith(sku.ToLowerInvariant(), StringComparison.Ordinal) && i.GetProperty("participants").GetInt32() == participants),
            TimeSpan.FromSeconds(60), $"the incident of {sku}")).Single(i => i.GetProperty("key").GetString()!.EndsWith(sku.ToLowerInvariant(), StringComparison.Ordinal));
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// Every operator action lands in the audit log with who (from sign-in, not from the request
/// body), when, what and why; admins read it newest first, a page at a time.
/// </summary>
[Collection(SecurityCollection.Name)]
public class AuditTrailTests(SecurityFixture host)
{
    [Fact]
    public async Task OperatorActions_AreAudited_UnderTheSignedInName()
    {
        // Arrange: the scenario's incident and its starter's first complaint.
        var incident = await host.IncidentAsync();
        var id = incident.GetProperty("id").GetString()!;
        var starter = incident.GetProperty("starter").GetProperty("customerKey").GetString()!;
        var customer = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/customers/{starter}");
        var complaint = customer.GetProperty("history")[0].GetProperty("id").GetString()!;
        var jwtOperator = host.Client(bearer: TestTokens.Create(roles: "operator", name: "wang.fang"));
        var before = await NewestIdAsync();

        // Act: the body's "by" tries to speak for someone else; it must be ignored.
        var acknowledged = await host.Operator.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { by = "someone-else", note = "taking it" });
        var advanced = await jwtOperator.PostAsJsonAsync($"/api/customers/{Uri.EscapeDataString(starter)}/complaints/{Uri.EscapeDataString(complaint)}/advance", new { stage = "Handling", note = "called back" });
        var resolved = await host.Http.PostAsJsonAsync($"/api/incidents/{id}/resolve", new { by = "someone-else", note = "batch recalled" });

        // Assert: the actions worked, under the signed-in names.
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var detail = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.Equal(HostFixture.AdminName, detail.GetProperty("resolved").GetProperty("by").GetString());

        var page = await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=10");
        var entries = page.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("id").GetInt64() > before).ToList();
        Assert.Equal(["incident.resolve", "complaint.advance", "incident.acknowledge"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([HostFixture.AdminName, "wang.fang", HostFixture.OperatorName], entries.Select(e => e.GetProperty("actor").GetString()));
        Assert.Equal(["admin", "operator", "operator"], entries.Select(e => e.GetProperty("role").GetString()));
        Assert.Equal(["batch recalled", "called back", "taking it"], entries.Select(e => e.GetProperty("reason").GetString()));
        Assert.Equal($"incident {id}", entries[0].GetProperty("target").GetString());
        Assert.Equal($"customer {starter} complaint {complaint}", entries[1].GetProperty("target").GetString());
        Assert.Equal("to Handling", entries[1].GetProperty("detail").GetString());
        Assert.All(entries, e => Assert.True(DateTimeOffset.UtcNow - e.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5)));
        Assert.DoesNotContain(entries, e => e.GetRawText().Contains("someone-else", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditList_PagesNewestFirst_WithoutGapsOrRepeats()
    {
        // Arrange: a few more entries through operator actions that reach the audit log.
        var incident = await host.IncidentAsync();
        var starter = incident.GetProperty("starter").GetProperty("customerKey").GetString()!;
        for (var i = 0; i < 5; i++)
        {
            await host.Operator.PostAsJsonAsync($"/api/customers/{Uri.EscapeDataString(starter)}/complaints/Phone:none-{i}/advance", new { stage = "Replied" });
        }
        var all = (await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=1000")).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();

        // Act: walk the log two at a time.
        var walked = new List<long>();
        long? next = null;
        do
        {
            var page = await host.Http.GetFromJsonAsync<JsonElement>($"/api/audit?limit=2{(next is { } b ? $"&before={b}" : "")}");
            walked.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            next = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64();
        }
        while (next is not null);

        // Assert
        Assert.True(all.Count >= 5);
        Assert.Equal(all, walked);
        Assert.Equal(all.OrderDescending(), all);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("before=0")]
    public async Task AuditList_BadPaging_Is400(string query)
    {
        var response = await host.Http.GetAsync($"/api/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<long> NewestIdAsync()
    {
        var page = await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=1");
        return page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).DefaultIfEmpty(-1).First();
    }
}

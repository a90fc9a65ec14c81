using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>An admin opens a customer's sealed contacts only with a reason, and the reveal is audited.</summary>
[Collection(SecurityCollection.Name)]
public class RevealTests(SecurityFixture host)
{
    [Fact]
    public async Task Admin_RevealsTheStartersHandle_WithAReason_AndItIsAudited()
    {
        // Arrange: the scenario's starter posted as weibo:@xiaolin_rides.
        var incident = await host.IncidentAsync();
        var starter = incident.GetProperty("starter").GetProperty("customerKey").GetString()!;
        var masked = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/customers/{starter}");

        // Act
        var response = await host.Http.PostAsJsonAsync($"/api/customers/{starter}/reveal", new { reason = "legal asked who started the wave" });

        // Assert: the operator's view is masked; the admin's reveal opens it.
        Assert.DoesNotContain("xiaolin_rides", masked.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revealed = await response.Content.ReadFromJsonAsync<JsonElement>();
        var values = revealed.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("value").GetString() ?? "").ToList();
        Assert.Contains(values, v => v.Contains("xiaolin_rides", StringComparison.OrdinalIgnoreCase));
        var newest = (await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=1")).GetProperty("entries")[0];
        Assert.Equal("personal-data.reveal", newest.GetProperty("action").GetString());
        Assert.Equal($"customer {starter}", newest.GetProperty("target").GetString());
        Assert.Equal("legal asked who started the wave", newest.GetProperty("reason").GetString());
        Assert.Equal(HostFixture.AdminName, newest.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Reveal_WithoutAReason_IsRefused_AndOpensNothing()
    {
        var incident = await host.IncidentAsync();
        var starter = incident.GetProperty("starter").GetProperty("customerKey").GetString()!;

        var response = await host.Http.PostAsJsonAsync($"/api/customers/{starter}/reveal", new { reason = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("reason", body, StringComparison.Ordinal);
        Assert.DoesNotContain("xiaolin_rides", body, StringComparison.OrdinalIgnoreCase);
    }
}

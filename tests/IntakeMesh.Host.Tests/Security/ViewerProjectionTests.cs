using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Cli.Scenarios;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// Viewers see incidents without personal data: no customer keys anywhere (starter, participants,
/// social chains), no complaint texts, no operator names or notes; operators see all of it.
/// </summary>
[Collection(SecurityCollection.Name)]
public class ViewerProjectionTests(SecurityFixture host)
{
    [Fact]
    public async Task IncidentList_Viewer_HasNoCustomerKeys_OperatorDoes()
    {
        var incident = await host.IncidentAsync();
        // The latest history entry's reasons are the list's: make it an operator's action.
        await host.Operator.PostAsJsonAsync($"/api/incidents/{incident.GetProperty("id").GetString()}/acknowledge", new { note = "phoning the first poster" });

        var viewerJson = await host.Viewer.GetStringAsync("/api/incidents");
        var operatorJson = await host.Operator.GetStringAsync("/api/incidents");

        Assert.DoesNotContain("cus-", viewerJson);
        Assert.DoesNotContain(HostFixture.OperatorName, viewerJson);
        Assert.DoesNotContain(HostFixture.AdminName, viewerJson);
        Assert.DoesNotContain("phoning the first poster", viewerJson);
        Assert.Contains(incident.GetProperty("starter").GetProperty("customerKey").GetString()!, operatorJson);
        var seen = JsonDocument.Parse(viewerJson).RootElement.EnumerateArray().Single(i => i.GetProperty("id").GetString() == incident.GetProperty("id").GetString());
        Assert.Equal(GroupComplaintScenario.Participants, seen.GetProperty("participants").GetInt32());
        Assert.Equal("Social", seen.GetProperty("starter").GetProperty("channel").GetString());
        Assert.False(seen.GetProperty("starter").TryGetProperty("customerKey", out _));
        Assert.Equal(incident.GetProperty("tier").GetString(), seen.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task IncidentDetail_Viewer_HasFiguresButNoPersonalData()
    {
        var incident = await host.IncidentAsync();
        var id = incident.GetProperty("id").GetString();
        // An operator's name and note are on the incident before anyone looks.
        await host.Operator.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { note = "calling the starter back" });

        var viewerJson = await host.Viewer.GetStringAsync($"/api/incidents/{id}");
        var operatorDetail = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");

        Assert.DoesNotContain("cus-", viewerJson);
        Assert.DoesNotContain(HostFixture.OperatorName, viewerJson);
        Assert.DoesNotContain("calling the starter back", viewerJson);
        var viewer = JsonDocument.Parse(viewerJson).RootElement;
        foreach (var hidden in new[] { "firstParticipants", "chainSample", "chainRoot", "samples", "regulatorCaseRefs" })
        {
            Assert.False(viewer.TryGetProperty(hidden, out _), $"viewers must not get {hidden}");
        }
        Assert.Equal(operatorDetail.GetProperty("chainEdges").GetInt64(), viewer.GetProperty("chainEdges").GetInt64());
        Assert.True(viewer.GetProperty("chainEdges").GetInt64() > 0, "the scenario has replies, so chain members would have shown");
        Assert.Equal(operatorDetail.GetProperty("history").GetArrayLength(), viewer.GetProperty("history").GetArrayLength());
        Assert.Equal(operatorDetail.GetProperty("regulatorCases").GetInt32(), viewer.GetProperty("regulatorCases").GetInt32());
        Assert.True(viewer.GetProperty("acknowledged").TryGetProperty("at", out _));

        // The operator's view has what the viewer's lacks.
        Assert.StartsWith("cus-", operatorDetail.GetProperty("firstParticipants")[0].GetProperty("customerKey").GetString());
        Assert.StartsWith("cus-", operatorDetail.GetProperty("chainSample")[0].GetProperty("follower").GetString());
        Assert.Equal(HostFixture.OperatorName, operatorDetail.GetProperty("acknowledged").GetProperty("by").GetString());
    }
}

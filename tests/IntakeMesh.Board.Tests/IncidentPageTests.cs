using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace IntakeMesh.Board.Tests;

/// <summary>
/// The incident page after the group-complaint scenario: an operator acknowledges from the page and
/// the API says so at once; a viewer finds no raw phone number or email, no customer key and no
/// action button; an operator's customer page shows identifiers only masked.
/// </summary>
public class IncidentPageTests(IncidentPageTests.Host host) : IClassFixture<IncidentPageTests.Host>
{
    /// <summary>A host that has taken the whole scenario in before the tests open pages.</summary>
    public sealed class Host : BrowserHost
    {
        public string IncidentId { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await ProduceAsync(Scenario);
            IncidentId = (await ScenarioIncidentAsync()).GetProperty("id").GetString()!;
        }
    }

    [Fact]
    public async Task Operator_AcknowledgesFromTheIncidentPage_AndTheApiShowsItAtOnce()
    {
        // Arrange: from the list to the incident, by keyboard.
        var page = await host.SignInAsync(BoardHost.OperatorKey);
        var link = page.Locator("a.incident-link").Filter(new LocatorFilterOptions { HasText = BoardHost.ScenarioKey });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".incident-head").WaitForAsync();
        Assert.Equal("T4", await page.Locator(".incident-head .tier").GetAttributeAsync("data-tier"));
        Assert.Contains("T4 Crisis", await page.Locator(".incident-head .tier").InnerTextAsync());
        await AssertIncidentPageShowsItsStoryAsync(page);
        await Screenshots.SaveAsync(page, "incident-page", docs: true);

        // Act: acknowledge with a note.
        await page.FillAsync("#note", "Calling the starter one-to-one; PR informed.");
        await page.ClickAsync("#acknowledge");

        // Assert: the page confirms it, and the API has it.
        var confirmation = await page.Locator("#action-result").InnerTextAsync();
        Assert.Contains("Acknowledged", confirmation);
        Assert.Contains(BoardHost.OperatorName, confirmation);
        var detail = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{host.IncidentId}");
        Assert.Equal("Acknowledged", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(BoardHost.OperatorName, detail.GetProperty("acknowledged").GetProperty("by").GetString());
        Assert.Equal("Calling the starter one-to-one; PR informed.", detail.GetProperty("acknowledged").GetProperty("note").GetString());
        Assert.True(await page.Locator("#acknowledge").IsDisabledAsync());
        Assert.Contains("Acknowledged", await page.Locator(".incident-head .status").InnerTextAsync());

        // The admin's page shows the action in the audit trail, from the audit log.
        var admin = await host.SignInAsync(BoardHost.AdminKey);
        await admin.GotoAsync($"/#/incidents/{Uri.EscapeDataString(host.IncidentId)}");
        var audit = admin.Locator(".audit li").Filter(new LocatorFilterOptions { HasText = "incident.acknowledge" });
        await audit.WaitForAsync();
        Assert.Contains(BoardHost.OperatorName, await audit.InnerTextAsync());
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Viewer_SeesTheIncidentWithoutPersonalDataOrActionButtons()
    {
        // Arrange
        var page = await host.SignInAsync(BoardHost.ViewerKey);
        var row = page.Locator("tr[data-id]").Filter(new LocatorFilterOptions { HasText = BoardHost.ScenarioKey });
        await row.WaitForAsync();
        var listHtml = await page.ContentAsync();

        // Act
        await row.Locator("a.incident-link").ClickAsync();
        await page.Locator(".incident-head").WaitForAsync();
        await page.Locator(".samples blockquote").First.WaitForAsync();
        var incidentHtml = await page.ContentAsync();

        // Assert: the story is there, the people are not.
        Assert.True(await page.Locator("section.history .timeline > li").CountAsync() >= 2);
        Assert.True(await page.Locator(".participants tbody tr").CountAsync() == 15);
        Assert.Equal(0, await page.Locator("#acknowledge, #resolve, #note, .actions").CountAsync());
        foreach (var html in new[] { listHtml, incidentHtml })
        {
            Assert.DoesNotContain("cus-", html, StringComparison.Ordinal);
            foreach (var raw in ScenarioIdentifiers.Raw())
            {
                Assert.DoesNotContain(raw, html, StringComparison.OrdinalIgnoreCase);
            }
        }
        // The API the page reads answers the same way, and the customer pages are closed to viewers.
        var api = await host.Viewer.GetStringAsync($"/api/board/incidents/{host.IncidentId}");
        Assert.DoesNotContain("cus-", api, StringComparison.Ordinal);
        Assert.All(ScenarioIdentifiers.Raw(), raw => Assert.DoesNotContain(raw, api, StringComparison.OrdinalIgnoreCase));
        var starter = (await host.Operator.GetFromJsonAsync<JsonElement>("/api/board")).GetProperty("items")[0].GetProperty("starter").GetProperty("customerKey").GetString();
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await host.Viewer.GetAsync($"/api/customers/{starter}")).StatusCode);
        await Screenshots.SaveAsync(page, "incident-page-viewer");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Operator_CustomerPage_ShowsContactsRoleAndOpenComplaints_WithIdentifiersMasked()
    {
        // Arrange: the second caller phoned (her record came twice: one complaint).
        var page = await host.SignInAsync(BoardHost.OperatorKey);
        await page.GotoAsync($"/#/incidents/{Uri.EscapeDataString(host.IncidentId)}");
        var caller = page.Locator(".participants tbody tr").Nth(1).Locator("a.customer-key");

        // Act
        await caller.ClickAsync();
        await page.Locator(".customer-page h2").WaitForAsync();

        // Assert
        var text = await page.Locator(".customer-page").InnerTextAsync();
        Assert.Contains("Ordinary customer", text);
        Assert.Contains("Phone 1", text);
        Assert.Contains(BoardHost.ScenarioKey, text);
        Assert.Contains("Accepted", text);
        var html = await page.ContentAsync();
        Assert.All(ScenarioIdentifiers.Raw(), raw => Assert.DoesNotContain(raw, html, StringComparison.OrdinalIgnoreCase));
        await Screenshots.SaveAsync(page, "customer-page");
        Assert.Empty(host.PageErrors);
    }

    private static async Task AssertIncidentPageShowsItsStoryAsync(IPage page)
    {
        // The chart against the key's baseline, the climb with reasons, the chain, samples in both languages, signals, playbook.
        Assert.Equal(1, await page.Locator("figure.chart svg.hourly").CountAsync());
        Assert.True(await page.Locator("figure.chart rect.bar").CountAsync() >= 10);
        Assert.Contains("T4", await page.Locator("section.history").InnerTextAsync());
        Assert.Contains("regulator case", await page.Locator("section.history").InnerTextAsync());
        Assert.Contains("Starter", await page.Locator(".participants tr.starter").InnerTextAsync());
        Assert.True(await page.Locator(".edges li").CountAsync() >= 1);
        var samples = await page.Locator("section.samples").InnerTextAsync();
        Assert.Contains("极光AX-7电动车", samples);
        Assert.Contains("Battery on my AX-7 died", samples);
        Assert.Equal(1, await page.Locator(".samples blockquote[lang='zh']").First.CountAsync());
        Assert.Contains("12315-2026-118832", await page.Locator("section.signals").InnerTextAsync());
        Assert.Contains("Crisis: emergency response", await page.Locator("p.playbook").InnerTextAsync());
    }
}

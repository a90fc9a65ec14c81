using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Cli.Scenarios;
using Microsoft.Playwright;

namespace IntakeMesh.Board.Tests;

/// <summary>
/// The board open in a real browser while the group-complaint scenario arrives over Kafka: the
/// incident appears and climbs to T4 on the open page, pushed by the server, with no reload.
/// </summary>
public class LiveBoardTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task GroupComplaint_AppearsAndClimbsToT4OnAnOpenPage_WithoutReload()
    {
        // Arrange: an operator has the board open before anything happened.
        var page = await host.SignInAsync(BoardHost.OperatorKey);
        await page.Locator(".live[data-state='live']").WaitForAsync();
        await page.EvaluateAsync("() => { window.boardTestMarker = 'still the same page'; }");
        var loads = 0;
        page.Load += (_, _) => loads++;
        var row = page.Locator("tr[data-id]").Filter(new LocatorFilterOptions { HasText = BoardHost.ScenarioKey });

        // Act: everyday complaints elsewhere; then the starter and her first two followers, then the wave and the regulator case.
        await host.ProduceAsync(BoardHost.Background());
        await host.ProduceAsync(BoardHost.Scenario.Take(3));
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var seen = new List<string> { (await row.GetAttributeAsync("data-tier"))! };
        seen.Add(await WaitForTierAsync(row, "T2", seen));
        await host.ProduceAsync(BoardHost.Scenario.Skip(3));
        seen.Add(await WaitForTierAsync(row, "T4", seen));
        await Eventually.GetAsync<string>(async () => await row.Locator("td.num").InnerTextAsync(), text => text!.StartsWith($"{GroupComplaintScenario.Participants}", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "all 15 participants on the row");

        // Assert: it appeared below T3 and climbed to T4 in the same page, never reloaded.
        Assert.Contains(seen[0], new[] { "T0", "T1", "T2" });
        Assert.Equal("T4", seen[^1]);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal("still the same page", await page.EvaluateAsync<string>("() => window.boardTestMarker"));
        Assert.Equal(0, loads);
        Assert.Equal("T4 Crisis", (await row.Locator(".tier").InnerTextAsync()).Trim());
        Assert.Equal(GroupComplaintScenario.Participants, (await host.ScenarioIncidentAsync()).GetProperty("participants").GetInt32());
        // The sparkline draws the 48 hours the complaints arrived in.
        Assert.Contains("15", await row.Locator("svg.sparkline").GetAttributeAsync("aria-label") ?? "");
        await Eventually.GetAsync(() => page.Locator("tr[data-id]").CountAsync(), count => count >= 3, TimeSpan.FromSeconds(30), "the other incidents on the board");
        await page.EvaluateAsync("() => document.querySelectorAll('tr.flash').forEach(r => r.classList.remove('flash'))");
        await Screenshots.SaveAsync(page, "board-list", docs: true);
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Operator_ResolvesAfterConfirming_AndTheIncidentLeavesTheOpenList()
    {
        // Arrange: a single complaint about a charger is on the open list.
        await host.ProduceAsync(BoardHost.Background().Take(1));
        var page = await host.SignInAsync(BoardHost.OperatorKey);
        var row = page.Locator("tr[data-id]").Filter(new LocatorFilterOptions { HasText = "lx-200" });
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var id = (await row.GetAttributeAsync("data-id"))!;
        await row.Locator("a.incident-link").ClickAsync();
        await page.Locator(".incident-head").WaitForAsync();

        // Act: a note, then Resolve…, which asks first; cancel once, then confirm.
        await page.FillAsync("#note", "Replacement charger sent; customer satisfied.");
        await page.ClickAsync("#resolve");
        await page.ClickAsync("#cancel-resolve");
        Assert.True(await page.Locator(".confirm").IsHiddenAsync());
        Assert.Equal("Open", (await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")).GetProperty("summary").GetProperty("status").GetString());
        await page.ClickAsync("#resolve");
        await page.ClickAsync("#confirm-resolve");

        // Assert: confirmed on the page, resolved in the API, gone from the open list.
        Assert.Contains("Resolved", await page.Locator("#action-result").InnerTextAsync());
        var detail = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.Equal("Resolved", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("Replacement charger sent; customer satisfied.", detail.GetProperty("resolved").GetProperty("note").GetString());
        Assert.Equal(0, await page.Locator("#acknowledge, #resolve").CountAsync());
        await page.ClickAsync("a.back");
        await Eventually.GetAsync(() => page.Locator($"tr[data-id='{id}']").CountAsync(), count => count == 0, TimeSpan.FromSeconds(10), "the resolved incident leaving the open list");
        Assert.Empty(host.PageErrors);
    }

    /// <summary>Polls the row's tier (the page changes it in place) and records each one seen on the way.</summary>
    private static async Task<string> WaitForTierAsync(ILocator row, string tier, List<string> seen) =>
        await Eventually.GetAsync(async () =>
        {
            var now = await row.GetAttributeAsync("data-tier");
            if (now is not null && now != seen[^1] && string.CompareOrdinal(now, tier) < 0)
            {
                seen.Add(now);
            }
            return now;
        }, now => now == tier, TimeSpan.FromSeconds(60), $"the row at {tier}");
}

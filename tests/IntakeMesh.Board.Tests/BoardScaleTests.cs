using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using Microsoft.Playwright;
using Orleans.Concurrency;

namespace IntakeMesh.Board.Tests;

/// <summary>
/// The board with 10,000 open incidents: paged and filtered on the server, changes pushed as
/// single lines at most about once a second per open page, and the page stays quick.
/// </summary>
public class BoardScaleTests(BoardScaleTests.Host host) : IClassFixture<BoardScaleTests.Host>
{
    public const int Incidents = 10_000;

    /// <summary>A host whose board holds 10,000 open incidents across every tier and channel.</summary>
    public sealed class Host : BrowserHost
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var board = Grains.GetGrain<IIncidentBoardGrain>(0);
            foreach (var chunk in Enumerable.Range(0, Incidents).Select(Summary).Chunk(2_000))
            {
                await board.UpdateAsync(new Immutable<IncidentSummary[]>(chunk));
            }
        }
    }

    /// <summary>Incident n: tier n % 5, one channel n % 4, key sku-{n}.</summary>
    public static IncidentSummary Summary(int n) => Summary(n, (Tier)(n % 5), 3 + n % 40);

    public static IncidentSummary Summary(int n, Tier tier, int participants)
    {
        var channel = (Channel)(n % 4);
        var first = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero).AddMinutes(n);
        return new IncidentSummary($"inc-scale-{n:00000}-1", $"brand:acme|sku:sku-{n:00000}", tier, tier >= Tier.T3 ? Phase.Mass : Phase.Single,
            participants, participants, new StarterView($"cus-scale-{n}", channel, first), [channel], first, first.AddHours(5), first.AddHours(6), [$"test reason {n}"])
        {
            Wave = 1,
            Status = IncidentStatus.Open,
            Contacts = participants,
            Hourly = [.. Enumerable.Range(0, 48).Select(h => h >= 42 ? (n + h) % 4 : 0)],
            HourlyFrom = first.AddHours(-42),
        };
    }

    [Fact]
    public async Task BoardApi_PagesAndFilters10000Incidents()
    {
        // Act
        var watch = Stopwatch.StartNew();
        var all = await host.Viewer.GetFromJsonAsync<JsonElement>("/api/board?pageSize=100&page=3");
        var elapsed = watch.Elapsed;
        var t4Social = await host.Viewer.GetFromJsonAsync<JsonElement>("/api/board?tier=T4&channel=social&pageSize=200");
        var text = await host.Viewer.GetFromJsonAsync<JsonElement>("/api/board?q=SKU-0004");
        var bad = await host.Viewer.GetAsync("/api/board?tier=T9&pageSize=100000");
        var anonymous = await host.Client().GetAsync("/api/board");

        // Assert
        Assert.Equal(Incidents, all.GetProperty("total").GetInt32());
        Assert.Equal(100, all.GetProperty("items").GetArrayLength());
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"a page of 10,000 took {elapsed}");
        var tiers = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("tier").GetString()).ToList();
        Assert.All(tiers, tier => Assert.Equal("T4", tier)); // highest tier first: 2,000 T4s fill pages 1 to 20
        // T4 is n % 5 == 4 and social is n % 4 == 2: every 20th incident.
        Assert.Equal(Incidents / 20, t4Social.GetProperty("total").GetInt32());
        Assert.All(t4Social.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("T4", i.GetProperty("tier").GetString());
            Assert.Contains("Social", i.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        });
        // "SKU-0004" finds sku-00040 … sku-00049 in any case.
        Assert.Equal(10, text.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // Viewers get no customer keys.
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("starter").GetProperty("customerKey").ValueKind));
        Assert.Equal(Incidents / 5, all.GetProperty("openByTier").GetProperty("T4").GetInt32());
    }

    [Fact]
    public async Task Stream_SendsOnlyChangedLines_AtMostAboutOnceASecond()
    {
        // Arrange: a page of T4 incidents is open.
        using var events = await SseReader.OpenAsync(host.Viewer, "/api/board/stream?tier=T4&pageSize=20");
        var snapshot = await events.NextAsync("snapshot", TimeSpan.FromSeconds(10));
        Assert.Equal(20, snapshot.GetProperty("upserts").GetArrayLength());
        var shown = snapshot.GetProperty("order")[3].GetString()!;
        var n = int.Parse(shown["inc-scale-".Length..][..5], System.Globalization.CultureInfo.InvariantCulture);
        var board = host.Grains.GetGrain<IIncidentBoardGrain>(0);

        // Act: the fourth incident on the page changes 30 times in quick succession, while the page reads.
        var started = DateTime.UtcNow;
        var updates = Task.Run(async () =>
        {
            for (var i = 1; i <= 30; i++)
            {
                await board.UpdateAsync(new Immutable<IncidentSummary[]>([Summary(n, Tier.T4, 40 + i)]));
            }
            return DateTime.UtcNow;
        });
        var received = new List<JsonElement>();
        while (!updates.IsCompleted || DateTime.UtcNow - await updates < TimeSpan.FromSeconds(2.5))
        {
            if (await events.TryNextAsync("changes", TimeSpan.FromMilliseconds(500)) is { } change)
            {
                received.Add(change);
            }
        }
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        // Assert: one or a few coalesced events, each carrying that one line only, ending at its last state.
        Assert.InRange(received.Count, 1, (int)Math.Ceiling(seconds) + 1);
        Assert.All(received, change =>
        {
            Assert.Equal(1, change.GetProperty("upserts").GetArrayLength());
            Assert.Equal(shown, change.GetProperty("upserts")[0].GetProperty("id").GetString());
            Assert.Equal(0, change.GetProperty("removed").GetArrayLength());
        });
        Assert.Equal(70, received[^1].GetProperty("upserts")[0].GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task Page_With10000Incidents_ShowsThePageAndFiltersQuickly()
    {
        // Arrange
        var watch = Stopwatch.StartNew();
        var page = await host.SignInAsync(BoardHost.ViewerKey);

        // Act
        await page.Locator("tr[data-id]").First.WaitForAsync();
        var firstPage = watch.Elapsed;
        await page.Locator("#f-q").FocusAsync();
        await page.Keyboard.TypeAsync("sku-0123");
        await Eventually.GetAsync(() => page.Locator("tr[data-id]").CountAsync(), count => count == 10, TimeSpan.FromSeconds(10), "the filtered page");

        // Assert
        Assert.True(firstPage < TimeSpan.FromSeconds(10), $"the first page took {firstPage}");
        Assert.Contains("10 incidents", await page.Locator(".page-of").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".customer-key").CountAsync());
        await page.Locator("#f-q").FillAsync("");
        await Eventually.GetAsync<string>(async () => await page.Locator(".page-of").InnerTextAsync(), text => text!.Contains("10000 incidents", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the whole board again");
        Assert.Equal(50, await page.Locator("tr[data-id]").CountAsync());
        Assert.Contains("Page 1 of 200", await page.Locator(".page-of").InnerTextAsync());
        await Screenshots.SaveAsync(page, "board-10000");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task Page_InChinese_WhenTheBrowserAsksForIt_AndTierIsTextAsWellAsColour()
    {
        // Act
        var page = await host.SignInAsync(BoardHost.ViewerKey, locale: "zh-CN");
        await page.Locator("tr[data-id]").First.WaitForAsync();

        // Assert
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Contains("事件看板", await page.TitleAsync());
        Assert.Contains("T4 危机", await page.Locator("tr[data-id] .tier").First.InnerTextAsync());
        Assert.Contains("响应期限", await page.Locator("thead").InnerTextAsync());
        await Screenshots.SaveAsync(page, "board-zh");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task SignIn_WithAWrongKey_SaysSo_AndTheBoardStaysClosed()
    {
        // Act
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#credential", "not-a-key");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        var error = page.Locator(".signin .error");
        await Eventually.GetAsync<string>(async () => await error.InnerTextAsync(), text => text!.Contains("not known", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the sign-in error");
        Assert.Equal(0, await page.Locator("tr[data-id]").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('intakemesh.credential')"));
    }
}

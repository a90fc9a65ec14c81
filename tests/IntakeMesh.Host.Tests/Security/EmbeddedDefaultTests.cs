using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>The embedded default: a generated admin key, and the settings <see cref="EmbeddedDefaultFixture"/> changes.</summary>
public class EmbeddedDefaultTests(EmbeddedDefaultFixture host) : IClassFixture<EmbeddedDefaultFixture>
{
    [Fact]
    public async Task NoSignInConfigured_GeneratesAnAdminKey_LoggedOnce()
    {
        var lines = host.Logs.Lines.Where(l => l.Contains("admin api key: ", StringComparison.Ordinal)).ToList();

        Assert.Single(lines);
        var me = await host.Client(apiKey: host.GeneratedKey()).GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(apiKey: HostFixture.AdminKey).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task NoJwtConfigured_BearerToken_Is401_SayingSo()
    {
        var response = await host.Client(bearer: TestTokens.Create(roles: "admin")).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no Security:Jwt configured", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AnonymousMetricsOff_MetricsNeedAViewer()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(apiKey: host.GeneratedKey()).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task AuditLog_BeyondMaxEntries_DropsTheOldestPages_AndPagesTheRest()
    {
        // Arrange: more entries than the log keeps, recorded as a reveal would record them.
        var log = host.App.Services.GetRequiredService<IGrainFactory>().GetAuditLog();
        const int recorded = 3 * AuditLogState.PageSize + 37;
        AuditRecord last = null!;
        for (var i = 0; i < recorded; i++)
        {
            last = await log.RecordAsync(new AuditEntry("admin-1", "admin", AuditActions.PersonalDataReveal, $"customer cus-{i}", "complaint follow-up"));
        }

        // Act: read everything back over HTTP, 97 at a time.
        var admin = host.Client(apiKey: host.GeneratedKey());
        var ids = new List<long>();
        long? next = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?limit=97{(next is { } b ? $"&before={b}" : "")}");
            ids.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            next = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64();
        }
        while (next is not null);

        // Assert: the newest first, consecutive, at least MaxEntries kept and at most one page more.
        Assert.Equal(last.Id, ids[0]);
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => last.Id - i), ids);
        Assert.InRange(ids.Count, EmbeddedDefaultFixture.AuditMaxEntries, EmbeddedDefaultFixture.AuditMaxEntries + AuditLogState.PageSize);
        Assert.Equal(0, ids[^1] % AuditLogState.PageSize);
    }
}

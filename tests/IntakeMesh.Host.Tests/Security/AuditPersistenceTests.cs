using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Host.Tests.Durability;
using Npgsql;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>The audit log is grain state like any other: on PostgreSQL it is a row there, and it outlives the process.</summary>
public class AuditPersistenceTests
{
    [Fact]
    public async Task AuditLog_OnPostgres_SurvivesARestart()
    {
        // Arrange: a host on a fresh database, with the scenario's incident in it.
        var database = await TestPostgres.CreateDatabaseAsync("audit");
        var settings = TestPostgres.HostSettings(database, "audit");
        string id;
        await using (var first = await HostProcess.StartAsync(settings))
        {
            var incidents = await first.ProduceGroupScenarioAsync();
            id = incidents[0].GetProperty("id").GetString()!;

            // Act: acknowledge, then stop the host.
            var acknowledged = await first.Http.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { note = "persist me" });
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            await first.StopAsync();
        }

        // Assert: a new process on the same database reads the entry back.
        settings["Cluster:SiloPort"] = Loopback.FreePort().ToString();
        settings["Cluster:GatewayPort"] = Loopback.FreePort().ToString();
        await using var second = await HostProcess.StartAsync(settings);
        var page = await second.Http.GetFromJsonAsync<JsonElement>("/api/audit");
        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal("incident.acknowledge", entry.GetProperty("action").GetString());
        Assert.Equal(HostFixture.AdminName, entry.GetProperty("actor").GetString());
        Assert.Equal($"incident {id}", entry.GetProperty("target").GetString());
        Assert.Equal("persist me", entry.GetProperty("reason").GetString());

        // ... and it is a row of the grain state table.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_type LIKE 'audit%' AND convert_from(payload, 'UTF8') LIKE '%persist me%'", connection);
        Assert.Equal(1L, (long)(await query.ExecuteScalarAsync())!);
        await second.StopAsync();
    }
}

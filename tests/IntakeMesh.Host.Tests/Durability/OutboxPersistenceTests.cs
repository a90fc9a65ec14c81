using Npgsql;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>
/// That an alert went out is stored with the incident's next write, not by a write of its own;
/// a silo that stops cleanly stores it as its incidents deactivate, so nothing goes out again.
/// </summary>
public class OutboxPersistenceTests
{
    [Fact]
    public async Task PublishedAlerts_AreStoredAsSent_WhenTheSiloStops()
    {
        var database = await TestPostgres.CreateDatabaseAsync("outbox");
        var settings = TestPostgres.HostSettings(database, "outbox");
        await using (var host = await HostProcess.StartAsync(settings))
        {
            await host.ProduceGroupScenarioAsync();
            await host.StopAsync();
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.True(await CountAsync(connection, "(convert_from(payload, 'UTF8')::jsonb ->> 'alertedChanges')::int > 0") > 0, "no incident made an alert");
        Assert.Equal(0L, await CountAsync(connection, "convert_from(payload, 'UTF8')::jsonb -> 'outbox' <> '[]'::jsonb"));
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string condition)
    {
        await using var query = new NpgsqlCommand($"SELECT count(*) FROM orleans_grain_state WHERE grain_type LIKE 'incident%' AND {condition}", connection);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}

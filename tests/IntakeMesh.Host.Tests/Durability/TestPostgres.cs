using Npgsql;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>
/// A fresh database on the real PostgreSQL the test command started (INTAKEMESH_TEST_POSTGRES);
/// there is no in-memory stand-in for these tests.
/// </summary>
public static class TestPostgres
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("INTAKEMESH_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("INTAKEMESH_TEST_POSTGRES is not set: run the tests with `bash tests/run.sh`, which starts PostgreSQL");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Host settings for one silo on <paramref name="database"/>, in a cluster of its own (named
    /// after <paramref name="name"/>), on free ports, with short batch waits.
    /// </summary>
    public static Dictionary<string, string> HostSettings(string database, string name) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = database,
        ["Cluster:ClusterId"] = $"{name}-{Guid.NewGuid():N}",
        ["Cluster:SiloPort"] = Loopback.FreePort().ToString(),
        ["Cluster:GatewayPort"] = Loopback.FreePort().ToString(),
        ["Identity:HmacKey"] = $"{name}-persistence-secret-0123456789",
        ["Kafka:MaxBatchWait"] = "00:00:00.020",
    };

    /// <summary>Makes the database refuse connections and drops the open ones: PostgreSQL "down" for this database only.</summary>
    public static async Task SetAvailableAsync(string connectionString, bool available)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using (var allow = new NpgsqlCommand($"ALTER DATABASE {database} ALLOW_CONNECTIONS {(available ? "true" : "false")}", connection))
        {
            await allow.ExecuteNonQueryAsync();
        }
        if (!available)
        {
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'", connection);
            await terminate.ExecuteNonQueryAsync();
        }
    }
}

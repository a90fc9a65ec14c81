using IntakeMesh.Host.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>Silos that start at the same moment on a new database all get the schema, none fails.</summary>
public class PostgresSchemaTests
{
    [Fact]
    public async Task SilosStartingTogether_OnANewDatabase_AllApplyTheSchema()
    {
        for (var round = 0; round < 3; round++)
        {
            var database = await TestPostgres.CreateDatabaseAsync($"schema{round}");

            // Four silos at once: each file runs as one transaction, so a silo that only waited for
            // the lock inside the file met tables another had created but not yet committed.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                Task.Run(() => new PostgresSchema(database, NullLogger<PostgresSchema>.Instance).StartAsync(CancellationToken.None))));

            await using var dataSource = NpgsqlDataSource.Create(database);
            await using var command = dataSource.CreateCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('orleansquery', 'orleans_grain_state', 'orleans_membership', 'orleans_reminder', 'intakemesh_explanation')");
            Assert.Equal(5L, (long)(await command.ExecuteScalarAsync())!);
        }
    }
}

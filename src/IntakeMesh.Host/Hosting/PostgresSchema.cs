using Npgsql;

namespace IntakeMesh.Host.Hosting;

/// <summary>
/// Creates or upgrades the PostgreSQL schema from the SQL files of deploy/sql (embedded in the
/// host), in name order, at every start. The files are idempotent and serialise on an advisory
/// lock, so silos starting together are safe.
/// </summary>
public sealed partial class PostgresSchema(string connectionString, ILogger<PostgresSchema> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var assembly = typeof(PostgresSchema).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("sql/", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        foreach (var script in scripts)
        {
            await using var stream = assembly.GetManifestResourceStream(script)!;
            using var reader = new StreamReader(stream);
            var sql = await reader.ReadToEndAsync(cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        LogApplied(logger, scripts.Count, new NpgsqlConnectionStringBuilder(connectionString).Database ?? "?");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema up to date ({Count} scripts applied to database {Database})")]
    private static partial void LogApplied(ILogger logger, int count, string database);
}

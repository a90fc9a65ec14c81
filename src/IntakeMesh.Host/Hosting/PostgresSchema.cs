using Npgsql;

namespace IntakeMesh.Host.Hosting;

/// <summary>
/// Creates or upgrades the PostgreSQL schema from the SQL files of deploy/sql (embedded in the
/// host), in name order, at every start. The files are idempotent. Silos starting together take
/// turns on an advisory lock held across all of them: each file runs as one batch, and so as one
/// transaction that commits only at its end, after the lock the file takes inside itself is released;
/// a second silo would otherwise see none of the first one's tables yet and collide creating them.
/// </summary>
public sealed partial class PostgresSchema(string connectionString, ILogger<PostgresSchema> logger) : IHostedService
{
    // The same key the files lock on (a session's advisory locks nest).
    private const long SchemaLock = 7411130001;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var assembly = typeof(PostgresSchema).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("sql/", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({SchemaLock})", cancellationToken);
        try
        {
            foreach (var script in scripts)
            {
                await using var stream = assembly.GetManifestResourceStream(script)!;
                using var reader = new StreamReader(stream);
                await ExecuteAsync(connection, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({SchemaLock})", CancellationToken.None);
        }
        LogApplied(logger, scripts.Count, new NpgsqlConnectionStringBuilder(connectionString).Database ?? "?");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema up to date ({Count} scripts applied to database {Database})")]
    private static partial void LogApplied(ILogger logger, int count, string database);
}

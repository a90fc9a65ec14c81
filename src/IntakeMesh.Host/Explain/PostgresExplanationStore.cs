using System.Text.Json;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Pipeline;
using Npgsql;
using NpgsqlTypes;

namespace IntakeMesh.Host.Explain;

/// <summary>
/// Explanations in PostgreSQL (table <c>intakemesh_explanation</c>, deploy/sql/050-explanations.sql):
/// one multi-row insert per batch, keyed by event id, channel and whether it is a redelivery, with
/// ON CONFLICT DO NOTHING, so a retried batch keeps what the first attempt saved.
/// </summary>
public sealed class PostgresExplanationStore(NpgsqlDataSource dataSource) : IExplanationStore, IAsyncDisposable
{
    private const string Insert = """
        INSERT INTO intakemesh_explanation (channel, event_id, redelivery, occurred_at, explanation)
        SELECT * FROM unnest(@channel, @event_id, @redelivery, @occurred_at, @explanation)
        ON CONFLICT DO NOTHING
        """;

    private const string Select = """
        SELECT explanation FROM intakemesh_explanation
        WHERE event_id = @event_id AND (@channel::text IS NULL OR channel = @channel::text)
        ORDER BY channel, redelivery
        """;

    public async Task SaveAsync(IReadOnlyList<ComplaintExplanation> explanations, CancellationToken cancellationToken)
    {
        if (explanations.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<string[]>("channel", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. explanations.Select(e => e.Channel.ToString())] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("event_id", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. explanations.Select(e => e.EventId)] });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("redelivery", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = [.. explanations.Select(e => e.Verdict.Kind == DedupKind.Redelivery)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. explanations.Select(e => e.OccurredAt.UtcDateTime)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("explanation", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            TypedValue = [.. explanations.Select(e => JsonSerializer.Serialize(e, IntakeMeshSerialization.JsonOptions))],
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ComplaintExplanation>> FindAsync(string eventId, Channel? channel, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter<string>("event_id", NpgsqlDbType.Text) { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter("channel", NpgsqlDbType.Text) { Value = channel?.ToString() ?? (object)DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<ComplaintExplanation>(2);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(JsonSerializer.Deserialize<ComplaintExplanation>(reader.GetString(0), IntakeMeshSerialization.JsonOptions)!);
        }
        return found;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}

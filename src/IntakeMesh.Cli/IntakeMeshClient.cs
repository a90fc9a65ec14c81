using System.Net.Http.Json;

namespace IntakeMesh.Cli;

/// <summary>The few host endpoints the CLI reads.</summary>
public sealed class IntakeMeshClient(HttpClient http)
{
    public async Task<string> GetBootstrapServersAsync(CancellationToken cancellationToken)
    {
        var system = await http.GetFromJsonAsync<SystemInfo>("/api/system", cancellationToken)
            ?? throw new InvalidOperationException("the host answered /api/system with nothing");
        return system.Kafka.BootstrapServers;
    }

    private sealed record SystemInfo(KafkaInfo Kafka);

    private sealed record KafkaInfo(string BootstrapServers, bool Embedded);
}

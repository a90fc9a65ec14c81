using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntakeMesh.Cli;

/// <summary>The few host endpoints the CLI reads, signed in with an API key when given one.</summary>
public sealed class IntakeMeshClient(HttpClient http)
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Where the CLI looks for an API key when no <c>--api-key</c> is given.</summary>
    public const string ApiKeyVariable = "INTAKEMESH_API_KEY";

    /// <summary>A client for <paramref name="host"/> that sends <paramref name="apiKey"/> on every request.</summary>
    public static HttpClient CreateHttp(Uri host, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey.Trim());
        }
        return client;
    }

    public async Task<string> GetBootstrapServersAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/system", cancellationToken);
        await ThrowIfRefusedAsync(response, cancellationToken);
        response.EnsureSuccessStatusCode();
        var system = await response.Content.ReadFromJsonAsync<SystemInfo>(cancellationToken)
            ?? throw new InvalidOperationException("the host answered /api/system with nothing");
        return system.Kafka.BootstrapServers;
    }

    private static async Task ThrowIfRefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            return;
        }
        // The host explains a refusal in the problem's detail; say that, not just the status.
        string? detail = null;
        try
        {
            detail = (await response.Content.ReadFromJsonAsync<Problem>(cancellationToken))?.Detail;
        }
        catch (JsonException)
        {
        }
        throw new HostRefusedException(response.StatusCode, detail ?? response.ReasonPhrase ?? "refused");
    }

    private sealed record SystemInfo(KafkaInfo Kafka);

    private sealed record KafkaInfo(string BootstrapServers, bool Embedded);

    private sealed record Problem(string? Detail);
}

using IntakeMesh.Host.Security;

namespace IntakeMesh.Testing;

/// <summary>HTTP clients of one host, each signing in its own way; all disposed together.</summary>
public sealed class ClientPool(Uri address) : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    /// <summary>A client sending the given API key and/or bearer token, or no credentials.</summary>
    public HttpClient Create(string? apiKey = null, string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(SecuritySchemes.ApiKeyHeader, apiKey);
        }
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }

    public void Dispose()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
            _clients.Clear();
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using IntakeMesh.Host.Security;
using IntakeMesh.Host.Tests.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace IntakeMesh.Host.Tests;

/// <summary>
/// The real host, in this process: Kestrel on a free loopback port, one silo on free ports and
/// the embedded Kafka-protocol broker. Shared by the end-to-end tests. Signs in with an API key
/// per role and accepts JWTs; <see cref="Http"/> is the admin's client.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    public const string AdminKey = "host-fixture-admin-key-5c1e9a";
    public const string OperatorKey = "host-fixture-operator-key-0b7d42";
    public const string ViewerKey = "host-fixture-viewer-key-93fa17";
    public const string AdminName = "test-admin";
    public const string OperatorName = "test-operator";
    public const string ViewerName = "test-viewer";

    public const string JwtIssuer = "https://sso.intakemesh.test";
    public const string JwtAudience = "intakemesh-api";
    public const string JwtSigningKey = "host-fixture-jwt-signing-key-0123456789abcdef";

    private readonly ActivityListener _listener;
    private ClientPool _clients = null!;

    public HostFixture()
    {
        // The host runs in this process, so its spans can be watched directly.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "IntakeMesh" || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentBag<Activity> Activities { get; } = [];

    /// <summary>Every line the host logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Where the host's alert webhook (json, from T2) posts.</summary>
    public WebhookReceiver Webhook { get; } = new();

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Signed in as admin (API key).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Signed in as operator (API key).</summary>
    public HttpClient Operator { get; private set; } = null!;

    /// <summary>Signed in as viewer (API key).</summary>
    public HttpClient Viewer { get; private set; } = null!;

    /// <summary>No credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The host's environment; not Production, so that a test of one part needs only that part's secrets.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>The API keys the host knows, as configuration: name, role and the key's SHA-256 only.</summary>
    public static Dictionary<string, string?> ApiKeySettings() => new()
    {
        ["Security:ApiKeys:0:Name"] = AdminName,
        ["Security:ApiKeys:0:Role"] = "admin",
        ["Security:ApiKeys:0:Sha256"] = ApiKeyHash.HexOf(AdminKey),
        ["Security:ApiKeys:1:Name"] = OperatorName,
        ["Security:ApiKeys:1:Role"] = "operator",
        ["Security:ApiKeys:1:Sha256"] = ApiKeyHash.HexOf(OperatorKey),
        ["Security:ApiKeys:2:Name"] = ViewerName,
        ["Security:ApiKeys:2:Role"] = "viewer",
        ["Security:ApiKeys:2:Sha256"] = ApiKeyHash.HexOf(ViewerKey),
        ["Security:Jwt:Issuer"] = JwtIssuer,
        ["Security:Jwt:Audience"] = JwtAudience,
        ["Security:Jwt:SigningKey"] = JwtSigningKey,
    };

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(ApiKeySettings())
        {
            ["Identity:HmacKey"] = "end-to-end-test-secret-0123456789",
            ["Kafka:MaxBatchWait"] = "00:00:00.020",
            ["Alerts:Webhooks:0:Url"] = Webhook.Url,
            ["Alerts:Webhooks:0:MinTier"] = "T2",
            ["Alerts:Webhooks:0:Format"] = "json",
            ["Alerts:Webhooks:0:Secret"] = "webhook-test-secret",
        };
        Configure(settings);
        (App, BaseAddress) = await InProcessHost.StartAsync(EnvironmentName, settings, builder => builder.Logging.AddProvider(Logs));
        _clients = new ClientPool(BaseAddress);
        Http = Client(apiKey: AdminKey);
        Operator = Client(apiKey: OperatorKey);
        Viewer = Client(apiKey: ViewerKey);
        Anonymous = Client();
    }

    /// <summary>Changes the host's settings before it is built.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>A client of this host sending the given API key and/or bearer token; disposed with the fixture.</summary>
    public HttpClient Client(string? apiKey = null, string? bearer = null) => _clients.Create(apiKey, bearer);

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        Webhook.Dispose();
        _clients.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}

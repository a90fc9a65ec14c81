using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Host.Tests;

/// <summary>
/// The real host, in this process: Kestrel on a free loopback port, one silo on free ports and
/// the embedded Kafka-protocol broker. Shared by the end-to-end tests.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly ActivityListener _listener;

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

    /// <summary>Where the host's alert webhook (json, from T2) posts.</summary>
    public WebhookReceiver Webhook { get; } = new();

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = IntakeMeshApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Cluster:SiloPort"] = FreePort().ToString(),
            ["Cluster:GatewayPort"] = FreePort().ToString(),
            ["Identity:HmacKey"] = "end-to-end-test-secret-0123456789",
            ["Kafka:MaxBatchWait"] = "00:00:00.020",
            ["Alerts:Webhooks:0:Url"] = Webhook.Url,
            ["Alerts:Webhooks:0:MinTier"] = "T2",
            ["Alerts:Webhooks:0:Format"] = "json",
            ["Alerts:Webhooks:0:Secret"] = "webhook-test-secret",
        }));
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        Webhook.Dispose();
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}

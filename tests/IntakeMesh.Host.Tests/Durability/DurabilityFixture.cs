using IntakeMesh.Ingestion.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>
/// One Kafka-protocol broker owned by the test process (so hosts can be killed without losing
/// the topics), the workload produced into it once, and the outcome of an uninterrupted
/// single-silo run on PostgreSQL that every other run must equal.
/// </summary>
public sealed class DurabilityFixture : IAsyncLifetime
{
    public const int Events = 3000;

    private KafkaCluster _broker = null!;

    public Workload Workload { get; } = new(Events);

    public SortedDictionary<string, string> Expected { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _broker = new KafkaCluster(Options.Create(new KafkaOptions { EmbeddedBrokers = 1, EmbeddedPartitions = 6 }), NullLogger<KafkaCluster>.Instance);
        await Workload.ProduceAsync(_broker.BootstrapServers);

        var database = await TestPostgres.CreateDatabaseAsync("baseline");
        await using var host = await HostProcess.StartAsync(Settings(database, "baseline"));
        await WaitForAllAsync(host, TimeSpan.FromSeconds(120));
        Expected = await Workload.OutcomeAsync(host);
        await host.StopAsync();
    }

    public Task DisposeAsync()
    {
        _broker.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A broker outage: every broker of the test's Kafka cluster down, or back up.</summary>
    public void SetBrokersAvailable(bool available) => _broker.SetEmbeddedBrokersAvailable(available);

    /// <summary>A host on PostgreSQL consuming the test broker; hosts of one run share the group and the cluster id.</summary>
    public Dictionary<string, string> Settings(string database, string run) => new()
    {
        ["Kafka:BootstrapServers"] = _broker.BootstrapServers,
        ["Kafka:GroupId"] = run,
        ["Kafka:MaxBatchSize"] = "100",
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = database,
        ["Cluster:ClusterId"] = run,
        ["Cluster:SiloPort"] = Loopback.FreePort().ToString(),
        ["Cluster:GatewayPort"] = Loopback.FreePort().ToString(),
        ["Identity:HmacKey"] = "durability-test-secret-0123456789",
    };

    /// <summary>Waits until every distinct event is counted in some incident.</summary>
    public async Task WaitForAllAsync(HostProcess host, TimeSpan timeout)
    {
        try
        {
            await Eventually.GetAsync(
                async () => (long?)await Workload.ComplaintsAsync(host),
                count => count == Workload.DistinctEvents,
                timeout, $"all {Workload.DistinctEvents} complaints arriving");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n--- host log ---\n{Tail(host.Log)}", ex);
        }
    }

    public static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(60));
}

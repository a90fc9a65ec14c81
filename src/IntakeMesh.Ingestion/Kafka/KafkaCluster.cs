using Confluent.Kafka;
using IntakeMesh.Core.Intake;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Ingestion.Kafka;

/// <summary>
/// The Kafka cluster the host talks to: the configured one, or an embedded Kafka-protocol
/// broker (librdkafka's mock cluster) that lives exactly as long as this object.
/// </summary>
public sealed partial class KafkaCluster : IDisposable
{
    private readonly IProducer<byte[], byte[]>? _owner;
    private readonly int[] _brokerIds = [];

    public KafkaCluster(IOptions<KafkaOptions> options, ILogger<KafkaCluster> logger)
    {
        var settings = options.Value;
        Properties = settings.Properties;
        if (!settings.IsEmbedded)
        {
            BootstrapServers = settings.BootstrapServers!;
            LogExternal(logger, BootstrapServers);
            return;
        }

        var config = new ProducerConfig { BootstrapServers = "", LingerMs = 5 };
        config.Set("test.mock.num.brokers", settings.EmbeddedBrokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _owner = new ProducerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        using (var admin = new DependentAdminClientBuilder(_owner.Handle).Build())
        {
            var brokers = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers;
            _brokerIds = [.. brokers.Select(b => b.BrokerId)];
            BootstrapServers = string.Join(",", brokers.OrderBy(b => b.BrokerId).Select(b => $"{b.Host}:{b.Port}"));
        }
        foreach (var topic in IntakeTopics.All.Append(IntakeTopics.DeadLetter))
        {
            if (MockClusterNative.CreateTopic(_owner, topic, settings.EmbeddedPartitions) is { } failure)
            {
                LogTopicFallback(logger, topic, failure);
            }
        }
        IsEmbedded = true;
        LogEmbedded(logger, BootstrapServers, settings.EmbeddedPartitions);
    }

    public string BootstrapServers { get; }

    public bool IsEmbedded { get; }

    /// <summary>Extra librdkafka properties every client gets.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>A client configuration pointing at this cluster.</summary>
    public T Configure<T>(T config) where T : ClientConfig
    {
        config.BootstrapServers = BootstrapServers;
        foreach (var (key, value) in Properties)
        {
            config.Set(key, value);
        }
        return config;
    }

    public void Dispose() => _owner?.Dispose();

    /// <summary>Takes every embedded broker down or brings them back: a broker outage, for tests.</summary>
    internal void SetEmbeddedBrokersAvailable(bool available)
    {
        var owner = _owner ?? throw new InvalidOperationException("only an embedded cluster can be taken down");
        foreach (var id in _brokerIds)
        {
            MockClusterNative.SetBrokerAvailable(owner, id, available);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded Kafka broker listening at {BootstrapServers} ({Partitions} partitions per topic); produce to it with any Kafka client")]
    private static partial void LogEmbedded(ILogger logger, string bootstrapServers, int partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using Kafka at {BootstrapServers}")]
    private static partial void LogExternal(ILogger logger, string bootstrapServers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not pre-create topic {Topic} on the embedded broker ({Reason}); it will be auto-created with the broker's default partitions")]
    private static partial void LogTopicFallback(ILogger logger, string topic, string reason);
}

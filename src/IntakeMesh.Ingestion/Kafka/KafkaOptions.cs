using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Ingestion.Kafka;

/// <summary>Where intake records come from and how they are consumed (section "Kafka").</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>A Kafka cluster's bootstrap servers; empty starts an embedded Kafka-protocol broker in the host.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>The consumer group every silo's consumer joins.</summary>
    [Required]
    public string GroupId { get; set; } = "intakemesh";

    /// <summary>Most records handed to the grains in one batch.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 2000;

    /// <summary>Most record bytes (keys, values and headers) in one batch, so a run of large records cannot fill memory.</summary>
    [Range(64 * 1024, 1024 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// Largest refused record parked whole in the dead-letter topic. A bigger one, or one the broker refuses
    /// as too large, is parked as its first bytes with headers giving its full size and SHA-256.
    /// </summary>
    [Range(64 * 1024, 512 * 1024 * 1024)]
    public int DeadLetterMaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Longest a batch waits to fill once its first record arrived.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Consumer session timeout; short so a dead consumer's partitions move quickly.</summary>
    [Range(1000, 300_000)]
    public int SessionTimeoutMs { get; set; } = 6000;

    /// <summary>Brokers of the embedded cluster.</summary>
    [Range(1, 9)]
    public int EmbeddedBrokers { get; set; } = 3;

    /// <summary>Partitions of each topic the embedded cluster creates.</summary>
    [Range(1, 256)]
    public int EmbeddedPartitions { get; set; } = 8;

    /// <summary>Extra librdkafka properties for every client (e.g. security.protocol, sasl.*).</summary>
    public Dictionary<string, string> Properties { get; set; } = [];

    public bool IsEmbedded => string.IsNullOrWhiteSpace(BootstrapServers);
}

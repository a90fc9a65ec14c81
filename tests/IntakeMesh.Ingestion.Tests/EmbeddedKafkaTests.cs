using Confluent.Kafka;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Ingestion.Tests;

public class EmbeddedKafkaTests
{
    [Fact]
    public void KafkaCluster_NoBootstrapConfigured_StartsBrokersWithTheConfiguredPartitions()
    {
        using var cluster = new KafkaCluster(Options.Create(new KafkaOptions { EmbeddedBrokers = 2, EmbeddedPartitions = 6 }), NullLogger<KafkaCluster>.Instance);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();

        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));

        Assert.True(cluster.IsEmbedded);
        Assert.Equal(2, metadata.Brokers.Count);
        foreach (var topic in IntakeTopics.All.Append(IntakeTopics.DeadLetter))
        {
            Assert.Equal(6, metadata.Topics.Single(t => t.Topic == topic).Partitions.Count);
        }
    }

    [Fact]
    public void KafkaCluster_BootstrapConfigured_StartsNoBroker()
    {
        using var cluster = new KafkaCluster(Options.Create(new KafkaOptions { BootstrapServers = "kafka-1:9092,kafka-2:9092" }), NullLogger<KafkaCluster>.Instance);

        Assert.False(cluster.IsEmbedded);
        Assert.Equal("kafka-1:9092,kafka-2:9092", cluster.Configure(new ConsumerConfig()).BootstrapServers);
    }
}

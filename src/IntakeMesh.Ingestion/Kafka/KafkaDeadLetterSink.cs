using System.Globalization;
using System.Text;
using Confluent.Kafka;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Pipeline;

namespace IntakeMesh.Ingestion.Kafka;

/// <summary>
/// Writes refused records to <c>intake.deadletter</c> with their original key, value and
/// headers, plus headers naming the source and the reason. Awaits every delivery, so a batch
/// is only committed once its bad records are safely parked.
/// </summary>
public sealed class KafkaDeadLetterSink : IDeadLetterSink, IDisposable
{
    public const string SourceTopicHeader = "intakemesh-source-topic";
    public const string SourcePartitionHeader = "intakemesh-source-partition";
    public const string SourceOffsetHeader = "intakemesh-source-offset";
    public const string ReasonHeader = "intakemesh-reason";
    public const string FieldHeader = "intakemesh-field";
    public const string ErrorHeader = "intakemesh-error";

    private readonly IProducer<byte[]?, byte[]> _producer;

    public KafkaDeadLetterSink(KafkaCluster cluster)
    {
        var config = cluster.Configure(new ProducerConfig
        {
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        });
        _producer = new ProducerBuilder<byte[]?, byte[]>(config).Build();
    }

    public async Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        var deliveries = new Task[letters.Count];
        for (var i = 0; i < letters.Count; i++)
        {
            deliveries[i] = _producer.ProduceAsync(IntakeTopics.DeadLetter, ToMessage(letters[i]), cancellationToken);
        }
        await Task.WhenAll(deliveries);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }

    private static Message<byte[]?, byte[]> ToMessage(DeadLetter letter)
    {
        var record = letter.Record;
        var headers = new Headers();
        foreach (var (key, value) in record.Headers)
        {
            headers.Add(key, value);
        }
        headers.Add(SourceTopicHeader, Utf8(record.Topic));
        headers.Add(SourcePartitionHeader, Utf8(record.Partition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(SourceOffsetHeader, Utf8(record.Offset.ToString(CultureInfo.InvariantCulture)));
        headers.Add(ReasonHeader, Utf8(letter.Error.Reason));
        headers.Add(FieldHeader, Utf8(letter.Error.Field));
        headers.Add(ErrorHeader, Utf8(letter.Error.Message));
        return new Message<byte[]?, byte[]> { Key = record.Key, Value = record.Value, Headers = headers };
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}

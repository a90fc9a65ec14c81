using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Ingestion.Kafka;

/// <summary>
/// Writes refused records to <c>intake.deadletter</c> with their original key, value and
/// headers, plus headers naming the source and the reason. Awaits every delivery, so a batch
/// is only committed once its bad records are safely parked. A record too large for the
/// dead-letter topic is parked as its first bytes with its full size and SHA-256, rather than
/// retried for ever: the partition behind it must keep moving.
/// </summary>
public sealed class KafkaDeadLetterSink : IDeadLetterSink, IDisposable
{
    public const string SourceTopicHeader = "intakemesh-source-topic";
    public const string SourcePartitionHeader = "intakemesh-source-partition";
    public const string SourceOffsetHeader = "intakemesh-source-offset";
    public const string ReasonHeader = "intakemesh-reason";
    public const string FieldHeader = "intakemesh-field";
    public const string ErrorHeader = "intakemesh-error";
    public const string TruncatedHeader = "intakemesh-truncated";
    public const string OriginalBytesHeader = "intakemesh-original-bytes";
    public const string OriginalSha256Header = "intakemesh-original-sha256";

    // What a truncated letter keeps: the value's head, and the key and original headers only when small.
    private const int TruncatedValueBytes = 64 * 1024;
    private const int TruncatedKeptBytes = 16 * 1024;

    // Room for the headers this sink adds, over the largest letter sent whole.
    private const int HeaderRoom = 64 * 1024;

    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly int _maxWholeBytes;

    public KafkaDeadLetterSink(KafkaCluster cluster, IOptions<KafkaOptions> options)
    {
        _maxWholeBytes = options.Value.DeadLetterMaxBytes;
        var config = new ProducerConfig
        {
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
            MessageMaxBytes = _maxWholeBytes + HeaderRoom,
        };
        _producer = new ProducerBuilder<byte[]?, byte[]>(cluster.Configure(config)).Build();
    }

    public async Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        var deliveries = new Task[letters.Count];
        for (var i = 0; i < letters.Count; i++)
        {
            deliveries[i] = SendOneAsync(letters[i], cancellationToken);
        }
        await Task.WhenAll(deliveries);
    }

    private async Task SendOneAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        if (letter.Record.Bytes > _maxWholeBytes)
        {
            await _producer.ProduceAsync(IntakeTopics.DeadLetter, ToTruncatedMessage(letter), cancellationToken);
            return;
        }
        try
        {
            await _producer.ProduceAsync(IntakeTopics.DeadLetter, ToMessage(letter), cancellationToken);
        }
        catch (ProduceException<byte[]?, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.MsgSizeTooLarge)
        {
            // The topic's own limit is below ours (max.message.bytes): park what it takes.
            await _producer.ProduceAsync(IntakeTopics.DeadLetter, ToTruncatedMessage(letter), cancellationToken);
        }
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
        AddSourceAndReason(headers, letter);
        return new Message<byte[]?, byte[]> { Key = record.Key, Value = record.Value, Headers = headers };
    }

    private static Message<byte[]?, byte[]> ToTruncatedMessage(DeadLetter letter)
    {
        var record = letter.Record;
        var headers = new Headers();
        if (record.Headers.Sum(h => h.Key.Length + (h.Value?.Length ?? 0)) <= TruncatedKeptBytes)
        {
            foreach (var (key, value) in record.Headers)
            {
                headers.Add(key, value);
            }
        }
        AddSourceAndReason(headers, letter);
        headers.Add(TruncatedHeader, Utf8("true"));
        headers.Add(OriginalBytesHeader, Utf8(record.Value.Length.ToString(CultureInfo.InvariantCulture)));
        headers.Add(OriginalSha256Header, Utf8(Convert.ToHexStringLower(SHA256.HashData(record.Value))));
        var keptKey = record.Key is { Length: <= TruncatedKeptBytes } ? record.Key : null;
        return new Message<byte[]?, byte[]> { Key = keptKey, Value = record.Value[..Math.Min(record.Value.Length, TruncatedValueBytes)], Headers = headers };
    }

    private static void AddSourceAndReason(Headers headers, DeadLetter letter)
    {
        var record = letter.Record;
        headers.Add(SourceTopicHeader, Utf8(record.Topic));
        headers.Add(SourcePartitionHeader, Utf8(record.Partition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(SourceOffsetHeader, Utf8(record.Offset.ToString(CultureInfo.InvariantCulture)));
        headers.Add(ReasonHeader, Utf8(letter.Error.Reason));
        headers.Add(FieldHeader, Utf8(letter.Error.Field));
        headers.Add(ErrorHeader, Utf8(letter.Error.Message));
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}

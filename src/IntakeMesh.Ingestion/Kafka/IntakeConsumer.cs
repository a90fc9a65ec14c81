using System.Diagnostics;
using Confluent.Kafka;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Ingestion.Kafka;

/// <summary>
/// Consumes the four intake topics in one consumer group, a batch at a time. Offsets are stored
/// only after the whole batch went through the grains; a failed batch is retried with back-off,
/// never skipped, so delivery is at-least-once and grain dedup makes the effect exactly-once.
/// </summary>
public sealed partial class IntakeConsumer(
    KafkaCluster cluster,
    IntakePipeline pipeline,
    IntakeInstruments instruments,
    IngestionHealth health,
    IOptions<KafkaOptions> options,
    ILogger<IntakeConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    // librdkafka reports an outage but not its end: health recovers after this long without errors.
    private static readonly TimeSpan KafkaQuietToRecover = TimeSpan.FromSeconds(10);

    private long _lastKafkaError;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Consume() blocks; keep it off the host's start-up path.
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var consumer = BuildConsumer(settings);
        consumer.Subscribe(IntakeTopics.All);
        LogStarted(logger, settings.GroupId, string.Join(", ", IntakeTopics.All));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = Collect(consumer, settings, stoppingToken);
                ClearKafkaHealthWhenQuiet();
                if (batch.Count == 0)
                {
                    continue;
                }
                await ProcessUntilDoneAsync(batch, stoppingToken);
                StoreOffsets(consumer, batch);
                ReportLag(consumer, batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Close commits what was stored and leaves the group at once, so partitions move without a session timeout.
            consumer.Close();
            LogStopped(logger);
        }
    }

    private IConsumer<byte[]?, byte[]> BuildConsumer(KafkaOptions settings)
    {
        var config = cluster.Configure(new ConsumerConfig
        {
            GroupId = settings.GroupId,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1000,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            SessionTimeoutMs = settings.SessionTimeoutMs,
            // A fetch waits no longer than a batch would: librdkafka's 500 ms default made a quiet
            // topic's complaints wait up to half a second before anything looked at them.
            FetchWaitMaxMs = Math.Max(1, (int)settings.MaxBatchWait.TotalMilliseconds),
            HeartbeatIntervalMs = Math.Max(500, settings.SessionTimeoutMs / 3),
        });
        return new ConsumerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, error) =>
            {
                Interlocked.Exchange(ref _lastKafkaError, Stopwatch.GetTimestamp());
                health.Report(IngestionHealth.Kafka, error.IsFatal
                    ? $"Kafka consumer failed: {error.Reason}"
                    : $"Kafka unreachable or failing, reconnecting: {error.Code}: {error.Reason}");
                LogKafkaError(logger, error.Code, error.Reason);
            })
            .SetLogHandler((_, _) => { })
            .SetPartitionsAssignedHandler((_, partitions) => LogAssigned(logger, string.Join(", ", partitions)))
            .SetPartitionsRevokedHandler((_, partitions) => Forget("revoked", partitions.Select(p => p.TopicPartition)))
            .SetPartitionsLostHandler((_, partitions) => Forget("lost", partitions.Select(p => p.TopicPartition)))
            .Build();
    }

    private void ClearKafkaHealthWhenQuiet()
    {
        var last = Interlocked.Read(ref _lastKafkaError);
        if (last != 0 && Stopwatch.GetElapsedTime(last) > KafkaQuietToRecover)
        {
            Interlocked.Exchange(ref _lastKafkaError, 0);
            health.Clear(IngestionHealth.Kafka);
            LogKafkaRecovered(logger);
        }
    }

    private void Forget(string how, IEnumerable<TopicPartition> partitions)
    {
        var list = partitions.ToList();
        foreach (var partition in list)
        {
            instruments.ForgetLag(partition.Topic, partition.Partition.Value);
        }
        LogRevoked(logger, how, string.Join(", ", list));
    }

    private static List<RawRecord> Collect(IConsumer<byte[]?, byte[]> consumer, KafkaOptions settings, CancellationToken stoppingToken)
    {
        var batch = new List<RawRecord>();
        var first = consumer.Consume(TimeSpan.FromMilliseconds(250));
        if (first?.Message is null)
        {
            stoppingToken.ThrowIfCancellationRequested();
            return batch;
        }
        batch.Add(ToRaw(first));
        var bytes = batch[0].Bytes;
        var deadline = Stopwatch.GetTimestamp() + (long)(settings.MaxBatchWait.TotalSeconds * Stopwatch.Frequency);
        // A batch that already holds many records (they queued while the last one ran) goes as soon
        // as the queue is empty: waiting longer would only add latency. A trickle waits up to
        // MaxBatchWait for company, so records written together, on other partitions and brokers,
        // are judged together in event-time order.
        var enough = Math.Max(1, settings.MaxBatchSize / 20);
        while (batch.Count < settings.MaxBatchSize && bytes < settings.MaxBatchBytes)
        {
            var next = consumer.Consume(TimeSpan.Zero);
            if (next?.Message is null && batch.Count < enough)
            {
                var remaining = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
                next = remaining > TimeSpan.Zero ? consumer.Consume(remaining) : null;
            }
            if (next?.Message is null)
            {
                break;
            }
            batch.Add(ToRaw(next));
            bytes += batch[^1].Bytes;
        }
        return batch;
    }

    private static RawRecord ToRaw(ConsumeResult<byte[]?, byte[]> result)
    {
        var message = result.Message;
        var headers = message.Headers is { Count: > 0 } h
            ? h.Select(x => KeyValuePair.Create(x.Key, x.GetValueBytes())).ToArray()
            : [];
        return new RawRecord(result.Topic, result.Partition.Value, result.Offset.Value, message.Key,
            message.Value ?? [], message.Timestamp.UtcDateTime, headers);
    }

    private async Task ProcessUntilDoneAsync(List<RawRecord> batch, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await pipeline.ProcessAsync(batch, stoppingToken);
                health.Clear(IngestionHealth.Pipeline);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                health.Report(IngestionHealth.Pipeline, $"a batch of {batch.Count} records failed {attempt} time(s): {ex.GetType().Name}: {ex.Message}");
                LogBatchFailed(logger, ex, batch.Count, attempt, backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private void StoreOffsets(IConsumer<byte[]?, byte[]> consumer, List<RawRecord> batch)
    {
        var next = new Dictionary<(string, int), long>();
        foreach (var record in batch)
        {
            var key = (record.Topic, record.Partition);
            next[key] = Math.Max(next.GetValueOrDefault(key), record.Offset + 1);
        }
        foreach (var ((topic, partition), offset) in next)
        {
            try
            {
                consumer.StoreOffset(new TopicPartitionOffset(topic, partition, offset));
            }
            catch (KafkaException ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_State)
            {
                // The partition moved to another consumer mid-batch; it will redeliver and the grains will dedup.
                LogStoreSkipped(logger, topic, partition);
            }
        }
    }

    private void ReportLag(IConsumer<byte[]?, byte[]> consumer, List<RawRecord> batch)
    {
        foreach (var group in batch.GroupBy(r => (r.Topic, r.Partition)))
        {
            var watermarks = consumer.GetWatermarkOffsets(new TopicPartition(group.Key.Topic, group.Key.Partition));
            if (watermarks.High.Value >= 0)
            {
                var position = group.Max(r => r.Offset) + 1;
                instruments.SetLag(group.Key.Topic, group.Key.Partition, Math.Max(0, watermarks.High.Value - position));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Topics} as group {GroupId}")]
    private static partial void LogStarted(ILogger logger, string groupId, string topics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Intake consumer stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}")]
    private static partial void LogAssigned(ILogger logger, string partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partitions {How}: {Partitions}")]
    private static partial void LogRevoked(ILogger logger, string how, string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka: {Code} {Reason}")]
    private static partial void LogKafkaError(ILogger logger, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka answers again; ingestion healthy")]
    private static partial void LogKafkaRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} records failed (attempt {Attempt}); retrying in {Backoff}; offsets stay where they are")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, int attempt, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Offset for {Topic}[{Partition}] not stored: the partition is no longer assigned")]
    private static partial void LogStoreSkipped(ILogger logger, string topic, int partition);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Core.Intake;
using IntakeMesh.Host;
using IntakeMesh.Ingestion.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Cli.Bench;

/// <summary>
/// <c>bench [--events N] [--storage memory|postgres --postgres CONNECTION] [--rate N] [--seconds N]</c>:
/// runs the whole product in this process on its embedded broker and measures it. (1) N synthetic
/// records are produced; (2) a plain consumer reads and parses them: the raw baseline; (3) the
/// host consumes the same records through customers and incidents: the pipeline rate, counted after
/// the first fifth (start-up: tiered JIT, first activations); (4) at a
/// fixed offered load (half the pipeline rate unless --rate) each complaint's latency from its
/// Kafka timestamp to its incident decision. Figures go to stdout, one per line; progress to stderr.
/// </summary>
public static class BenchCommand
{
    public const string Usage = "bench [--events N] [--storage memory|postgres] [--postgres CONNECTION_STRING] [--rate EVENTS_PER_S] [--seconds N]";

    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(CommandLine args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        args.AllowOnly("events", "storage", "postgres", "rate", "seconds");
        var events = PositiveInt(args, "events", 200_000);
        var seconds = PositiveInt(args, "seconds", 10);
        var fixedRate = args.Has("rate") ? PositiveInt(args, "rate", 1) : (int?)null;
        var storage = (args.Option("storage") ?? "memory").ToLowerInvariant();
        var postgres = args.Option("postgres") ?? Environment.GetEnvironmentVariable("INTAKEMESH_BENCH_POSTGRES");
        if (storage is not ("memory" or "postgres"))
        {
            throw new UsageException($"--storage must be memory or postgres, not '{storage}'");
        }
        if (storage == "postgres" && string.IsNullOrWhiteSpace(postgres))
        {
            throw new UsageException("--storage postgres needs --postgres CONNECTION_STRING (or INTAKEMESH_BENCH_POSTGRES)");
        }

        var workload = new BenchWorkload(events, seed: 20261123, start: DateTimeOffset.UtcNow.AddDays(-2));
        var records = workload.Take(events, TimeSpan.FromHours(47));
        progress.WriteLine($"bench: {events:N0} records ({Count(records, BenchRecordKind.Redelivery):N0} redelivered, {Count(records, BenchRecordKind.Malformed):N0} malformed), storage {storage}, {Environment.ProcessorCount} cores");

        await using var app = BuildHost(storage, postgres);
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var watcher = new DecisionWatcher(meters);
        var cluster = app.Services.GetRequiredService<KafkaCluster>();

        var produceRate = Produce(cluster.BootstrapServers, records, progress, cancellationToken);
        progress.WriteLine($"  produced at {produceRate:N0} records/s");
        EnsureNothingTruncated(cluster.BootstrapServers);

        var (baselineRate, baselineRead) = BaselineReader.Run(cluster.BootstrapServers, records.Count, StallLimit, progress, cancellationToken);
        if (baselineRead < records.Count)
        {
            progress.WriteLine($"bench: the baseline read only {baselineRead:N0} of {records.Count:N0} records; the broker lost some");
            return 1;
        }

        // The pipeline: the host starts and its consumer group reads the same records from the start.
        // The rate is the sustained one: it counts after the first fifth of the records.
        watcher.WarmUp = records.Count / 5;
        await app.StartAsync(cancellationToken);
        if (!await watcher.WaitForConsumedAsync(records.Count, StallLimit, progress, cancellationToken))
        {
            progress.WriteLine($"bench: the pipeline stalled at {watcher.Consumed:N0} of {records.Count:N0} records");
            return 1;
        }
        var (elapsed, measured) = watcher.AfterWarmUp();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - watcher.AllocatedAtWarmUp;
        var pipelineRate = elapsed > TimeSpan.Zero ? measured / elapsed.TotalSeconds : 0;

        // Latency is only meaningful below saturation: offer a steady load and time each decision.
        var offered = fixedRate ?? Math.Max(100, (int)(pipelineRate / 2));
        progress.WriteLine($"  latency: offering {offered:N0} events/s for {seconds} s");
        watcher.TakeLatencies();
        var live = OfferSteadyLoad(cluster.BootstrapServers, workload, offered, TimeSpan.FromSeconds(seconds), progress, cancellationToken);
        var total = records.Count + live.Sent;
        if (!await watcher.WaitForConsumedAsync(total, StallLimit, progress, cancellationToken))
        {
            progress.WriteLine($"bench: the pipeline stalled at {watcher.Consumed:N0} of {total:N0} records");
            return 1;
        }
        var latencies = watcher.TakeLatencies();
        latencies.Sort();

        var malformed = Count(records, BenchRecordKind.Malformed) + live.Malformed;
        var lost = total - (watcher.Complaints + watcher.Redelivered + watcher.DeadLettered);
        using var self = Process.GetCurrentProcess();
        self.Refresh();

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"baseline_rate: {baselineRate:0} events/s"));
        output.WriteLine(string.Create(inv, $"pipeline_rate: {pipelineRate:0} events/s"));
        output.WriteLine(string.Create(inv, $"ratio: {(baselineRate > 0 ? pipelineRate / baselineRate : 0):0.00}"));
        output.WriteLine(string.Create(inv, $"latency_offered_load: {offered} events/s"));
        output.WriteLine(string.Create(inv, $"latency_p50: {Percentile(latencies, 0.50) * 1000:0} ms"));
        output.WriteLine(string.Create(inv, $"latency_p95: {Percentile(latencies, 0.95) * 1000:0} ms"));
        output.WriteLine(string.Create(inv, $"latency_p99: {Percentile(latencies, 0.99) * 1000:0} ms"));
        output.WriteLine(string.Create(inv, $"peak_working_set: {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
        output.WriteLine(string.Create(inv, $"allocated_per_event: {(measured > 0 ? allocated / (double)measured : 0):0} B"));
        output.WriteLine(string.Create(inv, $"working_set_drift: {live.WorkingSetDriftMiB:+0;-0;0} MiB over the latency run after warm-up"));
        output.WriteLine(string.Create(inv, $"warm_up: {watcher.WarmUp} records before the pipeline rate and allocations are counted"));
        output.WriteLine(string.Create(inv, $"batch_average: {watcher.AverageBatch:0} records"));
        output.WriteLine(string.Create(inv, $"storage: {storage}"));
        output.WriteLine(string.Create(inv, $"events: {total} (redelivered {watcher.Redelivered}, dead-lettered {watcher.DeadLettered} of {malformed} malformed)"));
        output.WriteLine(string.Create(inv, $"lost: {lost}"));

        await app.StopAsync(CancellationToken.None);
        return lost == 0 && watcher.DeadLettered == malformed ? 0 : 1;
    }

    private static WebApplication BuildHost(string storage, string? postgres)
    {
        // A fresh service id: state left by an earlier run on the same database must not count.
        var run = Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Cluster:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Cluster:ServiceId"] = $"bench-{run}",
            ["Cluster:ClusterId"] = $"bench-{run}",
            ["Kafka:GroupId"] = $"bench-{run}",
            ["Identity:HmacKey"] = "benchmark-only-secret-0123456789",
            ["Storage:Provider"] = storage == "postgres" ? "Postgres" : "Memory",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:IntakeMesh"] = "Warning",
        };
        if (storage == "postgres")
        {
            settings["ConnectionStrings:Postgres"] = postgres;
        }
        return IntakeMeshApp.Build(["--environment", "Development"], builder => builder.Configuration.AddInMemoryCollection(settings));
    }

    private static double Produce(string bootstrapServers, List<BenchRecord> records, TextWriter progress, CancellationToken cancellationToken)
    {
        using var producer = BuildProducer(bootstrapServers, lingerMs: 20);
        var clock = Stopwatch.StartNew();
        var failed = 0;
        for (var i = 0; i < records.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Send(producer, records[i], report =>
            {
                if (report.Error.IsError)
                {
                    Interlocked.Increment(ref failed);
                }
            });
            if ((i + 1) % 100_000 == 0)
            {
                progress.WriteLine($"  produced {i + 1:N0} records…");
            }
        }
        producer.Flush(cancellationToken);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} records were not delivered to the embedded broker");
        }
        return records.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The embedded broker drops old batches past its retention, silently: refuse to measure a truncated log.</summary>
    private static void EnsureNothingTruncated(string bootstrapServers)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        using var probe = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "bench-probe" }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        foreach (var topic in metadata.Topics.Where(t => IntakeTopics.All.Contains(t.Topic)))
        {
            foreach (var partition in topic.Partitions)
            {
                var marks = probe.QueryWatermarkOffsets(new TopicPartition(topic.Topic, partition.PartitionId), TimeSpan.FromSeconds(10));
                if (marks.Low.Value > 0)
                {
                    throw new UsageException($"the embedded broker dropped the oldest {marks.Low.Value:N0} records of {topic.Topic}[{partition.PartitionId}] (retention); run with fewer --events");
                }
            }
        }
    }

    private sealed record LiveRun(long Sent, long Malformed, double WorkingSetDriftMiB);

    /// <summary>Produces at a steady rate for a while, sampling the working set to see whether it grows.</summary>
    private static LiveRun OfferSteadyLoad(string bootstrapServers, BenchWorkload workload, int rate, TimeSpan duration, TextWriter progress, CancellationToken cancellationToken)
    {
        // Batched as a real client would (20 ms, counted in each record's latency, since its Kafka
        // timestamp is taken at send). One-record batches made the embedded broker's linear log scan
        // take half the CPU within a minute, and the run measured the broker, not the pipeline.
        using var producer = BuildProducer(bootstrapServers, lingerMs: 20);
        using var self = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        long malformed = 0;
        double? warm = null;
        double last = 0;
        var nextSample = TimeSpan.Zero;
        while (clock.Elapsed < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var due = (long)(rate * clock.Elapsed.TotalSeconds) - sent;
            if (due > 0)
            {
                // Live complaints happen now, as a contact center's would.
                foreach (var record in workload.Take((int)Math.Min(due, rate), TimeSpan.Zero, DateTimeOffset.UtcNow))
                {
                    malformed += record.Kind == BenchRecordKind.Malformed ? 1 : 0;
                    Send(producer, record, null);
                    sent++;
                }
            }
            if (clock.Elapsed >= nextSample)
            {
                self.Refresh();
                last = self.WorkingSet64 / (1024.0 * 1024);
                // The first fifth is warm-up: growth is judged from there.
                if (warm is null && clock.Elapsed >= duration / 5)
                {
                    warm = last;
                }
                // The GC's committed memory tells the managed heap apart from native memory (the embedded broker's log).
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  t={clock.Elapsed.TotalSeconds:0}s working_set={last:0} MiB gc_committed={GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024):0} MiB managed={GC.GetTotalMemory(false) / (1024.0 * 1024):0} MiB sent={sent:N0}"));
                nextSample += TimeSpan.FromSeconds(Math.Max(1, duration.TotalSeconds / 20));
            }
            producer.Poll(TimeSpan.FromMilliseconds(5));
        }
        producer.Flush(cancellationToken);
        return new LiveRun(sent, malformed, warm is { } w ? last - w : 0);
    }

    private static IProducer<byte[]?, byte[]> BuildProducer(string bootstrapServers, int lingerMs) =>
        new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            LingerMs = lingerMs,
            CompressionType = CompressionType.Lz4,
            BatchSize = 1024 * 1024,
        }).SetLogHandler((_, _) => { }).Build();

    private static void Send(IProducer<byte[]?, byte[]> producer, BenchRecord record, Action<DeliveryReport<byte[]?, byte[]>>? onDelivery)
    {
        var message = new Message<byte[]?, byte[]> { Key = record.Key, Value = record.Value };
        while (true)
        {
            try
            {
                producer.Produce(record.Topic, message, onDelivery);
                return;
            }
            catch (ProduceException<byte[]?, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Count(List<BenchRecord> records, BenchRecordKind kind) => records.Count(r => r.Kind == kind);

    private static int PositiveInt(CommandLine args, string name, int fallback)
    {
        if (args.Option(name) is not { } text)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"--{name} must be a positive whole number, not '{text}'");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

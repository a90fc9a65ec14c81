using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;
using IntakeMesh.Ingestion.Kafka;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace IntakeMesh.Ingestion.Tests;

/// <summary>
/// Hostile records through the real consumer: the embedded Kafka-protocol broker, the batch
/// pipeline, the Kafka dead-letter sink and an Orleans test cluster. The consumer keeps going,
/// parks every bad record with its bytes and reason, reads the good ones after them, and its
/// memory does not grow with what it has seen (72 MB of large hostile records here).
/// </summary>
public sealed class HostileRecordsConsumerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string CaseHeader = "test-case";
    private const int LargeRecords = 120;
    private const int LargeRecordBytes = 600 * 1024;

    // The embedded broker keeps only about 5 MB per partition, so large records go in groups it can hold.
    private const int LargeGroup = 6;

    // Records above this are parked as their head; the large hostile records above stay below it.
    private const int DeadLetterMaxBytes = 1024 * 1024;

    private static readonly CustomerKeyer Keyer = new("hostile-consumer-test-secret"u8, "86");

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private TestCluster _cluster = null!;
    private KafkaCluster _kafka = null!;
    private KafkaDeadLetterSink _sink = null!;
    private IntakeConsumer _consumer = null!;
    private readonly IngestionHealth _health = new();
    private readonly WarningLogger _log = new();

    public async Task InitializeAsync()
    {
        _cluster = await GrainCluster.StartAsync();

        // One partition, so "after" means after: a good record behind the bad ones is only read once they are dealt with.
        // A short fetch wait: a large record fills a fetch alone, and the broker would otherwise idle before the next.
        var kafkaOptions = new KafkaOptions { EmbeddedBrokers = 1, EmbeddedPartitions = 1, Properties = { ["fetch.wait.max.ms"] = "10" }, DeadLetterMaxBytes = DeadLetterMaxBytes };
        _kafka = new KafkaCluster(Options.Create(kafkaOptions), NullLogger<KafkaCluster>.Instance);
        _sink = new KafkaDeadLetterSink(_kafka, Options.Create(kafkaOptions));
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var instruments = new IntakeInstruments(meters);
        var reader = new IntakeReader(new IntakeLimits(), Keyer, new ComplaintClassifier(Lexicon.Default), ProductCatalog.Empty, IdentifierVault.WithRandomKey());
        var pipeline = new IntakePipeline(reader, _sink, _cluster.GrainFactory, instruments);
        _consumer = new IntakeConsumer(_kafka, pipeline, instruments, _health, Options.Create(new KafkaOptions { GroupId = $"hostile-{_run}" }), _log);
        await _consumer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _consumer.StopAsync(CancellationToken.None);
        _consumer.Dispose();
        _sink.Dispose();
        _kafka.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task HostileRecords_AreDeadLetteredWithTheirBytesAndReason_GoodOnesAfterThemAreRead_MemoryStaysBounded()
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(_kafka.Configure(new ProducerConfig { LingerMs = 5 })).Build();
        using var letters = new DeadLetterReader(_kafka, _run);
        var expected = new Dictionary<string, Expected>();
        var sku = $"AX7-{_run}";

        // Arrange and act, part 1: good records before, between and after every kind of hostile one.
        var phones = new List<string>();
        async Task ProduceValidAsync(string name)
        {
            var phone = $"+86138{Random.Shared.Next(10_000_000, 99_999_999)}";
            phones.Add(phone);
            var json = $$$"""{"eventId":"{{{name}}}","occurredAt":"2026-11-20T08:00:00Z","customer":{"phone":"{{{phone}}}"},"text":"电池又坏了","subject":{"brand":"Aurora","sku":"{{{sku}}}"}}""";
            await ProduceAsync(producer, IntakeTopics.Phone, name, Encoding.UTF8.GetBytes(phone), Encoding.UTF8.GetBytes(json));
        }

        var clock = Stopwatch.StartNew();
        await ProduceValidAsync("valid-first");
        foreach (var (name, topic, key, value, reason, field) in HostileRecords(new Random(11)))
        {
            expected[name] = new Expected(SHA256.HashData(value), key, topic, reason, field);
            await ProduceAsync(producer, topic, name, key, value);
            if (expected.Count % 10 == 0)
            {
                await ProduceValidAsync($"valid-{expected.Count}");
            }
        }
        await ProduceValidAsync("valid-last");
        await letters.WaitForAsync(expected.Keys, TimeSpan.FromSeconds(60));
        output.WriteLine($"part 1 at {clock.ElapsedMilliseconds} ms");

        // Part 2: many large hostile records, with memory measured around them.
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var peak = new PeakMemory();
        var random = new Random(12);
        for (var group = 0; group < LargeRecords / LargeGroup; group++)
        {
            var names = new List<string>();
            for (var i = group * LargeGroup; i < (group + 1) * LargeGroup; i++)
            {
                var name = $"large-{i}";
                var value = LargeHostileRecord(random, i);
                expected[name] = new Expected(SHA256.HashData(value), null, IntakeTopics.Social, RejectReason.Oversized, "$");
                names.Add(name);
                await ProduceAsync(producer, IntakeTopics.Social, name, null, value);
            }
            await letters.WaitForAsync(names, TimeSpan.FromSeconds(30));
        }
        await ProduceValidAsync("valid-after-large");
        var end = GC.GetTotalMemory(forceFullCollection: true);
        peak.Stop();
        output.WriteLine($"part 2 at {clock.ElapsedMilliseconds} ms");
        output.WriteLine($"managed heap: {start / 1_048_576} MiB before {LargeRecords} x {LargeRecordBytes / 1024} KiB hostile records, {end / 1_048_576} MiB after, {peak.Max / 1_048_576} MiB at most");

        // Assert: every hostile record is parked once, byte for byte, with its reason and field.
        foreach (var (name, want) in expected)
        {
            var letter = letters.Found[name];
            Assert.True(want.Sha256.AsSpan().SequenceEqual(letter.Sha256), $"{name}: dead-lettered bytes differ");
            Assert.Equal(want.Key, letter.Key);
            Assert.Equal(want.Topic, letter.Headers[KafkaDeadLetterSink.SourceTopicHeader]);
            Assert.Contains(letter.Headers[KafkaDeadLetterSink.ReasonHeader], RejectReason.All);
            Assert.NotEqual(RejectReason.Unreadable, letter.Headers[KafkaDeadLetterSink.ReasonHeader]);
            Assert.False(string.IsNullOrEmpty(letter.Headers[KafkaDeadLetterSink.FieldHeader]), name);
            Assert.False(string.IsNullOrEmpty(letter.Headers[KafkaDeadLetterSink.ErrorHeader]), name);
            if (want.Reason is not null)
            {
                Assert.Equal((name, want.Reason, want.Field), (name, letter.Headers[KafkaDeadLetterSink.ReasonHeader], letter.Headers[KafkaDeadLetterSink.FieldHeader]));
            }
        }
        // Every good record, the last one included, reached its customer and the incident.
        foreach (var phone in phones)
        {
            var key = Keyer.Identify(new CustomerIdentifiers(null, phone, null, null)).CustomerKey;
            var customer = await Eventually(() => _cluster.GrainFactory.GetGrain<ICustomerGrain>(key).GetAsync(), c => c is not null);
            Assert.Equal(1, customer!.Complaints);
        }
        var incident = await _cluster.GrainFactory.GetGrain<IIncidentGrain>($"brand:aurora|sku:{sku.ToLowerInvariant()}").GetAsync();
        Assert.Equal(phones.Count, incident!.Complaints);
        // The consumer is still running, and no batch ever failed.
        Assert.False(_consumer.ExecuteTask!.IsCompleted);
        Assert.Empty(_log.Warnings);
        Assert.Empty(_health.Problems);
        // What it read is not what it keeps: the heap after 72 MB of hostile records is about what it was before.
        Assert.True(end - start < 64 * 1_048_576, $"the managed heap grew by {(end - start) / 1_048_576} MiB");
    }

    [Fact]
    public async Task RecordsTooLargeToParkWhole_AreParkedAsTheirHeadWithSizeAndHash_AndThePartitionMovesOn()
    {
        var producerConfig = _kafka.Configure(new ProducerConfig { LingerMs = 5, CompressionType = CompressionType.Lz4, MessageMaxBytes = 16 * 1024 * 1024 });
        using var producer = new ProducerBuilder<byte[]?, byte[]>(producerConfig).Build();
        using var letters = new DeadLetterReader(_kafka, _run);
        var sizes = new Dictionary<string, int> { ["under-limit"] = 900 * 1024, ["3-mib"] = 3 * 1024 * 1024, ["10-mib"] = 10 * 1024 * 1024 };
        var values = new Dictionary<string, byte[]>();
        foreach (var (name, size) in sizes)
        {
            // Compressible padding, so the embedded broker's 5 MB retention holds the 10 MiB record.
            values[name] = PaddedEvent(name, size);
            await ProduceAsync(producer, IntakeTopics.Email, name, Encoding.UTF8.GetBytes(name), values[name]);
        }
        var phone = "+8613912345678";
        var sku = $"BIG-{_run}";
        var valid = $$$"""{"eventId":"after-big","occurredAt":"2026-11-20T08:00:00Z","customer":{"phone":"{{{phone}}}"},"text":"屏幕坏了","subject":{"brand":"Aurora","sku":"{{{sku}}}"}}""";
        await ProduceAsync(producer, IntakeTopics.Email, "after-big", null, Encoding.UTF8.GetBytes(valid));

        await letters.WaitForAsync(sizes.Keys, TimeSpan.FromSeconds(60));

        // Under the limit: parked whole. Over it: the first 64 KiB, with the full size and hash to match it against the source.
        var whole = letters.Found["under-limit"];
        Assert.Equal(SHA256.HashData(values["under-limit"]), whole.Sha256);
        Assert.False(whole.Headers.ContainsKey(KafkaDeadLetterSink.TruncatedHeader));
        foreach (var name in new[] { "3-mib", "10-mib" })
        {
            var letter = letters.Found[name];
            Assert.Equal("true", letter.Headers[KafkaDeadLetterSink.TruncatedHeader]);
            Assert.Equal(sizes[name].ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Headers[KafkaDeadLetterSink.OriginalBytesHeader]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(values[name])), letter.Headers[KafkaDeadLetterSink.OriginalSha256Header]);
            Assert.Equal(SHA256.HashData(values[name][..(64 * 1024)]), letter.Sha256);
            Assert.Equal(Encoding.UTF8.GetBytes(name), letter.Key);
            Assert.Equal(RejectReason.Oversized, letter.Headers[KafkaDeadLetterSink.ReasonHeader]);
            Assert.Equal(IntakeTopics.Email, letter.Headers[KafkaDeadLetterSink.SourceTopicHeader]);
        }
        // The record behind them was read: nothing stalled.
        var incident = await Eventually(() => _cluster.GrainFactory.GetGrain<IIncidentGrain>($"brand:aurora|sku:{sku.ToLowerInvariant()}").GetAsync(), i => i is not null);
        Assert.Equal(1, incident!.Complaints);
        Assert.Empty(_log.Warnings);
        Assert.Empty(_health.Problems);
    }

    [Fact]
    public async Task DeadLetterTopicRefusingARecordAsTooLarge_GetsItsHeadInstead()
    {
        // A topic whose limit is below the sink's: the producer's own limit refuses the same way a broker's max.message.bytes does.
        var strict = new KafkaOptions { BootstrapServers = _kafka.BootstrapServers, DeadLetterMaxBytes = 8 * 1024 * 1024, Properties = { ["message.max.bytes"] = "1000000" } };
        using var strictCluster = new KafkaCluster(Options.Create(strict), NullLogger<KafkaCluster>.Instance);
        using var sink = new KafkaDeadLetterSink(strictCluster, Options.Create(strict));
        using var letters = new DeadLetterReader(_kafka, _run);
        var value = PaddedEvent("refused", 2 * 1024 * 1024);
        var record = new RawRecord(IntakeTopics.Regulator, 0, 42, null, value, DateTime.UtcNow, [KeyValuePair.Create(CaseHeader, Encoding.UTF8.GetBytes("refused"))]);

        await sink.SendAsync([new DeadLetter(record, new ParseError(RejectReason.Oversized, "$", "too big"))], CancellationToken.None);

        await letters.WaitForAsync(["refused"], TimeSpan.FromSeconds(30));
        var letter = letters.Found["refused"];
        Assert.Equal("true", letter.Headers[KafkaDeadLetterSink.TruncatedHeader]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(value)), letter.Headers[KafkaDeadLetterSink.OriginalSha256Header]);
        Assert.Equal("42", letter.Headers[KafkaDeadLetterSink.SourceOffsetHeader]);
    }

    /// <summary>A JSON event whose text pads it to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] PaddedEvent(string name, int size)
    {
        var head = Encoding.UTF8.GetBytes($$$"""{"eventId":"{{{name}}}","occurredAt":"2026-11-20T08:00:00Z","customer":{"phone":"+8613800000000"},"text":" """);
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length).Fill((byte)'a');
        "\"}"u8.CopyTo(bytes.AsSpan(size - 2));
        return bytes;
    }

    /// <summary>Every kind of hostile record, with the reason and field each must get (null: any reason, e.g. for random bytes).</summary>
    private static IEnumerable<(string Name, string Topic, byte[]? Key, byte[] Value, string? Reason, string? Field)> HostileRecords(Random random)
    {
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        static string Event(string customer = """{"phone":"+8613800000000"}""", string text = "x", string extra = "", string occurredAt = "2026-11-20T08:00:00Z") =>
            $$$"""{"eventId":"h","occurredAt":"{{{occurredAt}}}","customer":{{{customer}}},"text":"{{{text}}}"{{{extra}}}}""";

        yield return ("not-json", IntakeTopics.Phone, null, Utf8("my battery died, call me"), RejectReason.NotJson, "$");
        yield return ("empty", IntakeTopics.Email, null, [], RejectReason.NotJson, "$");
        yield return ("nul-bytes", IntakeTopics.Email, [0x00], new byte[1000], RejectReason.NotJson, "$");
        yield return ("bom-only", IntakeTopics.Email, null, [0xEF, 0xBB, 0xBF], RejectReason.NotJson, "$");
        yield return ("invalid-utf8", IntakeTopics.Social, [0xFF, 0xFE], [.. Utf8("{\"eventId\":\"x\",\"text\":\""), 0xED, 0xA0, 0x80, .. Utf8("\"}")], RejectReason.InvalidUtf8, "$");
        yield return ("overlong-utf8", IntakeTopics.Social, null, [.. Utf8(Event()[..20]), 0xC0, 0xAF, .. Utf8(Event()[20..])], RejectReason.InvalidUtf8, "$");
        yield return ("array-root", IntakeTopics.Phone, null, Utf8("[1,2,3]"), RejectReason.WrongType, "$");
        yield return ("string-root", IntakeTopics.Phone, null, Utf8("\"just a string\""), RejectReason.WrongType, "$");
        yield return ("deep-objects", IntakeTopics.Regulator, null, Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)), RejectReason.TooDeep, "$");
        yield return ("deep-arrays", IntakeTopics.Regulator, null, Utf8(Event(extra: $",\"x\":{new string('[', 20_000)}{new string(']', 20_000)}")), RejectReason.TooDeep, "$");
        yield return ("record-300k", IntakeTopics.Email, null, Utf8(Event(extra: $",\"pad\":\"{new string('p', 300 * 1024)}\"")), RejectReason.Oversized, "$");
        yield return ("text-40k", IntakeTopics.Email, null, Utf8(Event(text: new string('坏', 14_000))), RejectReason.Oversized, "text");
        yield return ("event-id-100k", IntakeTopics.Email, null, Utf8(Event().Replace("\"h\"", $"\"{new string('i', 100_000)}\"")), RejectReason.Oversized, "eventId");
        yield return ("lone-surrogate-text", IntakeTopics.Social, null, Utf8(Event(text: "\\ud800 broken")), RejectReason.InvalidValue, "text");
        yield return ("lone-surrogate-name", IntakeTopics.Social, null, Utf8(Event(extra: ",\"\\udfff\":1")), RejectReason.InvalidValue, "$");
        yield return ("nul-in-sku", IntakeTopics.Social, null, Utf8(Event(extra: ",\"subject\":{\"brand\":\"A\",\"sku\":\"x\\u0000y\"}")), RejectReason.InvalidValue, "subject.sku");
        yield return ("raw-control", IntakeTopics.Social, null, Utf8(Event(text: "a\u0001b")), RejectReason.NotJson, "$");
        yield return ("phone-without-digits", IntakeTopics.Phone, null, Utf8(Event(customer: """{"phone":"call me maybe"}""")), RejectReason.InvalidValue, "customer.phone");
        yield return ("year-one", IntakeTopics.Phone, null, Utf8(Event(occurredAt: "0001-01-01T00:00:00Z")), RejectReason.InvalidValue, "occurredAt");
        yield return ("year-9999", IntakeTopics.Phone, null, Utf8(Event(occurredAt: "9999-12-31T23:59:59Z")), RejectReason.InvalidValue, "occurredAt");
        yield return ("number-as-phone", IntakeTopics.Phone, null, Utf8(Event(customer: """{"phone":13800000000}""")), RejectReason.WrongType, "customer.phone");
        yield return ("followers-as-text", IntakeTopics.Social, null, Utf8(Event(extra: ",\"social\":{\"followers\":\"lots\"}")), RejectReason.WrongType, "social.followers");
        yield return ("followers-1e999", IntakeTopics.Social, null, Utf8(Event(extra: ",\"social\":{\"followers\":1e999}")), RejectReason.InvalidValue, "social.followers");
        yield return ("missing-customer", IntakeTopics.Email, null, Utf8("""{"eventId":"h","occurredAt":"2026-11-20T08:00:00Z","text":"x"}"""), RejectReason.MissingField, "customer");
        yield return ("trailing-garbage", IntakeTopics.Email, null, Utf8(Event() + "}}}"), RejectReason.NotJson, "$");
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            // Random bytes are never an event; their reason depends on what they happen to be.
            yield return ($"random-{i}", IntakeTopics.All[i % 4], i % 3 == 0 ? bytes[..Math.Min(16, bytes.Length)] : null, bytes, null, null);
        }
    }

    /// <summary>A record past the 256 KiB record limit: random bytes, or a JSON event padded with text.</summary>
    private static byte[] LargeHostileRecord(Random random, int i)
    {
        var bytes = new byte[LargeRecordBytes - random.Next(0, 4096)];
        if (i % 2 == 0)
        {
            random.NextBytes(bytes);
            return bytes;
        }
        var head = Encoding.UTF8.GetBytes("""{"eventId":"big","occurredAt":"2026-11-20T08:00:00Z","customer":{"phone":"+8613800000000"},"text":" """);
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length).Fill((byte)'a');
        "\"}"u8.CopyTo(bytes.AsSpan(bytes.Length - 2));
        return bytes;
    }

    private static async Task ProduceAsync(IProducer<byte[]?, byte[]> producer, string topic, string name, byte[]? key, byte[] value)
    {
        var headers = new Headers { { CaseHeader, Encoding.UTF8.GetBytes(name) }, { "binary-header", [0x00, 0xFF, 0xFE] } };
        await producer.ProduceAsync(topic, new Message<byte[]?, byte[]> { Key = key, Value = value, Headers = headers });
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }

    private sealed record Expected(byte[] Sha256, byte[]? Key, string Topic, string? Reason, string? Field);

    private sealed record Letter(byte[] Sha256, byte[]? Key, Dictionary<string, string> Headers);

    /// <summary>Reads intake.deadletter in the background, keeping a hash of each value rather than the value.</summary>
    private sealed class DeadLetterReader : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public DeadLetterReader(KafkaCluster kafka, string run)
        {
            var config = kafka.Configure(new ConsumerConfig { GroupId = $"dead-letters-{run}", AutoOffsetReset = AutoOffsetReset.Earliest });
            _loop = Task.Factory.StartNew(() =>
            {
                using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
                consumer.Subscribe(IntakeTopics.DeadLetter);
                while (!_stop.IsCancellationRequested)
                {
                    var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                    if (result?.Message?.Headers is not { } headers || !headers.TryGetLastBytes(CaseHeader, out var name))
                    {
                        continue;
                    }
                    var texts = headers.Where(h => h.Key.StartsWith("intakemesh-", StringComparison.Ordinal))
                        .ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes()));
                    Found[Encoding.UTF8.GetString(name)] = new Letter(SHA256.HashData(result.Message.Value), result.Message.Key, texts);
                }
                consumer.Close();
            }, TaskCreationOptions.LongRunning);
        }

        public ConcurrentDictionary<string, Letter> Found { get; } = new();

        public async Task WaitForAsync(IEnumerable<string> names, TimeSpan timeout)
        {
            var wanted = names.ToList();
            var deadline = DateTime.UtcNow + timeout;
            while (wanted.Any(n => !Found.ContainsKey(n)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            var missing = wanted.Where(n => !Found.ContainsKey(n)).ToList();
            Assert.True(missing.Count == 0, $"not dead-lettered within {timeout}: {string.Join(", ", missing.Take(20))}");
        }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait(TimeSpan.FromSeconds(10));
            _stop.Dispose();
        }
    }

    /// <summary>Samples the managed heap while the large records go through, for the log line.</summary>
    private sealed class PeakMemory
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public PeakMemory() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Max = Math.Max(Max, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10);
            }
        });

        public long Max { get; private set; }

        public void Stop()
        {
            _stop.Cancel();
            _loop.Wait();
        }
    }

    /// <summary>The consumer's warnings (a failed batch, a Kafka error): a hostile record must cause none.</summary>
    private sealed class WarningLogger : ILogger<IntakeConsumer>
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Warnings.Enqueue(formatter(state, exception) + exception);
            }
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Bench;

/// <summary>
/// The raw baseline: a plain Confluent.Kafka consumer in its own group that reads the same records
/// and JSON-parses each one, nothing more. The pipeline's rate is judged against this.
/// </summary>
public static class BaselineReader
{
    public static (double EventsPerSecond, long Read) Run(string bootstrapServers, long records, TimeSpan stallLimit, TextWriter progress, CancellationToken cancellationToken)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"bench-baseline-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
        };
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Subscribe(IntakeTopics.All);

        long read = 0;
        long started = 0;
        var lastRecord = Stopwatch.GetTimestamp();
        var lastReport = Stopwatch.GetTimestamp();
        while (read < records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is null)
            {
                if (Stopwatch.GetElapsedTime(lastRecord) > stallLimit)
                {
                    break;
                }
                continue;
            }
            if (started == 0)
            {
                // The clock starts at the first record: the group join is not reading.
                started = Stopwatch.GetTimestamp();
            }
            lastRecord = Stopwatch.GetTimestamp();
            read++;
            try
            {
                using var document = JsonDocument.Parse(result.Message.Value);
            }
            catch (JsonException)
            {
                // Malformed records are part of the stream; reading them is the work measured.
            }
            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(2))
            {
                lastReport = Stopwatch.GetTimestamp();
                progress.WriteLine($"  baseline: {read:N0} of {records:N0} records read");
            }
        }
        var elapsed = started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started, lastRecord);
        consumer.Close();
        // The first record only starts the clock.
        var rate = elapsed > TimeSpan.Zero ? (read - 1) / elapsed.TotalSeconds : 0;
        return (rate, read);
    }
}

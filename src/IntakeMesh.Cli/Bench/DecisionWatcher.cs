using System.Diagnostics;
using System.Diagnostics.Metrics;
using IntakeMesh.Ingestion;

namespace IntakeMesh.Cli.Bench;

/// <summary>
/// Watches the host's own metrics, as a dashboard would, but per measurement: records consumed,
/// dead-lettered, accepted, redelivered, and each complaint's decision latency. The benchmark
/// adds nothing to the pipeline to measure it.
/// </summary>
public sealed class DecisionWatcher : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private List<double> _latencies = [];
    private long _consumed;
    private long _deadLettered;
    private long _complaints;
    private long _redelivered;
    private long _warmedAt;
    private long _warmedCount;
    private long _lastBatchAt;
    private long _batched;
    private long _batches;
    private long _allocatedAtWarmUp;
    private long _warmUp = 1;

    public DecisionWatcher(IMeterFactory hostMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meter: a test process may hold others.
            if (instrument.Meter.Name == IntakeInstruments.MeterName && ReferenceEquals(instrument.Meter.Scope, hostMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<int>(OnBatch);
        _listener.SetMeasurementEventCallback<double>(OnLatency);
        _listener.Start();
    }

    public long Consumed => Interlocked.Read(ref _consumed);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public long Complaints => Interlocked.Read(ref _complaints);

    public long Redelivered => Interlocked.Read(ref _redelivered);

    /// <summary>
    /// Records the rate and allocations start counting after: until then the runtime is still
    /// compiling hot code and the first activations are made, which is start-up, not throughput.
    /// At least the first batch. Set before the pipeline starts.
    /// </summary>
    public long WarmUp
    {
        get => Interlocked.Read(ref _warmUp);
        set => Interlocked.Exchange(ref _warmUp, Math.Max(1, value));
    }

    /// <summary>From the end of the batch that finished the warm-up to the end of the last, and the records in between.</summary>
    public (TimeSpan Elapsed, long Records) AfterWarmUp()
    {
        var warmed = Interlocked.Read(ref _warmedAt);
        var last = Interlocked.Read(ref _lastBatchAt);
        return warmed == 0
            ? (TimeSpan.Zero, 0)
            : (Stopwatch.GetElapsedTime(warmed, last), Interlocked.Read(ref _batched) - Interlocked.Read(ref _warmedCount));
    }

    /// <summary>Records per batch so far, on average.</summary>
    public double AverageBatch => Interlocked.Read(ref _batches) is > 0 and var n ? Interlocked.Read(ref _batched) / (double)n : 0;

    /// <summary>Bytes allocated by the whole process by the end of the warm-up.</summary>
    public long AllocatedAtWarmUp => Interlocked.Read(ref _allocatedAtWarmUp);

    /// <summary>Starts a new latency sample and returns the one so far.</summary>
    public List<double> TakeLatencies()
    {
        lock (_gate)
        {
            var taken = _latencies;
            _latencies = [];
            return taken;
        }
    }

    /// <summary>Waits until <paramref name="records"/> have been consumed, reporting progress; false when it stalls.</summary>
    public async Task<bool> WaitForConsumedAsync(long records, TimeSpan stallLimit, TextWriter progress, CancellationToken cancellationToken)
    {
        var lastSeen = -1L;
        var lastMove = Stopwatch.GetTimestamp();
        var lastReport = Stopwatch.GetTimestamp();
        while (Consumed < records)
        {
            await Task.Delay(20, cancellationToken);
            var now = Consumed;
            if (now != lastSeen)
            {
                lastSeen = now;
                lastMove = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastMove) > stallLimit)
            {
                return false;
            }
            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(2))
            {
                lastReport = Stopwatch.GetTimestamp();
                progress.WriteLine($"  pipeline: {now:N0} of {records:N0} records decided");
            }
        }
        return true;
    }

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case "intakemesh.events.consumed":
                Interlocked.Add(ref _consumed, value);
                break;
            case "intakemesh.events.deadlettered":
                Interlocked.Add(ref _deadLettered, value);
                break;
            case "intakemesh.complaints":
                Interlocked.Add(ref _complaints, value);
                break;
            case "intakemesh.duplicates" when Tag(tags, "kind") == "redelivery":
                Interlocked.Add(ref _redelivered, value);
                break;
        }
    }

    // The batch size is recorded once per batch, as the batch ends: the clock of the rate.
    private void OnBatch(Instrument instrument, int value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name != "intakemesh.batch.size")
        {
            return;
        }
        Interlocked.Increment(ref _batches);
        var total = Interlocked.Add(ref _batched, value);
        var now = Stopwatch.GetTimestamp();
        if (total >= WarmUp && Interlocked.CompareExchange(ref _warmedAt, now, 0) == 0)
        {
            Interlocked.Exchange(ref _warmedCount, total);
            Interlocked.Exchange(ref _allocatedAtWarmUp, GC.GetTotalAllocatedBytes());
        }
        Interlocked.Exchange(ref _lastBatchAt, now);
    }

    private void OnLatency(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "intakemesh.decision.latency")
        {
            lock (_gate)
            {
                _latencies.Add(value);
            }
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }
        return null;
    }

    public void Dispose() => _listener.Dispose();
}

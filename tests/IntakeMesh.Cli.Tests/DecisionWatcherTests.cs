using System.Diagnostics.Metrics;
using IntakeMesh.Cli.Bench;
using IntakeMesh.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Cli.Tests;

/// <summary>The benchmark's clock: which batches the sustained rate and the allocations count.</summary>
public sealed class DecisionWatcherTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Rate_CountsOnlyTheBatchesAfterTheOneThatEndsTheWarmUp()
    {
        var (watcher, batches) = Watch(warmUp: 250);
        using var _ = watcher;

        batches.Record(100);
        batches.Record(100);
        Assert.Equal(0, watcher.AfterWarmUp().Records);

        batches.Record(100); // 300 ≥ 250: the warm-up ends with this batch
        batches.Record(40);
        batches.Record(60);

        Assert.Equal(100, watcher.AfterWarmUp().Records);
        Assert.Equal(80, watcher.AverageBatch);
    }

    [Fact]
    public void Rate_WithNoWarmUp_StartsAfterTheFirstBatch()
    {
        var (watcher, batches) = Watch(warmUp: 0);
        using var _ = watcher;

        batches.Record(10);
        batches.Record(20);
        batches.Record(30);

        Assert.Equal(1, watcher.WarmUp);
        Assert.Equal(50, watcher.AfterWarmUp().Records);
    }

    // A watcher on a host's meters, and the batch-size instrument the host's pipeline records to.
    private (DecisionWatcher Watcher, Histogram<int> Batches) Watch(long warmUp)
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        var watcher = new DecisionWatcher(meters) { WarmUp = warmUp };
        return (watcher, meters.Create(IntakeInstruments.MeterName).CreateHistogram<int>("intakemesh.batch.size"));
    }

    public void Dispose() => _services.Dispose();
}

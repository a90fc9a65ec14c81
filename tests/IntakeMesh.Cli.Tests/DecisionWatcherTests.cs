using System.Diagnostics.Metrics;
using IntakeMesh.Cli.Bench;
using IntakeMesh.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Cli.Tests;

/// <summary>The benchmark's clock: which batches the sustained rate and the allocations count.</summary>
public class DecisionWatcherTests
{
    [Fact]
    public void Rate_CountsOnlyTheBatchesAfterTheOneThatEndsTheWarmUp()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var watcher = new DecisionWatcher(meters) { WarmUp = 250 };
        var batches = meters.Create(IntakeInstruments.MeterName).CreateHistogram<int>("intakemesh.batch.size");

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
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var watcher = new DecisionWatcher(meters) { WarmUp = 0 };
        var batches = meters.Create(IntakeInstruments.MeterName).CreateHistogram<int>("intakemesh.batch.size");

        batches.Record(10);
        batches.Record(20);
        batches.Record(30);

        Assert.Equal(1, watcher.WarmUp);
        Assert.Equal(50, watcher.AfterWarmUp().Records);
    }
}

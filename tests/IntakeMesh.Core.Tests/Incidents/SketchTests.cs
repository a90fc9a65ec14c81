using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Sketches;

namespace IntakeMesh.Core.Tests.Incidents;

public class SketchTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BucketSeries_WindowSums_InOrderAndOutOfOrder()
    {
        var series = new BucketSeries(TimeSpan.FromMinutes(1), 100);
        foreach (var minute in new[] { 0, 10, 10, 30, 70 })
        {
            series.Add(Start.AddMinutes(minute));
        }
        var zero = series.IndexOf(Start);

        Assert.Equal(4, series.Sum(zero, zero + 30));
        Assert.Equal(4, series.MaxWindowContaining(zero + 70, 60)); // the newest: the window ending there, [10, 70]
        Assert.Equal(4, series.MaxWindowContaining(zero + 10, 60)); // out of order: [0, 60] or [10, 70]
        Assert.Equal(3, series.MaxWindowContaining(zero + 30, 20)); // [10, 30]
    }

    [Fact]
    public void BucketSeries_DropsWhatFallsBehindTheHorizon()
    {
        var series = new BucketSeries(TimeSpan.FromMinutes(1), 10);
        series.Add(Start);
        series.Add(Start.AddMinutes(20));

        Assert.False(series.Add(Start.AddMinutes(5)));
        Assert.Equal([series.IndexOf(Start) + 20], series.Buckets);
        Assert.Equal(1, series.Sum(0, long.MaxValue));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50_000)]
    public void HyperLogLog_EstimatesDistinctCounts(int distinct)
    {
        var sketch = new HyperLogLog();
        for (var i = 0; i < distinct; i++)
        {
            sketch.Add(StableHash.Of($"cus-{i}"));
            sketch.Add(StableHash.Of($"cus-{i}"));
        }

        Assert.InRange(sketch.Estimate(), distinct * 0.975, distinct * 1.025);
    }

    [Fact]
    public void RecentCustomers_ForgetsAfterTwoPeriods()
    {
        var recent = RecentCustomers.For(TimeSpan.FromHours(24));
        var at = DateTimeOffset.UnixEpoch.AddHours(1);
        recent.Mark(42, at);

        Assert.True(recent.Seen(42, at.AddHours(30)));
        recent.Mark(7, at.AddHours(30));
        Assert.True(recent.Seen(42, at.AddHours(30)));
        recent.Mark(7, at.AddHours(50));
        Assert.False(recent.Seen(42, at.AddHours(50)));
        Assert.False(recent.Seen(99, at));
    }
}

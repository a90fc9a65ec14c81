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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BucketSeries_MaxWindowContaining_MatchesEveryWindowCountedByHand(int seed)
    {
        var random = new Random(seed);
        var series = new BucketSeries(TimeSpan.FromMinutes(1), 500);
        var counts = new Dictionary<long, int>();
        var zero = series.IndexOf(Start);
        for (var i = 0; i < 300; i++)
        {
            var minute = random.Next(200);
            series.Add(Start.AddMinutes(minute));
            counts[zero + minute] = counts.GetValueOrDefault(zero + minute) + 1;
        }

        foreach (var span in new[] { 0, 1, 7, 60 })
        {
            for (var minute = 0; minute < 200; minute += 3)
            {
                var index = zero + minute;
                // Every window [s, s + span] that contains the index, summed bucket by bucket.
                var expected = 0L;
                for (var first = index - span; first <= index; first++)
                {
                    expected = Math.Max(expected, counts.Where(c => c.Key >= first && c.Key <= first + span).Sum(c => (long)c.Value));
                }
                Assert.Equal(expected, series.MaxWindowContaining(index, span));
            }
        }
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

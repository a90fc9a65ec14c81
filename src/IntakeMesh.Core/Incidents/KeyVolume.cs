using IntakeMesh.Core.Incidents.Sketches;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// How many complaints a key gets, per hour, across all its waves: the trailing baseline that
/// tells a wave from a steadily busy key. Bounded to the baseline days plus two (hourly buckets).
/// </summary>
public sealed class KeyVolume
{
    private long _cachedHour = long.MinValue;
    private Baseline? _cached;

    /// <summary>The key's first complaint, by event time.</summary>
    public DateTimeOffset? FirstSeen { get; set; }

    /// <summary>New complaints (not repeat contacts) per hour.</summary>
    public BucketSeries Hourly { get; set; } = new();

    public static KeyVolume For(DetectionOptions options) =>
        new() { Hourly = new BucketSeries(TimeSpan.FromHours(1), (options.BaselineDays + 2) * 24 + (int)Math.Ceiling(options.GroupWindow.TotalHours)) };

    public void Add(DateTimeOffset at)
    {
        if (FirstSeen is null || at < FirstSeen)
        {
            FirstSeen = at;
        }
        Hourly.Add(at);
    }

    /// <summary>
    /// The baseline at <paramref name="at"/>: medians over the whole days before the group window
    /// that ends there (the wave itself must not raise its own bar), or null while the key is
    /// younger than <see cref="DetectionOptions.BaselineMinDays"/> or usually gets no complaint a day.
    /// Cached per hour, since it cannot change faster than its buckets.
    /// </summary>
    public Baseline? At(DateTimeOffset at, DetectionOptions options)
    {
        var hour = Hourly.IndexOf(at);
        if (hour == _cachedHour)
        {
            return _cached;
        }
        _cachedHour = hour;
        _cached = Compute(at, options);
        return _cached;
    }

    private Baseline? Compute(DateTimeOffset at, DetectionOptions options)
    {
        if (FirstSeen is not { } first)
        {
            return null;
        }
        var end = Hourly.IndexOf(at - options.GroupWindow);
        var days = (int)Math.Min((end - Hourly.IndexOf(first)) / 24, options.BaselineDays);
        if (days < options.BaselineMinDays)
        {
            return null;
        }
        var totals = new double[days];
        var peaks = new double[days];
        for (var day = 0; day < days; day++)
        {
            var last = end - day * 24 - 1;
            var firstHour = last - 23;
            totals[day] = Hourly.Sum(firstHour, last);
            peaks[day] = Hourly.MaxBucket(firstHour, last);
        }
        var daily = Median(totals);
        return daily > 0 ? new Baseline(daily, Median(peaks), days) : null;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}

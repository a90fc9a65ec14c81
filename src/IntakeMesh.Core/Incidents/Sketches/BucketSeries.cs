using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Incidents.Sketches;

/// <summary>
/// Event counts in fixed-width time buckets (per minute, per hour), kept sparse and only for the
/// last <see cref="Horizon"/> buckets behind the newest: bounded however many events arrive, and
/// tiny for a quiet key. Window sums use running totals, so the common in-order case is a binary
/// search, not a scan.
/// </summary>
public sealed class BucketSeries
{
    private List<long>? _running;

    public BucketSeries()
    {
    }

    public BucketSeries(TimeSpan width, int horizon)
    {
        WidthTicks = width.Ticks;
        Horizon = horizon;
    }

    /// <summary>Bucket width in ticks.</summary>
    public long WidthTicks { get; set; }

    /// <summary>How many buckets behind the newest are kept; older ones are dropped.</summary>
    public int Horizon { get; set; }

    /// <summary>Non-empty buckets' indices (UTC ticks / width), ascending.</summary>
    public List<long> Buckets { get; set; } = [];

    /// <summary>The count of each bucket in <see cref="Buckets"/>.</summary>
    public List<int> Counts { get; set; } = [];

    public long IndexOf(DateTimeOffset at) => Math.DivRem(at.UtcTicks, WidthTicks).Quotient;

    /// <summary>Counts <paramref name="delta"/> at <paramref name="at"/>; false when that is older than the horizon.</summary>
    public bool Add(DateTimeOffset at, int delta = 1)
    {
        var index = IndexOf(at);
        if (Buckets.Count > 0 && index <= Buckets[^1] - Horizon)
        {
            return false;
        }
        var running = Running;
        var position = Buckets.BinarySearch(index);
        if (position >= 0)
        {
            Counts[position] += delta;
            for (var i = position; i < running.Count; i++)
            {
                running[i] += delta;
            }
            return true;
        }
        position = ~position;
        Buckets.Insert(position, index);
        Counts.Insert(position, delta);
        running.Insert(position, (position > 0 ? running[position - 1] : 0) + delta);
        for (var i = position + 1; i < running.Count; i++)
        {
            running[i] += delta;
        }
        Prune();
        return true;
    }

    /// <summary>Sum of the buckets from index <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public long Sum(long first, long last)
    {
        if (last < first || Buckets.Count == 0)
        {
            return 0;
        }
        var running = Running;
        // Totals run from before the pruned buckets: the total before the first kept one is its total less its count.
        var start = running[0] - Counts[0];
        var upTo = UpperBound(last) - 1;
        var before = LowerBound(first) - 1;
        return (upTo >= 0 ? running[upTo] : start) - (before >= 0 ? running[before] : start);
    }

    /// <summary>
    /// The largest count in any window of <paramref name="span"/> buckets after its first (both ends
    /// included) that contains <paramref name="index"/>. For the newest bucket that is simply the
    /// window ending there; an out-of-order index slides the window across its neighbours.
    /// </summary>
    public long MaxWindowContaining(long index, long span)
    {
        var best = Sum(index - span, index);
        if (Buckets.Count == 0 || index >= Buckets[^1])
        {
            return best;
        }
        // The sum only changes where a bucket enters at the left edge: try each such start, and the
        // index itself. Window ends only move right as starts do, so one pass of two cursors covers them.
        best = Math.Max(best, Sum(index, index + span));
        var running = Running;
        var start = running[0] - Counts[0];
        var end = -1;
        for (var i = LowerBound(index - span); i < Buckets.Count && Buckets[i] <= index; i++)
        {
            while (end + 1 < Buckets.Count && Buckets[end + 1] <= Buckets[i] + span)
            {
                end++;
            }
            best = Math.Max(best, running[end] - (i > 0 ? running[i - 1] : start));
        }
        return best;
    }

    /// <summary>The largest single bucket between two indices, both included.</summary>
    public int MaxBucket(long first, long last)
    {
        var best = 0;
        for (var i = LowerBound(first); i < Buckets.Count && Buckets[i] <= last; i++)
        {
            best = Math.Max(best, Counts[i]);
        }
        return best;
    }

    private void Prune()
    {
        var oldest = LowerBound(Buckets[^1] - Horizon + 1);
        if (oldest > 0)
        {
            Buckets.RemoveRange(0, oldest);
            Counts.RemoveRange(0, oldest);
            // Running totals stay valid: sums are differences of totals.
            _running!.RemoveRange(0, oldest);
        }
    }

    private int LowerBound(long index)
    {
        var position = Buckets.BinarySearch(index);
        return position >= 0 ? position : ~position;
    }

    private int UpperBound(long index)
    {
        var position = Buckets.BinarySearch(index);
        return position >= 0 ? position + 1 : ~position;
    }

    [JsonIgnore]
    private List<long> Running
    {
        get
        {
            if (_running is null || _running.Count != Counts.Count)
            {
                _running = new List<long>(Counts.Count);
                long total = 0;
                foreach (var count in Counts)
                {
                    total += count;
                    _running.Add(total);
                }
            }
            return _running;
        }
    }
}

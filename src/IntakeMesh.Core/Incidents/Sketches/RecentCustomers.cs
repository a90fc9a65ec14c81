namespace IntakeMesh.Core.Incidents.Sketches;

/// <summary>
/// Which customers complained in the current or the previous period (one group window each), for
/// customers beyond an incident's exact participant sample: two Bloom filters that rotate, so old
/// customers age out instead of filling the filter. Each is 2^17 bits (16 KiB) with 7 hashes:
/// about 1% false positives at 13,000 customers per period, 0.1% at 7,000; a false positive only
/// means one newcomer is not counted as an arrival in the window.
/// </summary>
public sealed class RecentCustomers
{
    private const int Bits = 1 << 17;
    private const int Hashes = 7;

    /// <summary>The period <see cref="Current"/> covers, as a count of periods since the epoch.</summary>
    public long Period { get; set; } = long.MinValue;

    /// <summary>Period length in ticks.</summary>
    public long PeriodTicks { get; set; }

    public BloomFilter? Current { get; set; }

    public BloomFilter? Previous { get; set; }

    public static RecentCustomers For(TimeSpan period) => new() { PeriodTicks = period.Ticks };

    /// <summary>True when the customer was (probably) marked in the period of <paramref name="at"/> or the one before.</summary>
    public bool Seen(ulong customer, DateTimeOffset at)
    {
        var period = PeriodOf(at);
        if (period > Period + 1)
        {
            return false;
        }
        return (Current?.MightContain(customer) ?? false) || (Previous?.MightContain(customer) ?? false);
    }

    /// <summary>Marks the customer at <paramref name="at"/>; marks older than the previous period are ignored.</summary>
    public void Mark(ulong customer, DateTimeOffset at)
    {
        var period = PeriodOf(at);
        if (period > Period)
        {
            // Move on: the current filter becomes the previous one only when it is adjacent.
            Previous = period == Period + 1 ? Current : null;
            Current = new BloomFilter(Bits, Hashes);
            Period = period;
        }
        if (period == Period)
        {
            Current!.Add(customer);
        }
        else if (period == Period - 1)
        {
            (Previous ??= new BloomFilter(Bits, Hashes)).Add(customer);
        }
    }

    private long PeriodOf(DateTimeOffset at) => Math.DivRem(at.UtcTicks, PeriodTicks).Quotient;
}

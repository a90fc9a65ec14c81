using System.Text.Json.Serialization;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// An incident's complaints per hour and channel over the last <see cref="Hours"/> hours before
/// its newest complaint (event time): one ring of hourly counts per channel, so it stays the same
/// size whatever the volume. Feeds the board's sparkline and the incident page's chart.
/// </summary>
public sealed class HourlyCounts
{
    public const int Hours = 48;

    /// <summary>The newest hour counted, in whole hours since 0001-01-01 UTC; 0 before the first complaint.</summary>
    public long NewestHour { get; set; }

    /// <summary>Per channel, a ring of <see cref="Hours"/> counts: hour <c>h</c> sits at index <c>h % Hours</c>.</summary>
    public Dictionary<Channel, int[]> Channels { get; set; } = [];

    /// <summary>The start of the oldest hour of the series, or null before the first complaint.</summary>
    [JsonIgnore]
    public DateTimeOffset? From => NewestHour == 0 ? null : new DateTimeOffset((NewestHour - Hours + 1) * TimeSpan.TicksPerHour, TimeSpan.Zero);

    public static long HourOf(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerHour;

    /// <summary>Counts one complaint; false when it is older than the series' window.</summary>
    public bool Add(DateTimeOffset at, Channel channel)
    {
        var hour = HourOf(at);
        if (NewestHour == 0)
        {
            NewestHour = hour;
        }
        else if (hour > NewestHour)
        {
            Advance(hour);
        }
        else if (hour <= NewestHour - Hours)
        {
            return false;
        }
        if (!Channels.TryGetValue(channel, out var ring) || ring.Length != Hours)
        {
            Channels[channel] = ring = new int[Hours];
        }
        ring[Slot(hour)]++;
        return true;
    }

    /// <summary>One channel's counts, oldest hour first (all zero for a channel never seen).</summary>
    public int[] Series(Channel channel)
    {
        var series = new int[Hours];
        if (Channels.TryGetValue(channel, out var ring) && ring.Length == Hours)
        {
            for (var i = 0; i < Hours; i++)
            {
                series[i] = ring[SlotOfAge(i)];
            }
        }
        return series;
    }

    /// <summary>Every channel together, oldest hour first.</summary>
    public int[] Total()
    {
        // Summed ring by ring: the board asks for it on every batch of every incident.
        var total = new int[Hours];
        foreach (var ring in Channels.Values)
        {
            if (ring.Length != Hours)
            {
                continue;
            }
            for (var i = 0; i < Hours; i++)
            {
                total[i] += ring[SlotOfAge(i)];
            }
        }
        return total;
    }

    /// <summary>Each channel's series, oldest hour first, channels in their declared order.</summary>
    public Dictionary<Channel, int[]> ByChannel() =>
        Channels.Keys.Order().ToDictionary(channel => channel, Series);

    // Hours between the old newest and the new one held counts from 48 hours before: clear them.
    private void Advance(long hour)
    {
        var cleared = Math.Min(hour - NewestHour, Hours);
        foreach (var ring in Channels.Values)
        {
            for (var h = hour - cleared + 1; h <= hour; h++)
            {
                ring[Slot(h)] = 0;
            }
        }
        NewestHour = hour;
    }

    private static int Slot(long hour) => (int)(((hour % Hours) + Hours) % Hours);

    // The ring slot of the i-th hour of the series, oldest (0) first.
    private int SlotOfAge(int i) => Slot(NewestHour - Hours + 1 + i);
}

using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Replay;

/// <summary>Counts over one replay, for its summary line.</summary>
public sealed class ReplayStats
{
    public long Facts { get; set; }
    public long Redelivered { get; set; }
    public long RepeatContacts { get; set; }
    public long Changes { get; set; }

    /// <summary>Incidents (waves) opened.</summary>
    public long Incidents { get; set; }

    /// <summary>Incidents that reached at least each tier.</summary>
    public long[] Reached { get; } = new long[Enum.GetValues<Tier>().Length];

    public long Closed { get; set; }

    public void Count(TierChange change)
    {
        Changes++;
        if (change.Kind == ChangeKind.Opened)
        {
            Incidents++;
            Reached[(int)Tier.T0]++;
        }
        if (change.Kind is ChangeKind.Closed or ChangeKind.Resolved)
        {
            Closed++;
        }
        for (var tier = change.FromTier + 1; tier <= change.ToTier; tier++)
        {
            Reached[(int)tier]++;
        }
    }
}

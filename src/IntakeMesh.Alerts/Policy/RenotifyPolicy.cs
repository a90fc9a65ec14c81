namespace IntakeMesh.Alerts.Policy;

/// <summary>
/// When an open incident is notified again: at <see cref="MinTier"/> or above, every
/// <see cref="Interval"/> after the last notification, until someone acknowledges or resolves
/// it. Pure, on the caller's clock, so the grain's timer and tests decide what "now" is.
/// </summary>
public sealed class RenotifyPolicy
{
    /// <param name="interval">Time between two notifications of the same open incident.</param>
    /// <param name="minTier">The lowest tier that is re-notified ("T0" to "T4").</param>
    public RenotifyPolicy(TimeSpan interval, string minTier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
        MinTier = AlertTiers.Normalize(minTier);
    }

    /// <summary>Time between two notifications of the same open incident.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The lowest tier that is re-notified.</summary>
    public string MinTier { get; }

    /// <summary>Builds the policy from <c>Alerts:RenotifyInterval</c> and <c>Alerts:RenotifyMinTier</c>.</summary>
    public static RenotifyPolicy From(AlertingOptions options) => new(options.RenotifyInterval, options.RenotifyMinTier);

    /// <summary>Whether an incident in this state is re-notified at all.</summary>
    public bool Applies(string tier, bool acknowledged, bool resolved) =>
        !acknowledged && !resolved && AlertTiers.AtLeast(tier, MinTier);

    /// <summary>When the next reminder is due, or null when none is (acknowledged, resolved, tier too low).</summary>
    public DateTimeOffset? NextReminderAt(string tier, DateTimeOffset lastNotifiedAt, bool acknowledged, bool resolved) =>
        Applies(tier, acknowledged, resolved) ? lastNotifiedAt + Interval : null;

    /// <summary>Whether a reminder is due at <paramref name="now"/>.</summary>
    public bool IsDue(string tier, DateTimeOffset lastNotifiedAt, bool acknowledged, bool resolved, DateTimeOffset now) =>
        NextReminderAt(tier, lastNotifiedAt, acknowledged, resolved) is { } due && now >= due;
}

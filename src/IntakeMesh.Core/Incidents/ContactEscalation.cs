namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Escalation signals of one customer's repeat contacts on one issue (domain.md §2, §5, §7): a
/// complaint ignored on one channel escalates on the next, and a repeat complaint is a failure signal.
/// </summary>
[Flags]
public enum ContactEscalation
{
    /// <summary>No escalation signal.</summary>
    None = 0,
    /// <summary>The contact reached the configured count on one issue (the third contact, by default).</summary>
    RepeatedContact = 1,
    /// <summary>The customer moved from phone or email to social media, in public.</summary>
    MovedToSocial = 2,
    /// <summary>The customer went over the company's head to a regulator (越级投诉).</summary>
    MovedToRegulator = 4,
}

using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// One complaint of a customer: the first contact about an issue (an incident key) and every
/// repeat contact within the repeat window after it, on any channel, with its place in the
/// accept → handle → reply → follow-up loop.
/// </summary>
public sealed class CustomerComplaint
{
    /// <summary>Keeps the verdicts of the latest contacts only; older redeliveries are not realistic.</summary>
    public const int ContactsRemembered = 16;

    /// <summary>The first contact's dedup id (<c>Channel:eventId</c>).</summary>
    public string Id { get; set; } = "";

    public string IncidentKey { get; set; } = "";

    public DateTimeOffset FirstAt { get; set; }

    public DateTimeOffset LastAt { get; set; }

    /// <summary>Contacts so far, the first included.</summary>
    public int Contacts { get; set; }

    /// <summary>Channels used, in the order first used.</summary>
    public List<Channel> Channels { get; set; } = [];

    /// <summary>The channel of the latest contact.</summary>
    public Channel LastChannel { get; set; }

    public ComplaintStage Stage { get; set; }

    public DateTimeOffset? HandlingAt { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public DateTimeOffset? FollowedUpAt { get; set; }

    /// <summary>
    /// The customer key the first contact was keyed to when it came through a linked identifier
    /// (an alias); null when it came to this customer's own key. An unlink moves exactly these.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>True once a contact of this complaint asked for compensation.</summary>
    public bool Compensation { get; set; }

    /// <summary>Contacts per channel; empty in complaints stored before identity corrections (then all count as <see cref="LastChannel"/>).</summary>
    public Dictionary<Channel, int> ContactsByChannel { get; set; } = [];

    /// <summary>The latest contacts' verdicts, oldest first.</summary>
    public List<ContactEntry> Recent { get; set; } = [];

    public void Remember(ContactEntry entry)
    {
        if (Recent.Count >= ContactsRemembered)
        {
            Recent.RemoveAt(0);
        }
        Recent.Add(entry);
    }
}

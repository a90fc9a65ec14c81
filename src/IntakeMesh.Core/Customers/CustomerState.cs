using IntakeMesh.Core.Dedup;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// What a customer grain remembers: recent event ids for redelivery, the latest complaints with
/// their repeat contacts and lifecycle, contacts per incident key, and the figures behind the
/// customer's role. Every collection has a cap.
/// </summary>
public sealed class CustomerState
{
    public string Key { get; set; } = "";

    /// <summary>The most recent "channel:eventId" seen, for redelivery.</summary>
    public RecentIds RecentEvents { get; set; } = new(Customer.RememberedEvents);

    /// <summary>Accepted contacts (events that were not redeliveries), repeat contacts included.</summary>
    public long Complaints { get; set; }

    /// <summary>Of <see cref="Complaints"/>, the repeat contacts merged into an earlier complaint.</summary>
    public long RepeatContacts { get; set; }

    public long Redeliveries { get; set; }
    public Dictionary<Channel, long> ComplaintsByChannel { get; set; } = [];

    /// <summary>Incidents this customer complained about, by incident key (the latest <see cref="Customer.RememberedIncidents"/>).</summary>
    public Dictionary<string, CustomerContact> Contacts { get; set; } = [];

    /// <summary>The latest complaints (at most <see cref="Customer.RememberedComplaints"/>), oldest first.</summary>
    public List<CustomerComplaint> History { get; set; } = [];

    /// <summary>Distinct incident keys complained about, ever (an evicted key that comes back counts again).</summary>
    public long IncidentsComplained { get; set; }

    /// <summary>Distinct incident keys with a compensation demand, ever.</summary>
    public long CompensationIncidents { get; set; }

    public CustomerRole Role { get; set; }

    /// <summary>The customer this identifier was linked to; complaints arriving here go there.</summary>
    public string? AliasOf { get; set; }

    /// <summary>Weaker identifiers' keys already linked to this customer.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>
    /// Customer keys an operator separated from this one (at most <see cref="Customer.RememberedUnlinks"/>,
    /// oldest first): no event links them again, only an operator's manual link.
    /// </summary>
    public List<string> Unlinked { get; set; } = [];

    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>
    /// The customer's identifiers, sealed (at most <see cref="Customer.RememberedIdentifiers"/>,
    /// one per kind and hash, least recently seen first). Added in the release that encrypts
    /// personal data: state stored before it loads with none.
    /// </summary>
    public List<SealedIdentifier> Identifiers { get; set; } = [];
}

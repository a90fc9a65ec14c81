using IntakeMesh.Core.Dedup;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>What a customer grain remembers: recent event ids for redelivery and per-incident contacts.</summary>
public sealed class CustomerState
{
    public string Key { get; set; } = "";

    /// <summary>The most recent "channel:eventId" seen, for redelivery.</summary>
    public RecentIds RecentEvents { get; set; } = new(Customer.RememberedEvents);

    public long Complaints { get; set; }
    public long Redeliveries { get; set; }
    public Dictionary<Channel, long> ComplaintsByChannel { get; set; } = [];

    /// <summary>Incidents this customer complained about, by incident key.</summary>
    public Dictionary<string, CustomerContact> Contacts { get; set; } = [];

    /// <summary>The customer this identifier was linked to; complaints arriving here go there.</summary>
    public string? AliasOf { get; set; }

    /// <summary>Weaker identifiers' keys already linked to this customer.</summary>
    public List<string> Aliases { get; set; } = [];

    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
}

/// <summary>The customer's contacts about one incident key.</summary>
public sealed record CustomerContact(DateTimeOffset FirstAt, DateTimeOffset LastAt, int Count, IReadOnlyList<Channel> Channels);

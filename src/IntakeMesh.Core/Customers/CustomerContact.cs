using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>The customer's contacts about one incident key, over all their complaints about it.</summary>
public sealed record CustomerContact(DateTimeOffset FirstAt, DateTimeOffset LastAt, int Count, IReadOnlyList<Channel> Channels)
{
    /// <summary>True once the customer asked for compensation about this incident key.</summary>
    public bool Compensation { get; init; }
}

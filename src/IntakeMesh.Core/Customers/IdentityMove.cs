using IntakeMesh.Core.Identity;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// What an identity correction moves from one customer to another: the complaints (with their
/// contacts and lifecycle), the sealed identifiers that belong to the receiver, and one
/// re-attribution per incident key those complaints touched.
/// </summary>
public sealed record IdentityMove(
    string From,
    string To,
    IReadOnlyList<CustomerComplaint> Complaints,
    IReadOnlyList<SealedIdentifier> Identifiers,
    IReadOnlyList<IncidentReattribution> Incidents);

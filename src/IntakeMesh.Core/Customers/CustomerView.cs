using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// A customer as the API shows it: pseudonymous key, role, counts, contacts per incident, the
/// latest complaints, and their identifiers masked (never sealed or raw: revealing is an admin's act).
/// </summary>
public sealed record CustomerView(
    string Key,
    long Complaints,
    long Redeliveries,
    IReadOnlyDictionary<Channel, long> ComplaintsByChannel,
    IReadOnlyDictionary<string, CustomerContact> Contacts,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen)
{
    public CustomerRole Role { get; init; }

    public long RepeatContacts { get; init; }

    public long IncidentsComplained { get; init; }

    public long CompensationIncidents { get; init; }

    /// <summary>The latest complaints with their contacts and lifecycle stage, oldest first.</summary>
    public IReadOnlyList<CustomerComplaint> History { get; init; } = [];

    /// <summary>The customer's phone numbers, emails, handles and CRM ids, masked ("+86 138****5678").</summary>
    public IReadOnlyList<MaskedIdentifier> Identifiers { get; init; } = [];

    /// <summary>The customer key this one is linked to, when it is a linked identifier (an alias).</summary>
    public string? AliasOf { get; init; }

    /// <summary>Keys of the weaker identifiers linked to this customer: what an operator may unlink.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Keys an operator separated from this customer; events never link them again.</summary>
    public IReadOnlyList<string> Unlinked { get; init; } = [];

    public static CustomerView From(CustomerState state) => new(
        state.Key, state.Complaints, state.Redeliveries, state.ComplaintsByChannel, state.Contacts, state.FirstSeen, state.LastSeen)
    {
        Role = state.Role,
        RepeatContacts = state.RepeatContacts,
        IncidentsComplained = state.IncidentsComplained,
        CompensationIncidents = state.CompensationIncidents,
        History = state.History,
        Identifiers = [.. state.Identifiers.Select(i => i.ToMasked())],
        AliasOf = state.AliasOf,
        Aliases = state.Aliases,
        Unlinked = state.Unlinked,
    };
}

using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>A customer as the API shows it: pseudonymous key, counts and contacts per incident.</summary>
public sealed record CustomerView(
    string Key,
    long Complaints,
    long Redeliveries,
    IReadOnlyDictionary<Channel, long> ComplaintsByChannel,
    IReadOnlyDictionary<string, CustomerContact> Contacts,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen)
{
    public static CustomerView From(CustomerState state) => new(
        state.Key, state.Complaints, state.Redeliveries, state.ComplaintsByChannel, state.Contacts, state.FirstSeen, state.LastSeen);
}

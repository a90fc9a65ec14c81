using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>One incident in full: its summary, figures, tier history and first participants.</summary>
public sealed record IncidentDetail(
    IncidentSummary Summary,
    IReadOnlyDictionary<Channel, long> ComplaintsByChannel,
    IReadOnlyDictionary<ComplaintCategory, long> ComplaintsByCategory,
    int PeakWindowCustomers,
    int MediaCustomers,
    int SafetyCustomers,
    int RegulatorCases,
    IReadOnlyList<string> ElevatedSignals,
    string Playbook,
    IReadOnlyList<TierChange> History,
    IReadOnlyList<Participant> FirstParticipants)
{
    public const int ParticipantsShown = 50;

    public static IncidentDetail From(IncidentState state) => new(
        IncidentSummary.From(state),
        state.ComplaintsByChannel,
        state.ComplaintsByCategory,
        state.PeakWindowCustomers,
        state.MediaCustomers.Count,
        state.SafetyCustomers.Count,
        state.RegulatorCases.Count,
        [.. state.ElevatedSignals],
        Playbooks.For(state.Tier),
        state.History,
        [.. state.Participants.Take(ParticipantsShown)]);
}

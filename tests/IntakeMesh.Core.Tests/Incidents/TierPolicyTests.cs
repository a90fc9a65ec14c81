using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>The quick tier (asked on every complaint) and the described one (asked on a change) never disagree.</summary>
public class TierPolicyTests
{
    private static readonly DetectionOptions Options = new();

    [Fact]
    public void TierOf_AgreesWithDecide_OnEveryMixOfFigures()
    {
        var compared = 0;
        foreach (var phase in Enum.GetValues<Phase>())
        foreach (var safety in new[] { 0, 1, Options.SafetyCustomersForT4 })
        foreach (var media in new[] { 0, 1, 2 })
        foreach (var cases in new[] { 0, 1, Options.RegulatorCasesForT3 })
        foreach (var signals in new[] { 0, 1, 2 })
        foreach (var reach in new long?[] { null, Options.HighReachFollowers - 1, Options.HighReachFollowers })
        {
            var state = State(safety, media, cases, signals, reach);

            var quick = TierPolicy.TierOf(state, phase, Options);
            var described = TierPolicy.Decide(state, phase, Options).Tier;

            Assert.True(quick == described,
                $"phase {phase}, safety {safety}, media {media}, cases {cases}, signals {signals}, reach {reach}: quick {quick}, described {described}");
            compared++;
        }
        Assert.Equal(729, compared);
    }

    private static IncidentState State(int safety, int media, int cases, int signals, long? reach)
    {
        var state = new IncidentState { Key = "brand:aurora" };
        for (var i = 0; i < safety; i++)
        {
            state.SafetyCustomers.Add($"s{i}");
        }
        for (var i = 0; i < media; i++)
        {
            state.MediaCustomers.Add($"m{i}");
        }
        for (var i = 0; i < cases; i++)
        {
            state.RegulatorCases.Add($"case-{i}");
        }
        // The second signal is the regulator threat: regulator exposure without a case.
        foreach (var signal in new[] { "legal threat", SignalWords.RegulatorThreat }.Take(signals))
        {
            state.ElevatedSignals.Add(signal);
        }
        state.Participants.Add(new Participant("starter", DateTimeOffset.UnixEpoch, Channel.Social, "e1") { Followers = reach });
        return state;
    }
}

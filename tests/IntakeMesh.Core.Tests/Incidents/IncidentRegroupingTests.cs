using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>Operators merge incidents and split complaints out; counts, phase and tier are re-derived from the complaints.</summary>
public class IncidentRegroupingTests
{
    private const string OtherKey = "brand:a|sku:2";

    private static Incident Wave(string key, string prefix, int customers, int startHour = 0)
    {
        var incident = new Incident(new IncidentState(), new DetectionOptions());
        for (var i = 0; i < customers; i++)
        {
            incident.Apply(Of($"{prefix}{i}", Hours(startHour + i), i % 2 == 0 ? Channel.Phone : Channel.Email, key: key));
        }
        return incident;
    }

    private static (long Complaints, long Participants, Phase Phase, Tier Tier, long Phone, long Email) Figures(IncidentState s) =>
        (s.Complaints, s.ParticipantCount, s.Phase, s.Tier, s.ComplaintsByChannel.GetValueOrDefault(Channel.Phone), s.ComplaintsByChannel.GetValueOrDefault(Channel.Email));

    [Fact]
    public void MergeThenSplitByCustomer_RestoresTheOriginalCountsOfBoth()
    {
        var a = Wave(Key, "a", 3);
        var b = Wave(OtherKey, "b", 8, startHour: 1);
        var (aBefore, bBefore) = (Figures(a.State), Figures(b.State));
        Assert.Equal(Phase.Following, a.State.Phase);

        var merged = a.Absorb(b.State, T0 + Hours(12), "agent-7", "same battery fault");
        var closed = b.MergedInto(a.State.Key, a.State.Id, T0 + Hours(12), "agent-7", "same battery fault");

        // 11 customers within 24 h: a mass complaint now, one change saying why.
        Assert.Equal((11L, 11L, Phase.Mass), (a.State.Complaints, a.State.ParticipantCount, a.State.Phase));
        Assert.Equal(ChangeKind.Merged, merged.Kind);
        Assert.StartsWith($"{b.State.Id} (8 complaints, 8 customers) merged in by agent-7: same battery fault", merged.Reasons[0]);
        Assert.True(merged.ToTier > merged.FromTier);
        Assert.Equal((ChangeKind.Merged, Key), (closed.Kind, b.State.MergedInto));
        Assert.True(b.State.IsClosed);
        Assert.Contains(b.State.Id, a.State.MergedFrom);

        var split = a.Split(f => f.CustomerKey.StartsWith('b'), "split:test", T0 + Hours(13), "agent-7", "different batch");

        Assert.NotNull(split);
        var (off, change) = split.Value;
        Assert.Equal(aBefore, Figures(a.State));
        Assert.Equal(bBefore, Figures(off));
        Assert.Equal((ChangeKind.Split, Phase.Mass, Phase.Following), (change.Kind, change.FromPhase, change.ToPhase));
        Assert.Equal(a.State.Id, off.SplitFrom);
        Assert.Equal(IncidentKeys.IncidentId("split:test", 1), off.Id);
        Assert.Equal("b0", off.Starter!.CustomerKey);
    }

    [Fact]
    public void SplitByTimeRange_MovesThoseComplaints_AndBothSidesAreRederived()
    {
        var a = Wave(Key, "c", 12);
        Assert.Equal(Phase.Mass, a.State.Phase);

        var (off, _) = a.Split(f => f.OccurredAt >= T0 + Hours(9), "split:late", T0 + Hours(20), "agent-7", null)!.Value;

        Assert.Equal((9L, 9L), (a.State.Complaints, a.State.ParticipantCount));
        Assert.Equal(Phase.Following, a.State.Phase);
        Assert.Equal((3L, 3L, Phase.Following), (off.Complaints, off.ParticipantCount, off.Phase));
        Assert.Equal(9, a.State.Ledger.Count);
        Assert.Equal("c9", off.Starter!.CustomerKey);
    }

    [Fact]
    public void Split_PickingNoneOrAll_DoesNothing()
    {
        var a = Wave(Key, "d", 4);

        Assert.Null(a.Split(_ => false, "split:x", T0 + Hours(5), "agent-7", null));
        Assert.Null(a.Split(_ => true, "split:x", T0 + Hours(5), "agent-7", null));
        Assert.Equal(4, a.State.Complaints);
    }

    [Fact]
    public void Merge_PastTheLedger_AddsTheFigures_AndSplitIsRefused()
    {
        var big = new Incident(new IncidentState(), new DetectionOptions { MassCustomers = 5000 });
        for (var i = 0; i <= Incident.LedgerKept; i++)
        {
            big.Apply(Of($"e{i}", TimeSpan.FromSeconds(i), key: Key));
        }
        var small = Wave(OtherKey, "f", 2);
        Assert.True(big.State.LedgerOverflowed);
        Assert.Empty(big.State.Ledger);

        var merged = big.Absorb(small.State, T0 + Hours(3), "agent-7", null);

        Assert.Equal(Incident.LedgerKept + 3, big.State.Complaints);
        Assert.InRange(big.State.ParticipantCount, Incident.LedgerKept - 20, Incident.LedgerKept + 25); // estimated beyond the sample
        Assert.Contains("figures added", merged.Reasons[0]);
        Assert.False(big.CanSplit);
        Assert.Throws<InvalidOperationException>(() => big.Split(_ => true, "split:y", T0 + Hours(4), "agent-7", null));
    }

    [Fact]
    public void MergedState_RoundTripsThroughJson_AndSplitsTheSameAfterARestart()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var a = Wave(Key, "a", 3);
        var b = Wave(OtherKey, "b", 5, startHour: 1);
        a.Absorb(b.State, T0 + Hours(12), "agent-7", null);
        b.MergedInto(Key, a.State.Id, T0 + Hours(12), "agent-7", null);

        var restored = new Incident(JsonSerializer.Deserialize<IncidentState>(JsonSerializer.Serialize(a.State, json), json)!, new DetectionOptions());
        var restoredB = JsonSerializer.Deserialize<IncidentState>(JsonSerializer.Serialize(b.State, json), json)!;

        Assert.Equal(Key, restoredB.MergedInto);
        Assert.Equal(8, restored.State.Ledger.Count);
        var (off, _) = restored.Split(f => f.CustomerKey.StartsWith('b'), "split:r", T0 + Hours(13), "agent-7", null)!.Value;
        Assert.Equal((3L, 5L), (restored.State.Complaints, off.Complaints));
    }
}

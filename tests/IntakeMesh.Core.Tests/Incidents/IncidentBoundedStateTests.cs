using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;
using Xunit.Abstractions;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>A wave of a million customers costs about what one of ten thousand does, and survives a JSON round trip.</summary>
public class IncidentBoundedStateTests(ITestOutputHelper output)
{
    // As the grains store it: web defaults, enums as strings.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // One long wave: no quiet period, distinct customers every 20 s (so both runs fill the 48 h minute buckets).
    private static readonly DetectionOptions LongWave = new() { QuietPeriod = TimeSpan.FromDays(3650), MaxIncidentAge = TimeSpan.FromDays(3650) };

    private static Incident Wave(int customers)
    {
        var incident = new Incident(new IncidentState(), LongWave);
        for (var i = 0; i < customers; i++)
        {
            incident.Apply(new ComplaintFact($"e{i}", Channel.Social, T0.AddSeconds(20.0 * i), $"cus-{i:x8}", Key,
                ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Calm, RiskSignals.None)
            {
                TextSimHash = (ulong)i * 0x9E3779B97F4A7C15UL,
                PostId = $"p{i}",
                ReplyTo = i > 0 ? $"p{i - 1}" : null,
            });
        }
        return incident;
    }

    [Fact]
    public void State_MillionParticipants_SerialisesWithin1Point5TimesTenThousand()
    {
        var small = JsonSerializer.SerializeToUtf8Bytes(Wave(10_000).State, Json).Length;
        var million = Wave(1_000_000);
        var large = JsonSerializer.SerializeToUtf8Bytes(million.State, Json).Length;

        output.WriteLine($"state as JSON: 10k participants {small:N0} bytes, 1M participants {large:N0} bytes");
        Assert.True(large <= small * 1.5, $"10k: {small} bytes, 1M: {large} bytes");
        Assert.Equal(Incident.ParticipantSample, million.State.Participants.Count);
        Assert.Equal("cus-00000000", million.State.Starter!.CustomerKey);
        // HyperLogLog with 2^14 registers: standard error 0.8%.
        Assert.InRange(million.State.ParticipantCount, 975_000, 1_025_000);
        Assert.Equal(Phase.Mass, million.State.Phase);
    }

    [Fact]
    public void State_RoundTripsThroughJson_AndTheRulesGoOnFromIt()
    {
        var original = Wave(500);
        var json = JsonSerializer.Serialize(original.State, Json);

        var restored = new Incident(JsonSerializer.Deserialize<IncidentState>(json, Json)!, LongWave);
        original.Apply(Of("cus-00000001", Hours(10)));
        restored.Apply(Of("cus-00000001", Hours(10)));
        original.Apply(Of("late", Hours(11)));
        restored.Apply(Of("late", Hours(11)));
        // A redelivery of an event applied before the round trip is still dropped.
        restored.Apply(new ComplaintFact("e3", Channel.Social, T0, "cus-00000003", Key, default, default, default, default));

        Assert.Equal(JsonSerializer.Serialize(original.State, Json), JsonSerializer.Serialize(restored.State, Json));
        Assert.Equal(501, restored.State.ParticipantCount, tolerance: 10);
    }

    [Fact]
    public void Apply_BeyondTheSample_TheWindowStillCountsDistinctCustomers()
    {
        var incident = new Incident(new IncidentState(), new DetectionOptions());
        // 250 customers, one every 30 min (more than the exact sample holds), then the last ten complain again an hour later.
        var first = Enumerable.Range(0, 250).Select(i => Of($"c{i}", Hours(i * 0.5))).ToList();
        foreach (var fact in first)
        {
            incident.Apply(fact);
        }
        var peak = incident.State.PeakWindowCustomers;

        foreach (var fact in first.Skip(240))
        {
            incident.Apply(fact with { EventId = fact.EventId + "-again", OccurredAt = fact.OccurredAt + Hours(1) });
        }

        Assert.Equal(49, peak);
        Assert.Equal(peak, incident.State.PeakWindowCustomers);
        Assert.Equal(250, incident.State.ParticipantCount, tolerance: 3);
    }
}

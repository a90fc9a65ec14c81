using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>The merge ledger is stored without default-valued members and reads back fact for fact.</summary>
public class LedgerJsonTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Ledger_RoundTripsEveryMember_AndLeavesOutThoseAtTheirDefault()
    {
        var bare = Facts.Of("cus-a", TimeSpan.Zero);
        var full = Facts.Of("cus-b", Facts.Hours(1), Channel.Regulator) with
        {
            Followers = 0,
            RegulatorCase = "12315-1",
            RegulatorDueAt = Facts.T0.AddDays(7),
            RegulatorBody = "12315",
            Brand = "Nimbus",
            Product = "SUV",
            Redelivered = true,
            ReceivedAt = Facts.T0.AddMinutes(61),
            TextSimHash = 42,
            Excerpt = "电池充不进电",
            DemandsCompensation = true,
            ContactNumber = 2,
            RepeatOf = "Phone:e1",
            Risks = RiskSignals.Media | RiskSignals.Safety,
        };
        var state = new IncidentState { Ledger = [bare, full] };

        var stored = JsonSerializer.Serialize(state, Json);
        var restored = JsonSerializer.Deserialize<IncidentState>(stored, Json)!;

        Assert.Equal(state.Ledger.Select(f => JsonSerializer.Serialize(f, Json)), restored.Ledger.Select(f => JsonSerializer.Serialize(f, Json)));
        var ledger = JsonDocument.Parse(stored).RootElement.GetProperty("ledger");
        Assert.False(ledger[0].TryGetProperty("regulatorCase", out _));
        Assert.False(ledger[0].TryGetProperty("redelivered", out _));
        Assert.True(ledger[0].TryGetProperty("linkedKeys", out _));
        Assert.Equal(0, ledger[1].GetProperty("followers").GetInt32()); // a nullable zero is not its default
        Assert.True(ledger[1].GetProperty("redelivered").GetBoolean());
        // Elsewhere in the state, nulls are still written as before.
        Assert.True(JsonDocument.Parse(stored).RootElement.TryGetProperty("closedAt", out _));
    }

    [Fact]
    public void Ledger_StoredByAnEarlierRelease_WithEveryMember_StillReads()
    {
        var fact = Facts.Of("cus-a", TimeSpan.Zero) with { Brand = "Aurora" };
        var earlier = $$"""{"ledger":[{{JsonSerializer.Serialize(fact, Json)}}]}""";

        var restored = JsonSerializer.Deserialize<IncidentState>(earlier, Json)!;

        Assert.Equal(JsonSerializer.Serialize(fact, Json), JsonSerializer.Serialize(restored.Ledger.Single(), Json));
    }
}

using IntakeMesh.Core.Incidents;
using IntakeMesh.Grains;
using IntakeMesh.Grains.Alerting;

namespace IntakeMesh.Board.Tests.Core;

/// <summary>Incident state stored before the board's hourly series and samples existed still loads, and starts counting.</summary>
public class StoredStateTests
{
    private const string BeforeTheBoard = """
        {"incident":{"id":"inc-1","key":"brand:acme|sku:x1","wave":1,"tier":"T2","phase":"Following",
         "firstSeen":"2026-11-20T08:00:00+00:00","lastSeen":"2026-11-20T10:00:00+00:00","lastActive":"2026-11-20T10:00:00+00:00",
         "complaints":3,"contacts":3,"participantCount":3,
         "participants":[{"customerKey":"cus-a","firstAt":"2026-11-20T08:00:00+00:00","channel":"Social","eventId":"e1"}],
         "complaintsByChannel":{"Social":3},"history":[]},
         "outbox":[],"alertedChanges":0}
        """;

    [Fact]
    public void Deserialize_StateWithoutHourlyCounts_LoadsEmpty_ThenCounts()
    {
        // Arrange
        var serializer = new JsonGrainStateSerializer();

        // Act
        var state = serializer.Deserialize<IncidentGrainState>(BinaryData.FromString(BeforeTheBoard)).Incident;
        var summary = IncidentSummary.From(state);
        new Incident(state, new DetectionOptions()).Apply(HourlyCountsTests.Fact("e9", "cus-z", new DateTimeOffset(2026, 11, 20, 11, 0, 0, TimeSpan.Zero)));

        // Assert
        Assert.Empty(summary.Hourly);
        Assert.Null(summary.HourlyFrom);
        Assert.Equal(1, state.Hourly.Total().Sum());
        Assert.Single(state.Samples);
        var again = serializer.Deserialize<IncidentGrainState>(serializer.Serialize(new IncidentGrainState { Incident = state })).Incident;
        Assert.Equal(1, again.Hourly.Total()[^1]);
        Assert.Equal(state.Samples[0], again.Samples[0]);
    }
}

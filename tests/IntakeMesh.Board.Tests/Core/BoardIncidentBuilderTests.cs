using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Host.Board;

namespace IntakeMesh.Board.Tests.Core;

/// <summary>What an incident's page gets: the key's own baseline for the chart, and for viewers numbers instead of customers.</summary>
public class BoardIncidentBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_BusyKey_CarriesItsCurrentBaseline_PerHourAndBusiestHour()
    {
        // Arrange: a key with two complaints a day for 14 days, then a burst.
        var options = new DetectionOptions();
        var state = new IncidentState();
        var incident = new Incident(state, options);
        for (var day = 0; day < 14; day++)
        {
            incident.Apply(HourlyCountsTests.Fact($"d{day}a", $"cus-d{day}a", Start.AddDays(day)));
            incident.Apply(HourlyCountsTests.Fact($"d{day}b", $"cus-d{day}b", Start.AddDays(day).AddHours(5)));
        }
        var last = Start.AddDays(14);
        for (var i = 0; i < 12; i++)
        {
            incident.Apply(HourlyCountsTests.Fact($"burst{i}", $"cus-burst{i}", last.AddMinutes(i * 5)));
        }

        // Act
        var current = state.Volume!.At(state.LastSeen!.Value, options);
        var page = BoardIncidentBuilder.Build(state, current, null, new BoardPermissions(Act: true, SeeCustomers: true, Reveal: false));

        // Assert
        Assert.NotNull(page.Baseline);
        Assert.Equal("current", page.Baseline.Source);
        Assert.Equal(2, page.Baseline.Daily);
        Assert.Equal(2.0 / 24, page.Baseline.PerHour, 6);
        Assert.Equal(1, page.Baseline.PeakHour);
        Assert.Equal(12, page.HourlyByChannel[Channel.Phone][^1]);
    }

    [Fact]
    public void Build_ForAViewer_NamesCustomersByNumber_AndLeavesOutOperatorsAndCaseReferences()
    {
        // Arrange: a starter, two followers replying to her post, a regulator case, an acknowledgement.
        var state = new IncidentState();
        var incident = new Incident(state, new DetectionOptions());
        incident.Apply(HourlyCountsTests.Fact("s1", "cus-starter", Start) with { Channel = Channel.Social, PostId = "p1" });
        incident.Apply(HourlyCountsTests.Fact("s2", "cus-f1", Start.AddHours(1)) with { Channel = Channel.Social, PostId = "p2", ReplyTo = "p1" });
        incident.Apply(HourlyCountsTests.Fact("r1", "cus-f2", Start.AddHours(2)) with { Channel = Channel.Regulator, RegulatorCase = "12315-1" });
        incident.Acknowledge(Start.AddHours(3), "pr-lead", "calling the starter");
        var audit = new[] { new AuditRecord(1, Start.AddHours(3), "pr-lead", "operator", AuditActions.IncidentAcknowledge, $"incident {state.Id}", "calling the starter", null) };

        // Act
        var viewer = BoardIncidentBuilder.Build(state, null, audit, new BoardPermissions(Act: false, SeeCustomers: false, Reveal: false));
        var operatorPage = BoardIncidentBuilder.Build(state, null, audit, new BoardPermissions(Act: true, SeeCustomers: true, Reveal: false));

        // Assert
        var json = System.Text.Json.JsonSerializer.Serialize(viewer);
        Assert.DoesNotContain("cus-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("pr-lead", json, StringComparison.Ordinal);
        Assert.DoesNotContain("calling the starter", json, StringComparison.Ordinal);
        Assert.DoesNotContain("12315-1", json, StringComparison.Ordinal);
        Assert.Equal(["#1", "#2", "#3"], viewer.Participants.Select(p => p.Label));
        Assert.Equal("#1", viewer.Participants[1].FollowerOf);
        Assert.Equal(("#1", "#2"), (viewer.Chain.Sample[0].Leader, viewer.Chain.Sample[0].Follower));
        Assert.Equal("#1", viewer.Samples[0].Customer);
        Assert.Equal(AuditActions.IncidentAcknowledge, Assert.Single(viewer.Audit).Action);
        Assert.Contains("acknowledged at", viewer.History[^1].Reasons[0]);
        // An operator sees who: keys, names, notes and the case reference.
        Assert.Equal("cus-starter", operatorPage.Participants[0].CustomerKey);
        Assert.Equal("pr-lead", operatorPage.Acknowledged!.By);
        Assert.Equal(["12315-1"], operatorPage.Signals.RegulatorCaseRefs);
        Assert.Equal("pr-lead", Assert.Single(operatorPage.Audit).Actor);
    }
}

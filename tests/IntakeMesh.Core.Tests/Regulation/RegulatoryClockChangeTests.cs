using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Regulation;
using static IntakeMesh.Core.Tests.Regulation.RegulationFacts;

namespace IntakeMesh.Core.Tests.Regulation;

/// <summary>Operator actions, merges, the bound, and a restart through JSON.</summary>
public class RegulatoryClockChangeTests
{
    // As the grains store state: web defaults, enums as strings.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly RegulatoryClocks Defaults = new(new RegulationOptions());
    private static readonly RegulatoryClocks Clocks = new(TenDays());
    private static readonly DateTimeOffset Feb9 = new(2026, 2, 9, 10, 0, 0, China);

    [Fact]
    public void Stop_Acknowledged_StopsAcceptanceOnly()
    {
        var set = Defaults.SetOf(Defaults.Start("12315", "cn-1", Feb9));
        var at = Feb9.AddDays(1);

        Assert.Equal(1, Defaults.Stop(set, StopCondition.Acknowledged, at));

        var clock = set.Clocks[0];
        Assert.Equal(at, clock.Stage("acceptance")!.StoppedAt);
        Assert.True(clock.Stage("acceptance")!.Met);
        Assert.Null(clock.Stage("mediation")!.StoppedAt);
        Assert.True(clock.IsOpen);
    }

    [Fact]
    public void Stop_Resolved_StopsEveryOpenStage()
    {
        var set = Defaults.SetOf(Defaults.Start("CFPB", "us-1", Received));

        Assert.Equal(2, Defaults.Stop(set, StopCondition.Resolved, Received.AddDays(20)));

        Assert.False(set.Clocks[0].IsOpen);
        Assert.False(set.Clocks[0].Stage("response")!.Met);
        Assert.True(set.Clocks[0].Stage("final")!.Met);
        Assert.Equal(0, Defaults.Stop(set, StopCondition.Resolved, Received.AddDays(21)));
    }

    [Fact]
    public void Stop_BeforeTheCaseWasReceived_LeavesItRunning()
    {
        var set = Clocks.SetOf(Clocks.Start("TESTREG", "late", Received.AddDays(2)));

        Assert.Equal(0, Clocks.Stop(set, StopCondition.Resolved, Received.AddDays(1)));
        Assert.True(set.Clocks[0].IsOpen);
    }

    [Fact]
    public void Stop_AcknowledgeLate_MediationRearmsWarningsStillAhead()
    {
        var set = Defaults.SetOf(Defaults.Start("12315", "cn-1", Feb9));
        var mediation = set.Clocks[0].Stage("mediation")!;
        var provisional75 = RegulatoryClocks.WarningAt(mediation, 0.75);
        Defaults.DueAlarms(set, provisional75);
        Assert.Equal(0.75, mediation.Warned);

        // Accepted (very late) right after the provisional 75% warning: counted from acceptance, 75% is ahead again.
        Defaults.Stop(set, StopCondition.Acknowledged, provisional75.AddHours(1));

        Assert.Equal(0, mediation.Warned);
        Assert.Equal(provisional75.AddHours(1), mediation.StartsAt);
        Assert.Equal(RegulatoryClocks.WarningAt(mediation, 0.75), Defaults.NextAlarmAt(set));
    }

    [Fact]
    public void Merge_SameCase_KeepsTheEarliestDeadlineAndFiredMarks()
    {
        var target = Clocks.SetOf(Clocks.Start("TESTREG", "case-1", Received, dueAt: Due.AddDays(5)));
        var source = Clocks.SetOf(Clocks.Start("TESTREG", "case-1", Received));
        Clocks.DueAlarms(target, Received.AddDays(13));

        Clocks.Merge(target, source);

        var stage = Assert.Single(target.Clocks).Stages.Single();
        Assert.Equal(Due, stage.DueAt);
        Assert.False(stage.FromRecord);
        Assert.Equal(0.75, stage.Warned);
        // The earlier deadline has passed: its breach fires once, then nothing.
        Assert.Equal(AlarmKind.Breach, Assert.Single(Clocks.DueAlarms(target, Received.AddDays(13))).Kind);
        Assert.Empty(Clocks.DueAlarms(target, Received.AddDays(13)));
    }

    [Fact]
    public void Merge_SameCaseLaterInSource_KeepsTargetsDeadline()
    {
        var target = Clocks.SetOf(Clocks.Start("TESTREG", "case-1", Received));
        var source = Clocks.SetOf(Clocks.Start("TESTREG", "case-1", Received, dueAt: Due.AddDays(5)));
        Clocks.DueAlarms(source, Received.AddDays(15));

        Clocks.Merge(target, source);

        var stage = target.Clocks[0].Stages[0];
        Assert.Equal(Due, stage.DueAt);
        Assert.Equal(0.9, stage.Warned);
        Assert.Empty(Clocks.DueAlarms(target, Received.AddMinutes(237 * 60 + 36)));
    }

    [Fact]
    public void Merge_AcceptedAndUnacceptedCopies_KeepTheEarlierMediationThroughLaterActions()
    {
        var target = Defaults.SetOf(Defaults.Start("12315", "cn-1", Feb9));
        var source = Defaults.SetOf(Defaults.Start("12315", "cn-1", Feb9));
        Defaults.Stop(target, StopCondition.Acknowledged, Feb9.AddDays(3));
        var provisional = source.Clocks[0].Stage("mediation")!.DueAt;
        Assert.True(target.Clocks[0].Stage("mediation")!.DueAt > provisional);

        Defaults.Merge(target, source);
        Defaults.Stop(target, StopCondition.Acknowledged, Feb9.AddDays(4));

        var clock = Assert.Single(target.Clocks);
        Assert.Equal(Feb9.AddDays(3), clock.Stage("acceptance")!.StoppedAt);
        Assert.Equal(provisional, clock.Stage("mediation")!.DueAt);
    }

    [Fact]
    public void Merge_DifferentCases_UnionsThemAsCopiesAndAddsDropped()
    {
        var target = Clocks.SetOf(Clocks.Start("TESTREG", "a", Received));
        var source = Clocks.SetOf(Clocks.Start("TESTREG", "b", Received));
        source.Dropped = 4;

        Clocks.Merge(target, source);
        Clocks.Stop(target, StopCondition.Resolved, Received.AddDays(1));

        Assert.Equal(["a", "b"], target.Clocks.Select(c => c.CaseRef));
        Assert.Equal(4, target.Dropped);
        Assert.True(source.Clocks[0].IsOpen);
    }

    [Fact]
    public void Add_OverTheBound_DropsTheLatestOpenDeadlinesAndCountsThem()
    {
        var clocks = new RegulatoryClocks(TenDays(maxClocks: 3));
        var set = clocks.SetOf(
            clocks.Start("TESTREG", "d+3", Received.AddDays(3)),
            clocks.Start("TESTREG", "d+1", Received.AddDays(1)),
            clocks.Start("TESTREG", "closed", Received));
        clocks.Stop(set, StopCondition.Resolved, Received);

        Assert.True(clocks.Add(set, clocks.Start("TESTREG", "d+2", Received.AddDays(2))));
        Assert.False(clocks.Add(set, clocks.Start("TESTREG", "d+9", Received.AddDays(9))));

        Assert.Equal(["d+3", "d+1", "d+2"], set.Clocks.Select(c => c.CaseRef));
        Assert.Equal(2, set.Dropped);
    }

    [Fact]
    public void MarkExceptional_StageWithoutExceptionalLength_Refused()
    {
        var clock = Clocks.Start("TESTREG", "case-1", Received);

        Assert.False(Clocks.MarkExceptional(clock, "final", Received.AddDays(1)));
        Assert.Equal(Due, clock.Stages[0].DueAt);
    }

    [Fact]
    public void ClockSet_RoundTripsThroughJson_AndFiredMarksSurvive()
    {
        var set = Defaults.SetOf(Defaults.Start("12315", "cn-1", Feb9), Defaults.Start("CFPB", "us-1", Received, Due));
        var warnedAt = RegulatoryClocks.WarningAt(set.Clocks[0].Stage("acceptance")!, 0.9);
        var fired = Defaults.DueAlarms(set, warnedAt);
        Defaults.Stop(set, StopCondition.Acknowledged, warnedAt);

        var json = JsonSerializer.Serialize(set, Json);
        var restored = JsonSerializer.Deserialize<RegulatoryClockSet>(json, Json)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored, Json));
        Assert.Contains("\"stopsOn\":\"Acknowledged\"", json);
        Assert.NotEmpty(fired);
        Assert.Empty(Defaults.DueAlarms(restored, warnedAt));
        Assert.Equal(Defaults.NextAlarmAt(set), Defaults.NextAlarmAt(restored));
    }
}

using IntakeMesh.Core.Regulation;
using static IntakeMesh.Core.Tests.Regulation.RegulationFacts;

namespace IntakeMesh.Core.Tests.Regulation;

/// <summary>Warnings at exactly their fraction, the breach at the deadline, each once.</summary>
public class RegulatoryAlarmTests
{
    private static readonly RegulatoryClocks Clocks = new(TenDays());

    // The span is 11 days (264 h): 75% is 198 h after receipt, 90% is 237.6 h.
    private static readonly DateTimeOffset At75 = Received.AddHours(198);
    private static readonly DateTimeOffset At90 = Received.AddMinutes(237 * 60 + 36);

    private static RegulatoryClockSet OneClock() => Clocks.SetOf(Clocks.Start("TESTREG", "case-1", Received));

    [Fact]
    public void DueAlarms_OneTickBefore75Percent_Nothing()
    {
        Assert.Empty(Clocks.DueAlarms(OneClock(), At75.AddTicks(-1)));
    }

    [Fact]
    public void DueAlarms_Exactly75Percent_OneWarning()
    {
        var alarm = Assert.Single(Clocks.DueAlarms(OneClock(), At75));

        Assert.Equal(new RegulatoryAlarm("case-1", "ten-days", "TESTREG", "final", AlarmKind.Warning, 0.75, Due, At75), alarm);
    }

    [Fact]
    public void DueAlarms_90Percent_NotATickBefore()
    {
        var set = OneClock();
        Clocks.DueAlarms(set, At75);

        Assert.Empty(Clocks.DueAlarms(set, At90.AddTicks(-1)));
        var alarm = Assert.Single(Clocks.DueAlarms(set, At90));
        Assert.Equal((AlarmKind.Warning, 0.9, At90), (alarm.Kind, alarm.Fraction, alarm.At));
    }

    [Fact]
    public void DueAlarms_AtTheDueInstant_Breach()
    {
        var set = OneClock();
        Clocks.DueAlarms(set, At90);

        Assert.Empty(Clocks.DueAlarms(set, Due.AddTicks(-1)));
        var alarm = Assert.Single(Clocks.DueAlarms(set, Due));
        Assert.Equal((AlarmKind.Breach, (double?)null, Due), (alarm.Kind, alarm.Fraction, alarm.At));
        Assert.True(set.Clocks[0].Stages[0].Breached);
    }

    [Fact]
    public void DueAlarms_CalledAgain_ReturnsNothingNew()
    {
        var set = OneClock();

        Assert.Single(Clocks.DueAlarms(set, At75));
        Assert.Empty(Clocks.DueAlarms(set, At75));
        Assert.Empty(Clocks.DueAlarms(set, At90.AddTicks(-1)));
        Assert.Single(Clocks.DueAlarms(set, Due));
        Assert.Empty(Clocks.DueAlarms(set, Due.AddDays(30)));
    }

    [Fact]
    public void DueAlarms_ReplayedHistoryPastTheDeadline_OnlyTheBreach()
    {
        var alarm = Assert.Single(Clocks.DueAlarms(OneClock(), Due.AddDays(3)));

        Assert.Equal(AlarmKind.Breach, alarm.Kind);
    }

    [Fact]
    public void DueAlarms_BothWarningsPassed_OnlyTheHigherOne()
    {
        var set = OneClock();

        var alarm = Assert.Single(Clocks.DueAlarms(set, At90.AddHours(1)));

        Assert.Equal(0.9, alarm.Fraction);
        Assert.Equal(Due, Clocks.NextAlarmAt(set));
    }

    [Fact]
    public void DueAlarms_StoppedStage_FiresNothing()
    {
        var set = OneClock();
        Clocks.Stop(set, StopCondition.Resolved, At75.AddTicks(-1));

        Assert.Empty(Clocks.DueAlarms(set, Due.AddDays(1)));
        Assert.True(set.Clocks[0].Stages[0].Met);
    }

    [Fact]
    public void NextAlarmAt_FollowsWarningsThenBreachThenNone()
    {
        var set = OneClock();
        Assert.Equal(At75, Clocks.NextAlarmAt(set));

        Clocks.DueAlarms(set, At75);
        Assert.Equal(At90, Clocks.NextAlarmAt(set));

        Clocks.DueAlarms(set, At90);
        Assert.Equal(Due, Clocks.NextAlarmAt(set));

        Clocks.DueAlarms(set, Due);
        Assert.Null(Clocks.NextAlarmAt(set));
    }

    [Fact]
    public void NextAlarmAt_EmptyOrStopped_IsNull()
    {
        var set = OneClock();
        Assert.Null(Clocks.NextAlarmAt(new RegulatoryClockSet()));

        Clocks.Stop(set, StopCondition.Resolved, Received.AddHours(1));

        Assert.Null(Clocks.NextAlarmAt(set));
    }

    [Fact]
    public void DueAlarms_ConfiguredFractions_FireAtTheirOwnMoments()
    {
        var options = TenDays();
        options.WarningFractions = [0.5];
        var clocks = new RegulatoryClocks(options);
        var set = clocks.SetOf(clocks.Start("TESTREG", "case-1", Received));

        Assert.Empty(clocks.DueAlarms(set, Received.AddHours(132).AddTicks(-1)));
        Assert.Equal(0.5, Assert.Single(clocks.DueAlarms(set, Received.AddHours(132))).Fraction);
        Assert.Equal(Due, clocks.NextAlarmAt(set));
    }
}

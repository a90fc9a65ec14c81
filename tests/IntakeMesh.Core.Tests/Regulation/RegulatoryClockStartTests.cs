using IntakeMesh.Core.Regulation;
using static IntakeMesh.Core.Tests.Regulation.RegulationFacts;

namespace IntakeMesh.Core.Tests.Regulation;

/// <summary>Which rule a complaint gets, and the record's own due date.</summary>
public class RegulatoryClockStartTests
{
    private static readonly RegulatoryClocks Clocks = new(new RegulationOptions
    {
        ProductLines =
        [
            new RegulatedProductLine { Brand = "Aurora", Product = "ax7-bat-48v", Rule = "cn-samr" },
            new RegulatedProductLine { Brand = "paywell", Rule = "UK-FCA-PAYMENTS" },
        ],
    });

    [Theory]
    [InlineData("12315", "cn-samr")]
    [InlineData("上海市市场监督管理局", "cn-samr")]
    [InlineData("samr shanghai", "cn-samr")]
    [InlineData("fca", "uk-fca-disp")]
    [InlineData("FCA (UK)", "uk-fca-disp")]
    [InlineData("Financial Ombudsman Service", "uk-fca-disp")]
    [InlineData("Consumer Financial Protection Bureau", "us-cfpb")]
    public void RuleFor_KnownBody_MatchesCaseInsensitively(string body, string rule)
    {
        Assert.Equal(rule, Clocks.RuleFor(body, null, null));
    }

    [Theory]
    [InlineData("FCAB")]
    [InlineData("Trading Standards")]
    [InlineData("")]
    public void RuleFor_UnknownBody_IsNull(string body)
    {
        Assert.Null(Clocks.RuleFor(body, null, null));
    }

    [Fact]
    public void RuleFor_RegulatedProductLine_WinsOverTheBody()
    {
        Assert.Equal("uk-fca-payments", Clocks.RuleFor("FCA", "PAYWELL", "card"));
        Assert.Equal("cn-samr", Clocks.RuleFor(null, "aurora", "AX7-BAT-48V"));
        Assert.Null(Clocks.RuleFor(null, "aurora", "ax9"));
    }

    [Fact]
    public void Start_NoBodyNoProductLineNoDueDate_IsNull()
    {
        Assert.Null(Clocks.Start(null, "other", "thing", "c-1", Received, null));
        Assert.Null(Clocks.Start("Trading Standards", null, null, "c-2", Received, null));
    }

    [Fact]
    public void Start_UnknownBodyWithDueDate_RecordClockWithOneFinalStage()
    {
        var clock = Clocks.Start("Trading Standards", null, null, "c-3", Received, Due)!;

        Assert.Equal(RegulationOptions.RecordRule, clock.Rule);
        var stage = Assert.Single(clock.Stages);
        Assert.Equal(("final", Due, true, StopCondition.Resolved), (stage.Name, stage.DueAt, stage.FromRecord, stage.StopsOn));
        Assert.Equal("Trading Standards", clock.Body);
    }

    [Fact]
    public void Start_RecordDueDate_ReplacesTheLastStageOnly()
    {
        var received = new DateTimeOffset(2026, 2, 9, 10, 0, 0, China);
        var recordDue = new DateTimeOffset(2026, 3, 20, 18, 0, 0, China);

        var clock = Clocks.Start("12315", null, null, "c-4", received, recordDue)!;

        Assert.Equal(new DateTimeOffset(2026, 2, 26, 0, 0, 0, China), clock.Stage("acceptance")!.DueAt);
        Assert.False(clock.Stage("acceptance")!.FromRecord);
        Assert.Equal(recordDue, clock.Stage("mediation")!.DueAt);
        Assert.True(clock.Stage("mediation")!.FromRecord);
    }

    [Fact]
    public void Start_RecordDueDateLaterThanTheRule_StillWins()
    {
        var clock = Clocks.Start("CFPB", null, null, "c-5", Received, Received.AddDays(300))!;

        Assert.Equal(Received.AddDays(300), clock.Stage("final")!.DueAt);
    }

    [Fact]
    public void Stop_AfterAcknowledge_DoesNotRecountAStageWithTheRecordsDueDate()
    {
        var recordDue = new DateTimeOffset(2026, 3, 20, 18, 0, 0, China);
        var set = Clocks.SetOf(Clocks.Start("12315", null, null, "c-6", new DateTimeOffset(2026, 2, 9, 10, 0, 0, China), recordDue)!);

        Clocks.Stop(set, StopCondition.Acknowledged, new DateTimeOffset(2026, 2, 11, 10, 0, 0, China));

        Assert.Equal(recordDue, set.Find("c-6")!.Stage("mediation")!.DueAt);
    }
}

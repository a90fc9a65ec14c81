using IntakeMesh.Core.Regulation;
using static IntakeMesh.Core.Tests.Regulation.RegulationFacts;

namespace IntakeMesh.Core.Tests.Regulation;

/// <summary>Each shipped rule's deadlines, counted on the shipped calendars.</summary>
public class RegulationDefaultsTests
{
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    private static readonly RegulatoryClocks Clocks = new(new RegulationOptions
    {
        ProductLines = [new RegulatedProductLine { Brand = "paywell", Rule = "uk-fca-payments" }],
    });

    [Fact]
    public void Defaults_Validate_WithoutErrors()
    {
        Assert.Empty(new RegulationOptions().Validate());
    }

    [Fact]
    public void ChinaCalendar2026_MatchesTheStateCouncilNotice()
    {
        var cn = RegulationDefaults.Calendars()[RegulationDefaults.China];

        Assert.Equal(33, cn.Holidays.Count);
        Assert.Equal(6, cn.WorkingDays.Count);
        Assert.False(cn.IsWorkingDay(new DateOnly(2026, 1, 1)));    // Thursday, New Year's Day
        Assert.True(cn.IsWorkingDay(new DateOnly(2026, 1, 4)));     // Sunday worked in exchange
        Assert.All(cn.WorkingDays, d => Assert.Contains(d.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
        Assert.False(cn.IsWorkingDay(new DateOnly(2026, 2, 23)));   // Monday, last day of the Spring Festival
        Assert.True(cn.IsWorkingDay(new DateOnly(2026, 2, 28)));    // Saturday worked in exchange
        Assert.False(cn.IsWorkingDay(new DateOnly(2026, 10, 7)));
        Assert.True(cn.IsWorkingDay(new DateOnly(2026, 10, 8)));
    }

    [Fact]
    public void Samr_Acceptance_SevenWorkingDaysAcrossSpringFestivalAndMakeUpDay()
    {
        // Monday 9 February: Tue–Fri (4), Saturday 14th worked (5), 15th–23rd off, Tue 24th (6), Wed 25th (7).
        var clock = Clocks.Start("12315", "cn-1", new DateTimeOffset(2026, 2, 9, 10, 0, 0, China));

        Assert.Equal("cn-samr", clock.Rule);
        Assert.Equal(new DateTimeOffset(2026, 2, 26, 0, 0, 0, China), clock.Stage("acceptance")!.DueAt);
        Assert.Equal(StopCondition.Acknowledged, clock.Stage("acceptance")!.StopsOn);
    }

    [Fact]
    public void Samr_Mediation_FortyFiveWorkingDaysFromReceiptUntilAccepted()
    {
        // Monday 2 March: Qingming (4–6 April) and Labour Day (1–5 May) are skipped; the 45th is Friday 8 May.
        var clock = Clocks.Start("上海市市场监督管理局", "cn-2", new DateTimeOffset(2026, 3, 2, 9, 0, 0, China));

        Assert.Equal(new DateTimeOffset(2026, 5, 9, 0, 0, 0, China), clock.Stage("mediation")!.DueAt);
        Assert.Equal(StopCondition.Resolved, clock.Stage("mediation")!.StopsOn);
    }

    [Fact]
    public void Samr_Mediation_AfterAcceptance_CountsFortyFiveWorkingDaysFromIt()
    {
        var clock = Clocks.Start("SAMR", "cn-3", new DateTimeOffset(2026, 3, 2, 9, 0, 0, China));
        var set = Clocks.SetOf(clock);

        // Accepted Wednesday 4 March: the 45th working day after is Monday 11 May (Saturday 9 May is worked).
        Clocks.Stop(set, StopCondition.Acknowledged, new DateTimeOffset(2026, 3, 4, 10, 0, 0, China));

        var mediation = set.Find("cn-3")!.Stage("mediation")!;
        Assert.Equal(new DateTimeOffset(2026, 5, 12, 0, 0, 0, China), mediation.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 0, 0, China), mediation.StartsAt);
        Assert.True(mediation.IsOpen);
    }

    [Fact]
    public void FcaDisp_FinalResponse_EightWeeksInLondonTime()
    {
        var clock = Clocks.Start("Financial Conduct Authority", "uk-1", new DateTimeOffset(2026, 6, 1, 9, 0, 0, Bst));

        Assert.Equal("uk-fca-disp", clock.Rule);
        Assert.Equal(new DateTimeOffset(2026, 7, 28, 0, 0, 0, Bst), Assert.Single(clock.Stages).DueAt);
    }

    [Fact]
    public void FcaPayments_FinalResponse_FifteenBusinessDaysThirtyFiveWhenExceptional()
    {
        var clock = Clocks.Start("FCA", "paywell", null, "uk-2", new DateTimeOffset(2026, 6, 1, 9, 0, 0, Bst), null)!;

        Assert.Equal("uk-fca-payments", clock.Rule);
        Assert.Equal(new DateTimeOffset(2026, 6, 23, 0, 0, 0, Bst), clock.Stage("final")!.DueAt);

        Assert.True(Clocks.MarkExceptional(clock, "final", new DateTimeOffset(2026, 6, 10, 9, 0, 0, Bst)));

        Assert.Equal(new DateTimeOffset(2026, 7, 21, 0, 0, 0, Bst), clock.Stage("final")!.DueAt);
        Assert.True(clock.Stage("final")!.Exceptional);
    }

    [Fact]
    public void Cfpb_ResponseAndFinal_FifteenAndSixtyCalendarDaysInEasternTime()
    {
        // Received 2 March 2026 (EST); both deadlines fall after the 8 March change to EDT (UTC−4).
        var clock = Clocks.Start("CFPB", "us-1", new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal("us-cfpb", clock.Rule);
        Assert.Equal(Utc(2026, 3, 18, 4), clock.Stage("response")!.DueAt);
        Assert.Equal(StopCondition.Acknowledged, clock.Stage("response")!.StopsOn);
        Assert.Equal(Utc(2026, 5, 2, 4), clock.Stage("final")!.DueAt);
    }
}

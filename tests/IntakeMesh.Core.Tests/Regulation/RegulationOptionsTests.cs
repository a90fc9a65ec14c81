using IntakeMesh.Core.Regulation;
using static IntakeMesh.Core.Tests.Regulation.RegulationFacts;

namespace IntakeMesh.Core.Tests.Regulation;

/// <summary>Each bad value is reported with its configuration key; configured entries replace shipped ones.</summary>
public class RegulationOptionsTests
{
    private static string Single(RegulationOptions options) => Assert.Single(options.Validate());

    [Fact]
    public void Validate_UnknownCalendar_NamesTheRuleAndTheKnownCalendars()
    {
        var options = TenDays();
        options.Rules["ten-days"].Calendar = "mars";

        Assert.Equal("Regulation:Rules:ten-days:Calendar 'mars' is not a known calendar (known: utc)", Single(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_NonPositiveDays_NamesTheStage(int days)
    {
        var options = TenDays();
        options.Rules["ten-days"].Stages[0].Days = days;

        Assert.Equal($"Regulation:Rules:ten-days:Stages:0:Days must be positive, not {days}", Single(options));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Validate_FractionOutsideZeroToOne_NamesItsIndex(double fraction)
    {
        var options = TenDays();
        options.WarningFractions = [0.5, fraction];

        Assert.StartsWith("Regulation:WarningFractions:1 must be between 0 and 1", Single(options));
    }

    [Fact]
    public void Validate_FractionsNotAscending_Reported()
    {
        var options = TenDays();
        options.WarningFractions = [0.9, 0.75];

        Assert.Equal("Regulation:WarningFractions must ascend without repeats, e.g. [0.75, 0.9], not [0.9, 0.75]", Single(options));
    }

    [Fact]
    public void Validate_UnknownTimeZone_NamesTheCalendar()
    {
        var options = TenDays();
        options.Calendars["utc"].TimeZone = "Europe/Atlantis";

        Assert.StartsWith("Regulation:Calendars:utc:TimeZone 'Europe/Atlantis' is not a time zone known", Single(options));
    }

    [Fact]
    public void Validate_ProductLines_NeedAFieldAndAKnownRule()
    {
        var options = TenDays();
        options.ProductLines = [new RegulatedProductLine { Rule = "ten-days" }, new RegulatedProductLine { Brand = "a", Rule = "nine-days" }];

        Assert.Equal(
            ["Regulation:ProductLines:0 must set Brand, Product or both", "Regulation:ProductLines:1:Rule 'nine-days' is not a known rule (known: ten-days)"],
            options.Validate());
    }

    [Fact]
    public void Validate_StagesAndNames_Reported()
    {
        var options = TenDays();
        options.Rules["record"] = new RegulatoryRule { Calendar = "utc", Stages = [new StageRule { Name = "x", Days = 1 }] };
        options.Rules["ten-days"].Stages =
        [
            new StageRule { Name = "a", Days = 5, After = "b", ExceptionalDays = 5 },
            new StageRule { Name = "A", Days = 5 },
        ];

        Assert.Equal(
            [
                "Regulation:Rules:ten-days:Stages:0:ExceptionalDays must be longer than Days (5), not 5",
                "Regulation:Rules:ten-days:Stages:0:After 'b' must name an earlier stage of the same rule",
                "Regulation:Rules:ten-days:Stages:1:Name 'A' is used by an earlier stage of the rule",
                "Regulation:Rules:record: the name 'record' is reserved for clocks that only have the record's own due date",
            ],
            options.Validate());
    }

    [Fact]
    public void Validate_DayBothHolidayAndMakeUpDay_Reported()
    {
        var options = TenDays();
        options.Calendars["utc"].Holidays = [new(2026, 5, 1)];
        options.Calendars["utc"].WorkingDays = [new(2026, 5, 1)];

        Assert.Equal("Regulation:Calendars:utc: 2026-05-01 is both in Holidays and in WorkingDays", Single(options));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheMessages()
    {
        var options = TenDays(maxClocks: 0);

        var error = Assert.Throws<ArgumentException>(() => new RegulatoryClocks(options));

        Assert.Contains("Regulation:MaxClocks must be at least 1, not 0", error.Message);
    }

    [Fact]
    public void EffectiveRules_ConfiguredRuleOfAShippedName_ReplacesItWhole()
    {
        var options = new RegulationOptions
        {
            Rules = { ["US-CFPB"] = new RegulatoryRule { Bodies = ["CFPB"], Calendar = "us", Stages = [new StageRule { Name = "final", Days = 30 }] } },
        };

        var rules = options.EffectiveRules();

        Assert.Equal(["cn-samr", "uk-fca-disp", "uk-fca-payments", "US-CFPB"], rules.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(30, Assert.Single(rules["us-cfpb"].Stages).Days);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void EffectiveCalendars_ConfiguredShippedName_AddsItsDaysAndKeepsTheShippedOnes()
    {
        var options = new RegulationOptions
        {
            Calendars = { ["CN"] = new BusinessCalendar { Holidays = [new(2027, 1, 1)], WorkingDays = [new(2027, 1, 9)] } },
        };

        var cn = options.EffectiveCalendars()["cn"];

        Assert.Equal("Asia/Shanghai", cn.TimeZone);
        Assert.False(cn.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(cn.IsWorkingDay(new DateOnly(2027, 1, 9)));
        Assert.False(cn.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.Equal(34, cn.Holidays.Count);
    }

    [Fact]
    public void EffectiveCalendars_UseDefaultsOff_OnlyTheConfiguredOnes()
    {
        Assert.Equal(["utc"], TenDays().EffectiveCalendars().Keys);
        Assert.Equal(3, new RegulationOptions().EffectiveCalendars().Count);
    }
}

using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Tests.Incidents;

namespace IntakeMesh.Core.Tests.Explain;

/// <summary>Each tier change carries the rules that fired as data, with the same figures and thresholds as its reasons.</summary>
public class TierRuleTests
{
    [Fact]
    public void Apply_GroupThenMassThenRegulator_EachChangeNamesItsRuleFiguresAndThresholds()
    {
        // Arrange: 3 customers (group forming), 10 (mass), then a regulator case (mass with exposure).
        var facts = Enumerable.Range(0, 10).Select(i => Facts.Of($"c{i}", Facts.Hours(i))).ToList();
        facts.Add(Facts.Of("r1", Facts.Hours(12), Channel.Regulator) with { RegulatorCase = "12315-1" });

        // Act
        var history = Facts.Run([.. facts]).State.History;

        // Assert
        var opened = history[0];
        Assert.Equal(("single", 1d, 3d), (opened.Rules[0].Rule, opened.Rules[0].Figures["customers"], opened.Rules[0].Thresholds["followingCustomers"]));

        var group = history.Single(c => c.ToTier == Tier.T2);
        var forming = Assert.Single(group.Rules);
        Assert.Equal(("group-forming", 3d, 3d, "24 h"), (forming.Rule, forming.Figures["customersInWindow"], forming.Thresholds["followingCustomers"], forming.Detail));
        Assert.Contains("starter plus 2 followers within 24 h (threshold 2)", group.Reasons[0]);

        var mass = history.Single(c => c.ToTier == Tier.T3);
        Assert.Equal(("mass", 10d, 10d), (mass.Rules[0].Rule, mass.Rules[0].Figures["customersInWindow"], mass.Rules[0].Thresholds["massCustomers"]));
        Assert.Contains("10 customers within 24 h (threshold 10)", mass.Reasons[0]);

        var exposed = history.Single(c => c.ToTier == Tier.T4);
        Assert.Equal(["mass", "exposure"], exposed.Rules.Select(r => r.Rule));
        Assert.Equal(1d, exposed.Rules[1].Figures["regulatorCases"]);
        Assert.Contains("1 regulator cases", exposed.Reasons[0]);
    }

    [Fact]
    public void Apply_HighReachStarter_RuleCarriesFollowersAndThreshold()
    {
        var incident = Facts.Run(Facts.Of("c1", TimeSpan.Zero, Channel.Social) with { Followers = 250_000 });

        var rule = Assert.Single(incident.State.History[^1].Rules);

        Assert.Equal(("high-reach-starter", 250_000d, 100_000d, "social"), (rule.Rule, rule.Figures["starterFollowers"], rule.Thresholds["highReachFollowers"], rule.Detail));
    }

    [Fact]
    public void Apply_KeyWithABaseline_MassRuleCarriesTheBaseline()
    {
        // Arrange: a key with a steady flow for 10 days, then a burst far above it.
        var options = new DetectionOptions();
        var steady = Enumerable.Range(0, 10 * 24).Select(h => Facts.Of($"s{h % 5}", Facts.Hours(h)));
        var burst = Enumerable.Range(0, 40).Select(i => Facts.Of($"b{i}", Facts.Days(10) + TimeSpan.FromMinutes(i)));
        var incident = Facts.Run(options, [.. steady, .. burst]);

        // Act
        var raised = incident.State.History.Last(c => c.ToPhase == Phase.Mass && c.FromPhase != Phase.Mass);

        // Assert: the thresholds are the ones the phase rose with, over the baseline.
        var rule = raised.Rules.Single(r => r.Rule == "mass");
        Assert.Equal(options.BaselineMultiple, rule.Thresholds["baselineMultiple"]);
        Assert.True(rule.Figures.Keys.Any(k => k is "usualPerDay" or "usualBusiestHour"), string.Join(",", rule.Figures.Keys));
        Assert.True(rule.Figures.Values.First() >= rule.Thresholds.Values.First(), $"{raised.Reasons[0]}");
    }
}

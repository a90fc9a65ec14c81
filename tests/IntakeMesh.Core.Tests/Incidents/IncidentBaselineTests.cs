using IntakeMesh.Core.Incidents;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>Thresholds relative to the key's own trailing baseline: a wave, not a busy key, is an incident.</summary>
public class IncidentBaselineTests
{
    private static readonly DetectionOptions Options = new();

    /// <summary><paramref name="perDay"/> complaints a day from distinct customers, evenly spaced, from day <paramref name="fromDay"/> to before <paramref name="toDay"/>.</summary>
    private static IEnumerable<ComplaintFact> Steady(int perDay, double fromDay, double toDay, string prefix = "s")
    {
        var step = TimeSpan.FromDays(1) / perDay;
        for (var at = Days(fromDay); at < Days(toDay); at += step)
        {
            yield return Of($"{prefix}{at.Ticks}", at);
        }
    }

    private static void Feed(Incident incident, IEnumerable<ComplaintFact> facts)
    {
        foreach (var fact in facts)
        {
            incident.Apply(fact);
        }
    }

    [Fact]
    public void Apply_SteadyHighVolumeKey_StaysCalmOnceItHasABaseline()
    {
        var incident = new Incident(new IncidentState(), Options);

        Feed(incident, Steady(100, 0, 45));

        // Without history the first days are a mass response; that wave ends once the flow is the key's usual.
        Assert.Equal(Phase.Mass, incident.State.ClosedWaves[0].Phase);
        Assert.All(incident.State.ClosedWaves.Skip(1), wave => Assert.Equal((Tier.T0, Phase.Single), (wave.Tier, wave.Phase)));
        Assert.True(incident.State.Wave >= 3);
        Assert.Equal((Tier.T0, Phase.Single), (incident.State.Tier, incident.State.Phase));
    }

    [Fact]
    public void Apply_WaveThatRisesAndSubsides_IsOneIncident_ThenTheKeyIsCalmAgain()
    {
        var incident = new Incident(new IncidentState(), Options);
        Feed(incident, Steady(100, 0, 30));
        var calmWave = incident.State.Wave;

        // 250 more customers within 12 hours on top of the usual 100 a day.
        Feed(incident, Steady(100, 30, 30.5).Concat(Steady(500, 30, 30.5, "w")).OrderBy(f => f.OccurredAt));
        var surgeWave = incident.State.Wave;
        Assert.Equal(calmWave, surgeWave);
        Assert.Equal(Phase.Mass, incident.State.Phase);
        Assert.Equal(Tier.T3, incident.State.Tier);
        Assert.Contains("usual", incident.State.PhaseReason);
        Feed(incident, Steady(100, 30.5, 45));

        var surge = incident.State.ClosedWaves.Single(w => w.Wave == surgeWave);
        Assert.Equal(Phase.Mass, surge.Phase);
        Assert.Equal(IncidentStatus.Closed, surge.Status);
        Assert.True(incident.State.Wave > surgeWave);
        Assert.Equal((Tier.T0, Phase.Single), (incident.State.Tier, incident.State.Phase));
    }

    [Theory]
    [InlineData(3, Phase.Single)] // 2 usual + 3 = 5 in 24 h: 2.5× the usual 2 a day
    [InlineData(4, Phase.Following)] // 6 in 24 h: 3×
    public void Apply_DailyCountAroundTheBaselineMultiple_DecidesTheWave(int extra, Phase expected)
    {
        // Two a day, at 06:00 and 17:00, for twenty days: the usual day is 2.
        var incident = new Incident(new IncidentState(), Options);
        var usual = Enumerable.Range(0, 20)
            .SelectMany(day => new[] { Of($"u{day}a", Days(day) + Hours(-2)), Of($"u{day}b", Days(day) + Hours(9)) });
        Feed(incident, usual);
        Assert.Equal(Phase.Single, incident.State.Phase);

        // Extra customers two hours apart, so no one hour is itself a surge.
        Feed(incident, Enumerable.Range(0, extra).Select(i => Of($"x{i}", Days(19) + Hours(11 + 2 * i))));

        Assert.Equal(expected, incident.State.Phase);
        if (expected == Phase.Following)
        {
            Assert.Contains("3× this key's usual 2 a day is 6", incident.State.Reasons[0]);
        }
    }

    [Fact]
    public void Apply_HourFarOverTheUsualBusiestHour_IsAWaveEvenWithinTheDailyBar()
    {
        var incident = new Incident(new IncidentState(), Options);
        Feed(incident, Steady(20, 0, 20));
        Assert.Equal(Phase.Single, incident.State.Phase);

        // The usual busiest hour has 1; 10 customers in one hour is 10× it though under 3× a day (60).
        Feed(incident, Enumerable.Range(0, 10).Select(i => Of($"h{i}", Days(20) + TimeSpan.FromMinutes(5 * i + 1))));

        Assert.Equal(Phase.Mass, incident.State.Phase);
        Assert.Contains("within 1 h", incident.State.PhaseReason);
    }
}

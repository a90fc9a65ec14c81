using IntakeMesh.Core.Incidents;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>An incident has a maximum age: a key that never goes quiet still starts a new incident, linked to the old one.</summary>
public class IncidentAgeLimitTests
{
    [Fact]
    public void Apply_DailyComplaintsForAMonth_SplitIntoFourteenDayIncidentsLinkedInTurn()
    {
        // No baseline within the month, so a complaint a day keeps the wave from going quiet: only the age limit closes it.
        var incident = new Incident(new IncidentState(), new DetectionOptions { BaselineMinDays = 90 });
        var changes = new List<TierChange>();

        for (var day = 0; day < 30; day++)
        {
            incident.Apply(Of($"c{day}", Days(day)), changes);
        }

        var closes = changes.Where(c => c.Kind == ChangeKind.Closed).ToList();
        Assert.Equal([T0 + Days(14), T0 + Days(28)], closes.Select(c => c.At));
        Assert.All(closes, c => Assert.StartsWith("reached the maximum age of 14 d", c.Reasons[0]));
        Assert.Equal(3, incident.State.Wave);
        Assert.Equal(IncidentKeys.IncidentId(Key, 2), incident.State.PreviousId);
        Assert.Equal(IncidentKeys.IncidentId(Key, 2), IncidentSummary.From(incident.State).PreviousId);
        Assert.Equal([14L, 14L], incident.State.ClosedWaves.Select(w => w.Complaints));
        Assert.Equal(2, incident.State.Complaints);
        Assert.Contains(IncidentKeys.IncidentId(Key, 3), closes[1].Reasons[0]);
    }

    [Fact]
    public void Apply_AtTheBoundary_ATickBeforeTheMaximumAgeStays_AtItOpensANewIncident()
    {
        var options = new DetectionOptions { MaxIncidentAge = Days(2) };
        var incident = Run(options, [Of("c1", TimeSpan.Zero), Of("c2", Days(2) - TimeSpan.FromTicks(1))]);
        Assert.Equal(1, incident.State.Wave);
        Assert.Null(incident.State.PreviousId);

        incident.Apply(Of("c3", Days(2)));

        Assert.Equal(2, incident.State.Wave);
        Assert.Equal(IncidentKeys.IncidentId(Key, 1), incident.State.PreviousId);
        Assert.Equal(T0 + Days(2), incident.State.ClosedWaves[^1].ClosedAt);
    }

    [Fact]
    public void Apply_AgeCountsFromTheIncidentsFirstComplaint_NotTheKeys()
    {
        var options = new DetectionOptions { MaxIncidentAge = Days(10) };
        // Wave 1 closes when quiet; wave 2 starts on day 20 and its age counts from there, not from day 0.
        var incident = Run(options, [Of("c1", TimeSpan.Zero), Of("c2", Days(20)), Of("c3", Days(26))]);

        Assert.Equal(2, incident.State.Wave);
        Assert.Equal(2, incident.State.Complaints);
    }

    [Fact]
    public void Close_ATimersCall_ClosesAtTheAgeLimitWhenItComesBeforeTheQuietPeriod()
    {
        var incident = Run(Of("c1", TimeSpan.Zero), Of("c2", Days(6)), Of("c3", Days(10)));
        Assert.Equal(T0 + Days(14), incident.ClosesAt);

        Assert.Null(incident.Close(T0 + Days(14) - TimeSpan.FromTicks(1)));
        var closed = incident.Close(T0 + Days(16));

        Assert.Equal(T0 + Days(14), closed!.At);
        Assert.StartsWith("reached the maximum age", closed.Reasons[0]);
        Assert.Null(incident.ClosesAt);
    }

    [Fact]
    public void ClosesAt_QuietBeforeTheAgeLimit_IsTheQuietClose()
    {
        var incident = Run(Of("c1", TimeSpan.Zero), Of("c2", Days(2)));

        Assert.Equal(T0 + Days(9), incident.ClosesAt);
        Assert.Contains("quiet for 7 d", incident.Close(T0 + Days(12))!.Reasons[0]);
    }
}

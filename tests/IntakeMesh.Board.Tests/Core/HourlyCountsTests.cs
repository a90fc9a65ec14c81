using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Board.Tests.Core;

public class HourlyCountsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_CountsPerHourAndChannel_OldestFirstEndingAtTheNewestHour()
    {
        // Arrange
        var counts = new HourlyCounts();

        // Act
        counts.Add(Noon.AddMinutes(5), Channel.Phone);
        counts.Add(Noon.AddMinutes(50), Channel.Phone);
        counts.Add(Noon.AddHours(-3), Channel.Social);
        counts.Add(Noon.AddHours(2), Channel.Email);

        // Assert
        Assert.Equal(Noon.AddHours(2 - 47), counts.From);
        var total = counts.Total();
        Assert.Equal(48, total.Length);
        Assert.Equal(1, total[^1]);
        Assert.Equal(2, total[^3]);
        Assert.Equal(1, total[^6]);
        Assert.Equal(4, total.Sum());
        Assert.Equal([Channel.Phone, Channel.Email, Channel.Social], counts.ByChannel().Keys);
        Assert.Equal(2, counts.Series(Channel.Phone)[^3]);
        Assert.All(counts.Series(Channel.Regulator), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Add_KeepsOnly48Hours_AndReusesTheRingAsTimeMovesOn()
    {
        // Arrange
        var counts = new HourlyCounts();
        counts.Add(Noon, Channel.Phone);

        // Act: 47 hours later the first hour is the oldest; a day after, it is gone; older events are refused.
        counts.Add(Noon.AddHours(47), Channel.Phone);
        var before = counts.Total();
        counts.Add(Noon.AddHours(72), Channel.Phone);
        var refused = counts.Add(Noon.AddHours(20), Channel.Phone);

        // Assert
        Assert.Equal(1, before[0]);
        Assert.Equal(1, before[^1]);
        Assert.False(refused);
        Assert.Equal(2, counts.Total().Sum());
        Assert.Equal(1, counts.Total()[^1]);
        Assert.Equal(1, counts.Total()[^26]);
        // A jump past the whole window clears it.
        counts.Add(Noon.AddDays(30), Channel.Phone);
        Assert.Equal(1, counts.Total().Sum());
    }

    [Fact]
    public void Summary_CarriesTheSparkline_FromTheIncident()
    {
        // Arrange
        var state = new IncidentState();
        var incident = new Incident(state, new DetectionOptions());

        // Act
        for (var i = 0; i < 5; i++)
        {
            incident.Apply(Fact($"e{i}", $"cus-{i}", Noon.AddHours(i)));
        }
        var summary = IncidentSummary.From(state);

        // Assert
        Assert.Equal(48, summary.Hourly.Count);
        Assert.Equal(5, summary.Hourly.Sum());
        Assert.Equal(Noon.AddHours(4 - 47), summary.HourlyFrom);
        Assert.Equal(5, state.Samples.Count);
        Assert.Equal("text [phone] e0", state.Samples[0].Text);
    }

    public static ComplaintFact Fact(string id, string customer, DateTimeOffset at) =>
        new(id, Channel.Phone, at, customer, "brand:acme|sku:x1", IntakeMesh.Core.Understanding.ComplaintCategory.ProductQuality,
            IntakeMesh.Core.Understanding.Urgency.Past, IntakeMesh.Core.Understanding.EmotionLevel.Dissatisfied, IntakeMesh.Core.Understanding.RiskSignals.None)
        {
            Excerpt = ComplaintExcerpt.Of($"text +86 138 0013 8000 {id}"),
        };
}

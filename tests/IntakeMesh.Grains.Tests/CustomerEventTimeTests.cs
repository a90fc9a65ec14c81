using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Grains.Tests;

/// <summary>A batch brings several partitions in any order; the customer judges its contacts on event time.</summary>
[Collection(ClusterCollection.Name)]
public class CustomerEventTimeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Submit_LaterContactFirstInTheBatch_TheEarlierIsStillTheNewComplaint()
    {
        var (customer, key) = ($"cus-{Guid.NewGuid():N}", $"k:{Guid.NewGuid():N}");
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        ComplaintFact Contact(string id, Channel channel, int minute) =>
            new(id, channel, at.AddMinutes(minute), customer, key, ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);

        var verdicts = (await fixture.Grains.GetGrain<ICustomerGrain>(customer)
            .SubmitAsync(new([Contact("em-1", Channel.Email, 5), Contact("ph-1", Channel.Phone, 0)]))).Value;

        var phone = verdicts.Single(v => v.EventId == "ph-1");
        var email = verdicts.Single(v => v.EventId == "em-1");
        Assert.Equal((1, false), (phone.ContactNumber, phone.IsRepeat));
        Assert.Equal((2, "Phone:ph-1"), (email.ContactNumber, email.RepeatOf));
        // The incident takes the batch too, the repeat contact included.
        var update = (await fixture.Grains.GetGrain<IIncidentGrain>(key).ApplyAsync(new([.. verdicts.Reverse()]))).Value;
        Assert.Equal((1L, 2L), (update.Summary.Complaints, update.Summary.Contacts));
    }
}

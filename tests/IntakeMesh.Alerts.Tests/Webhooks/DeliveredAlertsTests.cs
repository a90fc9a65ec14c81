using IntakeMesh.Alerts.Webhooks;

namespace IntakeMesh.Alerts.Tests.Webhooks;

public sealed class DeliveredAlertsTests
{
    [Fact]
    public void TryBegin_AfterComplete_IsFalseForThatReceiverOnly()
    {
        var delivered = new DeliveredAlerts(10);

        Assert.True(delivered.TryBegin("a1", "ops"));
        delivered.Complete("a1", "ops");

        Assert.False(delivered.TryBegin("a1", "ops"));
        Assert.True(delivered.TryBegin("a1", "pagerduty"));
    }

    [Fact]
    public void TryBegin_WhileInFlight_IsFalse_AndAbandonReleasesIt()
    {
        var delivered = new DeliveredAlerts(10);
        Assert.True(delivered.TryBegin("a1", "ops"));

        Assert.False(delivered.TryBegin("a1", "ops"));
        delivered.Abandon("a1", "ops");

        Assert.True(delivered.TryBegin("a1", "ops"));
    }

    [Fact]
    public void Complete_PastCapacity_ForgetsTheOldestFirst()
    {
        var delivered = new DeliveredAlerts(3);

        foreach (var id in new[] { "a1", "a2", "a3", "a4" })
        {
            delivered.TryBegin(id, "ops");
            delivered.Complete(id, "ops");
        }

        Assert.Equal(3, delivered.Count);
        Assert.False(delivered.WasDelivered("a1", "ops"));
        Assert.True(delivered.WasDelivered("a4", "ops"));
    }
}

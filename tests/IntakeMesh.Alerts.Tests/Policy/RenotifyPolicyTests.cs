using IntakeMesh.Alerts.Policy;

namespace IntakeMesh.Alerts.Tests.Policy;

public sealed class RenotifyPolicyTests
{
    private static readonly DateTimeOffset Notified = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly RenotifyPolicy _policy = RenotifyPolicy.From(new AlertingOptions());

    [Fact]
    public void Defaults_AreThirtyMinutesFromT3()
    {
        Assert.Equal((TimeSpan.FromMinutes(30), "T3"), (_policy.Interval, _policy.MinTier));
    }

    [Theory]
    [InlineData("T3")]
    [InlineData("T4")]
    public void NextReminderAt_OpenUnacknowledgedHighTier_IsOneIntervalAfterTheLastNotification(string tier)
    {
        Assert.Equal(Notified.AddMinutes(30), _policy.NextReminderAt(tier, Notified, acknowledged: false, resolved: false));
    }

    [Theory]
    [InlineData("T2", false, false)]
    [InlineData("T4", true, false)]
    [InlineData("T4", false, true)]
    public void NextReminderAt_LowTierAcknowledgedOrResolved_IsNone(string tier, bool acknowledged, bool resolved)
    {
        Assert.Null(_policy.NextReminderAt(tier, Notified, acknowledged, resolved));
    }

    [Fact]
    public void IsDue_BeforeAndAtTheInterval()
    {
        Assert.False(_policy.IsDue("T4", Notified, false, false, Notified.AddMinutes(29)));
        Assert.True(_policy.IsDue("T4", Notified, false, false, Notified.AddMinutes(30)));
        Assert.False(_policy.IsDue("T4", Notified, acknowledged: true, false, Notified.AddHours(5)));
    }

    [Fact]
    public void Constructor_ConfiguredMinTier_AppliesFromThere()
    {
        var policy = new RenotifyPolicy(TimeSpan.FromMinutes(10), "t2");

        Assert.True(policy.Applies("T2", false, false));
        Assert.False(policy.Applies("T1", false, false));
    }
}

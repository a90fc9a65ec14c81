using IntakeMesh.Alerts.Policy;

namespace IntakeMesh.Alerts.Tests.Policy;

public sealed class AlertTiersTests
{
    [Theory]
    [InlineData("T0", "T0", true)]
    [InlineData("T3", "T2", true)]
    [InlineData("T2", "T3", false)]
    [InlineData("t4", "T4", true)]
    public void AtLeast_ComparesByRank(string tier, string minimum, bool expected)
    {
        Assert.Equal(expected, AlertTiers.AtLeast(tier, minimum));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("T5")]
    [InlineData("3")]
    [InlineData("T33")]
    public void IsValid_NotATier_IsFalse(string? text)
    {
        Assert.False(AlertTiers.IsValid(text));
    }
}

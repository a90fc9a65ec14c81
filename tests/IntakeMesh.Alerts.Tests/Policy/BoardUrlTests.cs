using IntakeMesh.Alerts.Policy;
using IntakeMesh.Alerts.Tests.Infrastructure;
using IntakeMesh.Contracts.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Alerts.Tests.Policy;

/// <summary>With Alerts:BoardUrl set, every alert links to the incident's page on the board.</summary>
public sealed class BoardUrlTests
{
    [Fact]
    public void AddAlerting_BoardUrl_AlertsLinkToTheIncidentPageOnTheBoard()
    {
        // Arrange
        using var host = AlertingHost.Build(new Dictionary<string, string?> { ["Alerts:BoardUrl"] = "https://board.example.com/" });
        var factory = host.Services.GetRequiredService<AlertFactory>();

        // Act
        var alerts = factory.ForChange(SampleAlerts.Change("inc-1a2b|x", "T2", "T4", sequence: 2));
        var resolved = factory.Resolved("inc-1a2b|x", "brand:aurora", "T4", SampleAlerts.At);

        // Assert
        var escalated = Assert.IsType<IncidentEscalated>(alerts[0]);
        Assert.Equal("https://board.example.com/#/incidents/inc-1a2b%7Cx", escalated.IncidentUrl);
        Assert.Equal(escalated.IncidentUrl, resolved.IncidentUrl);
    }

    [Fact]
    public void IncidentPageBase_IncidentUrlBaseWins_AndNeitherMeansNoLink()
    {
        Assert.Equal("https://x.example/i/", new AlertingOptions { IncidentUrlBase = "https://x.example/i/", BoardUrl = "https://b.example" }.IncidentPageBase);
        Assert.Equal("https://b.example/board/#/incidents/", new AlertingOptions { BoardUrl = "https://b.example/board" }.IncidentPageBase);
        Assert.Null(new AlertingOptions().IncidentPageBase);
    }

    [Fact]
    public async Task Start_BoardUrlNotAnHttpUrl_FailsNamingTheKey()
    {
        using var host = AlertingHost.Build(new Dictionary<string, string?> { ["Alerts:BoardUrl"] = "board.example.com" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Alerts:BoardUrl must be an absolute http(s) URL", StringComparison.Ordinal));
    }
}

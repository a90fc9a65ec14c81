using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>An operator unlinks and links customer keys over HTTP, with a reason, and both are audited before they act.</summary>
[Collection(SecurityCollection.Name)]
public class IdentityCorrectionApiTests(SecurityFixture host)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A call carrying a phone and an email (the email gets linked), then an email-only complaint four days later.</summary>
    private async Task<(string Phone, string Email)> LinkedCustomersAsync()
    {
        var phone = $"cus-p{Guid.NewGuid():N}";
        var email = $"cus-e{Guid.NewGuid():N}";
        var key = $"brand:test|sku:{Guid.NewGuid():N}";
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<ICustomerGrain>(phone).SubmitAsync(new([Fact("call-1", Channel.Phone, 0, phone, key) with { LinkedKeys = [email] }]));
        await grains.GetGrain<ICustomerGrain>(email).SubmitAsync(new([Fact("mail-1", Channel.Email, 96, email, key)]));
        return (phone, email);
    }

    private static ComplaintFact Fact(string eventId, Channel channel, int hour, string customer, string key) =>
        new(eventId, channel, T0.AddHours(hour), customer, key, ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);

    private async Task<JsonElement> LatestAuditAsync(string action) =>
        (await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=20")).GetProperty("entries").EnumerateArray()
            .First(e => e.GetProperty("action").GetString() == action);

    [Fact]
    public async Task Unlink_LinkedCustomers_AnswersBothCustomersAndIsAudited()
    {
        // Arrange
        var (phone, email) = await LinkedCustomersAsync();

        // Act
        var response = await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/unlink", new { identifier = email, reason = "shared family phone" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("customer").GetProperty("complaints").GetInt32());
        Assert.Equal(0, body.GetProperty("customer").GetProperty("aliases").GetArrayLength());
        Assert.Equal(email, body.GetProperty("customer").GetProperty("unlinked")[0].GetString());
        Assert.Equal(1, body.GetProperty("identifier").GetProperty("complaints").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("identifier").GetProperty("aliasOf").ValueKind);
        var entry = await LatestAuditAsync("customer.unlink");
        Assert.Equal(HostFixture.OperatorName, entry.GetProperty("actor").GetString());
        Assert.Equal("operator", entry.GetProperty("role").GetString());
        Assert.Equal($"customer {phone}", entry.GetProperty("target").GetString());
        Assert.Equal("shared family phone", entry.GetProperty("reason").GetString());
        Assert.Contains(email, entry.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Unlinking again is refused, and the attempt stays on record.
        var again = await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/unlink", new { identifier = email, reason = "clicked twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("clicked twice", (await LatestAuditAsync("customer.unlink")).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Link_SeparateCustomers_LinksThemAndIsAudited_AndLinkingAgainConflicts()
    {
        // Arrange: linked, then unlinked, so they are two customers who remember the separation.
        var (phone, email) = await LinkedCustomersAsync();
        await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/unlink", new { identifier = email, reason = "looked shared" });

        // Act
        var response = await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/link", new { identifier = email, reason = "customer confirmed both are theirs" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("customer").GetProperty("complaints").GetInt32());
        Assert.Equal(phone, body.GetProperty("identifier").GetProperty("aliasOf").GetString());
        var entry = await LatestAuditAsync("customer.link");
        Assert.Equal($"customer {phone}", entry.GetProperty("target").GetString());
        Assert.Equal("customer confirmed both are theirs", entry.GetProperty("reason").GetString());
        var again = await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/link", new { identifier = email, reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("unlink")]
    [InlineData("link")]
    public async Task Correction_WithoutReasonOrForUnknownCustomer_IsRefused(string action)
    {
        var (phone, email) = await LinkedCustomersAsync();

        var noReason = await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/{action}", new { identifier = email, reason = " " });
        var noIdentifier = await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/{action}", new { reason = "why" });
        var unknown = await host.Operator.PostAsJsonAsync($"/api/customers/{phone}/{action}", new { identifier = "cus-nobody", reason = "why" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noIdentifier.StatusCode);
        Assert.Contains("\"identifier\"", await noIdentifier.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("cus-nobody", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

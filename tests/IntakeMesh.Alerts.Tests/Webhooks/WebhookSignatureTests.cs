using System.Text;
using IntakeMesh.Alerts.Webhooks;

namespace IntakeMesh.Alerts.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":\"IncidentResolved\"}");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);

    [Fact]
    public void Compute_KnownInput_MatchesOpenSsl()
    {
        // printf '1795000000.{"type":"IncidentResolved"}' | openssl dgst -sha256 -hmac secret
        var signature = WebhookSignature.Compute("secret", 1_795_000_000, Body);

        Assert.Equal("sha256=0fa50f9999cc92e8af3d862ab1b434574b124606eed5a542e0d643322029d0bc", signature);
    }

    [Fact]
    public void Verify_RightSecretAndFreshTimestamp_IsTrue()
    {
        var signature = WebhookSignature.Compute("secret", Now.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify("secret", Now.ToUnixTimeSeconds().ToString(), signature, Body, Now.AddSeconds(30), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_WrongSecretChangedBodyOrOldTimestamp_IsFalse()
    {
        var stamp = Now.ToUnixTimeSeconds().ToString();
        var signature = WebhookSignature.Compute("secret", Now.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify("other", stamp, signature, Body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret", stamp, signature, [.. Body, (byte)' '], Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret", stamp, signature, Body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret", stamp, "sha256=zz", Body, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("secret", null, signature, Body, Now, TimeSpan.FromMinutes(5)));
    }
}

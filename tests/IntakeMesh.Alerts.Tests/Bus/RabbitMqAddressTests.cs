using IntakeMesh.Alerts.Bus;

namespace IntakeMesh.Alerts.Tests.Bus;

public sealed class RabbitMqAddressTests
{
    [Theory]
    [InlineData("rabbit.internal", "rabbit.internal", 5672, "/", "guest", false)]
    [InlineData("rabbit.internal:5673", "rabbit.internal", 5673, "/", "guest", false)]
    [InlineData("amqp://alerts:p%40ss@10.1.2.3:5674/", "10.1.2.3", 5674, "/", "alerts", false)]
    [InlineData("amqp://127.0.0.1", "127.0.0.1", 5672, "/", "guest", false)]
    [InlineData("amqps://user@rabbit.internal/intake", "rabbit.internal", 5671, "intake", "user", true)]
    [InlineData("amqp://rabbit.internal/%2F", "rabbit.internal", 5672, "/", "guest", false)]
    public void TryParse_AcceptedForms(string host, string expectedHost, int port, string virtualHost, string user, bool ssl)
    {
        Assert.True(RabbitMqAddress.TryParse(new RabbitMqOptions { Host = host }, out var address, out _));

        Assert.Equal((expectedHost, (ushort)port, virtualHost, user, ssl),
            (address!.Host, address.Port, address.VirtualHost, address.Username, address.UseSsl));
    }

    [Fact]
    public void TryParse_UriPassword_IsUnescapedAndOptionsOverrideIt()
    {
        RabbitMqAddress.TryParse(new RabbitMqOptions { Host = "amqp://alerts:p%40ss@rabbit/" }, out var fromUri, out _);
        RabbitMqAddress.TryParse(new RabbitMqOptions { Host = "amqp://alerts:p%40ss@rabbit/", Username = "ops", Password = "x" }, out var overridden, out _);

        Assert.Equal(("alerts", "p@ss"), (fromUri!.Username, fromUri.Password));
        Assert.Equal(("ops", "x"), (overridden!.Username, overridden.Password));
        Assert.DoesNotContain("p@ss", fromUri.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Bus:RabbitMq:Host is required")]
    [InlineData("http://rabbit", "Bus:RabbitMq:Host must be")]
    [InlineData("rabbit:notaport", "Bus:RabbitMq:Host has no valid port")]
    [InlineData("rabbit:0", "Bus:RabbitMq:Host has no valid port")]
    public void TryParse_Unusable_NamesTheKey(string? host, string message)
    {
        Assert.False(RabbitMqAddress.TryParse(new RabbitMqOptions { Host = host }, out _, out var error));

        Assert.StartsWith(message, error);
    }
}

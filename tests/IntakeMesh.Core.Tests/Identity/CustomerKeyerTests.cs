using System.Text;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Tests.Identity;

public class CustomerKeyerTests
{
    private static readonly CustomerKeyer Keyer = new(Encoding.UTF8.GetBytes("test-secret-of-enough-length"), "86");

    [Theory]
    [InlineData("+86 138 0000 0000")]
    [InlineData("+86-138-0000-0000")]
    [InlineData("008613800000000")]
    [InlineData("13800000000")]
    [InlineData("＋８６１３８００００００００")]
    public void Identify_SamePhoneWrittenDifferently_GivesSameKey(string phone)
    {
        var expected = Keyer.Identify(new CustomerIdentifiers(null, "+8613800000000", null, null)).CustomerKey;

        Assert.Equal(expected, Keyer.Identify(new CustomerIdentifiers(null, phone, null, null)).CustomerKey);
    }

    [Fact]
    public void Identify_EmailCase_DoesNotMatter()
    {
        Assert.Equal(
            Keyer.Identify(new CustomerIdentifiers(null, null, " Li@Example.COM", null)).CustomerKey,
            Keyer.Identify(new CustomerIdentifiers(null, null, "li@example.com", null)).CustomerKey);
    }

    [Fact]
    public void Identify_HandleWithOrWithoutAt_GivesSameKey()
    {
        Assert.Equal(
            Keyer.Identify(new CustomerIdentifiers(null, null, null, "weibo:@LiHua")).CustomerKey,
            Keyer.Identify(new CustomerIdentifiers(null, null, null, "@lihua"), "weibo").CustomerKey);
    }

    [Fact]
    public void Identify_PicksStrongestIdentifier_AndListsAll()
    {
        var identity = Keyer.Identify(new CustomerIdentifiers("CRM-1", "+8613800000000", "li@example.com", "weibo:@li"));

        Assert.Equal([IdentifierKind.CrmId, IdentifierKind.Phone, IdentifierKind.Email, IdentifierKind.Handle], identity.Identifiers.Select(i => i.Kind));
        Assert.Equal("cus-" + identity.Identifiers[0].Hash, identity.CustomerKey);
    }

    [Fact]
    public void Identify_KeyCarriesNoRawIdentifier_AndDependsOnSecret()
    {
        var customer = new CustomerIdentifiers(null, "+8613800000000", null, null);
        var other = new CustomerKeyer(Encoding.UTF8.GetBytes("another-secret-of-enough-length"));

        var key = Keyer.Identify(customer).CustomerKey;

        Assert.DoesNotContain("13800000000", key);
        Assert.NotEqual(key, other.Identify(customer).CustomerKey);
    }

    [Fact]
    public void Constructor_ShortSecret_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new CustomerKeyer(new byte[8]));
}

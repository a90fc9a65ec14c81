using IntakeMesh.Core.Identity;

namespace IntakeMesh.Core.Tests.Identity;

public class IdentifierMaskerTests
{
    [Theory]
    [InlineData("+8613812345678", "+86 138****5678")]
    [InlineData("+12025550123", "+1 202***0123")]
    [InlineData("+447700900123", "+44 770***0123")]
    [InlineData("+85291234567", "+852 ****4567")]
    [InlineData("+8612345", "+86 ***45")]
    [InlineData("+123", "***3")]
    public void Phone_KeepsCountryCodeAndEnds_HidesTheMiddle(string e164, string masked)
    {
        Assert.Equal(masked, IdentifierMasker.Mask(IdentifierKind.Phone, e164));
    }

    [Theory]
    [InlineData("lihua@example.com", "l***@example.com")]
    [InlineData("li@example.com", "***@example.com")]
    [InlineData("not-an-email", "**********il")]
    public void Email_KeepsTheDomain(string email, string masked)
    {
        Assert.Equal(masked, IdentifierMasker.Mask(IdentifierKind.Email, email));
    }

    [Theory]
    [InlineData("weibo:lihua2024", "weibo:li*******")]
    [InlineData("weibo:lihua", "weibo:l****")]
    [InlineData("social:li", "social:***")]
    [InlineData("weibo:😡😡😡😡", "weibo:😡******")]
    public void Handle_KeepsThePlatformAndAStart(string handle, string masked)
    {
        Assert.Equal(masked, IdentifierMasker.Mask(IdentifierKind.Handle, handle));
    }

    [Fact]
    public void CrmId_KeepsTheLastFour()
    {
        Assert.Equal("****1029", IdentifierMasker.Mask(IdentifierKind.CrmId, "CRM-1029"));
    }

    [Fact]
    public void Mask_RandomValues_NeverShowTheWholeValue()
    {
        var random = new Random(9);
        for (var i = 0; i < 5000; i++)
        {
            var kind = (IdentifierKind)random.Next(4);
            var length = random.Next(1, 40);
            var value = kind switch
            {
                IdentifierKind.Phone => "+" + string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10)))),
                IdentifierKind.Email => Word(random, length) + "@" + Word(random, 8) + ".com",
                IdentifierKind.Handle => "weibo:" + Word(random, length),
                _ => Word(random, length),
            };

            var masked = IdentifierMasker.Mask(kind, value);

            // Compare the hidden part with what stands in for it (a domain may well contain a one-letter name).
            var (secret, shown) = kind switch
            {
                IdentifierKind.Phone => (value.TrimStart('+'), masked.Replace("+", "").Replace(" ", "")),
                IdentifierKind.Email => (value[..value.IndexOf('@')], masked[..masked.IndexOf('@')]),
                IdentifierKind.Handle => (value["weibo:".Length..], masked["weibo:".Length..]),
                _ => (value, masked),
            };
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
            Assert.Contains("***", masked);
        }
    }

    private static string Word(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789._-李华"[random.Next(41)]));
}

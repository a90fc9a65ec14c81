using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Incidents;

public class IncidentKeyChoiceTests
{
    private static readonly ProductCatalog Catalog = new(
    [
        new CatalogEntry { Brand = "Aurora", Product = "AX-7 e-bike", Sku = "AX7", Aliases = ["AX-7", "极光AX7"], Price = 3999 },
        new CatalogEntry { Brand = "Aurora", Product = "AX-7 Pro", Sku = "AX7P", Aliases = ["AX-7 Pro"] },
        new CatalogEntry { Brand = "Lumen", Store = "Lumen Store Xuhui", Aliases = ["徐汇店", "徐匯店"] },
    ]);

    private static IncidentKeyChoice Choose(string text, ComplaintSubject? subject = null) =>
        IncidentKeys.Choose(subject, TextNormalizer.Normalize(text), Catalog);

    [Fact]
    public void Choose_SubjectWins_OverCatalogAndText()
    {
        var choice = Choose("my AX-7 Pro broke", new ComplaintSubject("Other", null, "S1", null, null, null, null));

        Assert.Equal(IncidentKeySource.Subject, choice.Source);
        Assert.Equal("brand:other|sku:s1", choice.Key);
    }

    [Fact]
    public void Choose_CatalogAliasInText_LongestAliasWins()
    {
        Assert.Equal("brand:aurora|sku:ax7p", Choose("The AX-7 Pro battery failed").Key);
        Assert.Equal("brand:aurora|sku:ax7", Choose("The ax-7 battery failed").Key);
    }

    [Fact]
    public void Choose_TraditionalAndSimplifiedAliases_MeetInOneIncident()
    {
        var simplified = Choose("徐汇店的服务员态度太差");
        var traditional = Choose("徐匯店的服務員態度太差");

        Assert.Equal(IncidentKeySource.Catalog, traditional.Source);
        Assert.Equal(simplified.Key, traditional.Key);
        Assert.Equal("brand:lumen|store:lumen store xuhui", simplified.Key);
        Assert.Contains("徐", traditional.Detail);
    }

    [Fact]
    public void Choose_NoSubjectNoCatalog_FingerprintsText()
    {
        var a = Choose("Order 10023: the delivery driver threw my parcel over the fence and it broke. I want a refund today.");
        var b = Choose("Order 88812: the delivery driver threw my parcel over the fence and it broke. I want a refund today!!");
        var other = Choose("The bank charged me twice for the same card payment and nobody answers the phone.");

        Assert.Equal(IncidentKeySource.Fingerprint, a.Source);
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, other.Key);
    }

    [Fact]
    public void PriceOf_UsesSubjectSkuThenMatchedEntry()
    {
        Assert.Equal(3999m, Catalog.PriceOf(new ComplaintSubject(null, null, "ax7", null, null, null, null), null));
        Assert.Null(Catalog.PriceOf(null, null));
    }
}

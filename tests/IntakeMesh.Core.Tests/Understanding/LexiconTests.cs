using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

public sealed class LexiconTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("intakemesh-lexicon-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_NoExtensions_ClassifiesLikeDefault()
    {
        // Arrange
        const string text = "手机充电起火，要求赔偿5万元，否则找记者曝光！！";

        // Act
        var loaded = new ComplaintClassifier(Lexicon.Load([])).Classify(text, 3000m);
        var shipped = new ComplaintClassifier(Lexicon.Default).Classify(text, 3000m);

        // Assert
        Assert.Equal(shipped with { Demands = [] }, loaded with { Demands = [] });
        Assert.Equal(shipped.Demands, loaded.Demands);
    }

    [Fact]
    public void Load_ExtensionAddsTerm_TermIsMatched()
    {
        // Arrange
        const string text = "我已经把这件事发到黑猫投诉了";
        var extension = Write("""{ "terms": { "risk:Media": { "黑猫投诉": 4 } } }""");

        // Act
        var before = new ComplaintClassifier(Lexicon.Default).Classify(text).Risks;
        var after = new ComplaintClassifier(Lexicon.Load([extension])).Classify(text).Risks;

        // Assert
        Assert.False(before.HasFlag(RiskSignals.Media));
        Assert.True(after.HasFlag(RiskSignals.Media));
    }

    [Fact]
    public void Load_ExtensionAddsTraditionalTerm_MatchesSimplifiedText()
    {
        // Arrange
        var extension = Write("""{ "terms": { "risk:Media": { "網紅": 4 } } }""");
        var classifier = new ComplaintClassifier(Lexicon.Load([extension]));

        // Act
        var risks = classifier.Classify("我认识好几个网红").Risks;

        // Assert
        Assert.True(risks.HasFlag(RiskSignals.Media));
    }

    [Fact]
    public void Load_ExtensionWithPrefixTerm_MatchesLongerWords()
    {
        // Arrange
        var extension = Write("""{ "terms": { "demand:Refund": { "rembours*": 3 } } }""");

        // Act
        var demands = new ComplaintClassifier(Lexicon.Load([extension])).Classify("Je veux un remboursement.").Demands;

        // Assert
        Assert.Contains(demands, d => d.Kind == DemandKind.Refund);
    }

    [Fact]
    public void Load_ExtensionSetsTermToNull_TermIsRemoved()
    {
        // Arrange
        var extension = Write("""{ "terms": { "risk:Legal": { "律师": null } } }""");

        // Act
        var risks = new ComplaintClassifier(Lexicon.Load([extension])).Classify("我会去找律师").Risks;

        // Assert
        Assert.False(risks.HasFlag(RiskSignals.Legal));
    }

    [Fact]
    public void Load_ExtensionChangesSetting_SettingApplies()
    {
        // Arrange
        const string text = "要求赔偿5万元";
        var extension = Write("""{ "settings": { "skyHighMultiple": 2 } }""");

        // Act
        var before = new ComplaintClassifier(Lexicon.Default).Classify(text, 20000m).Risks;
        var after = new ComplaintClassifier(Lexicon.Load([extension])).Classify(text, 20000m).Risks;

        // Assert
        Assert.False(before.HasFlag(RiskSignals.SkyHighCompensation));
        Assert.True(after.HasFlag(RiskSignals.SkyHighCompensation));
    }

    [Fact]
    public void Load_ExtensionAddsFoldPair_VariantCharacterMatches()
    {
        // Arrange
        var extension = Write("""{ "fold": { "喫": "吃" }, "terms": { "risk:Safety": { "吃坏肚子": 4 } } }""");

        // Act
        var risks = new ComplaintClassifier(Lexicon.Load([extension])).Classify("孩子喫壞肚子了").Risks;

        // Assert
        Assert.True(risks.HasFlag(RiskSignals.Safety));
    }

    [Fact]
    public void Load_ExtensionWithTraditionalNumeral_ReadsAmount()
    {
        // Arrange
        var extension = Write("""{ "amounts": { "numerals": { "兩": 2, "萬": 10000 }, "magnitudes": { "萬": 10000 } } }""");

        // Act
        var demand = Assert.Single(new ComplaintClassifier(Lexicon.Load([extension])).Classify("要求賠償兩萬元").Demands);

        // Assert
        Assert.Equal(20000m, demand.Amount);
    }

    [Fact]
    public void Load_TwoExtensions_LaterOneWins()
    {
        // Arrange
        var first = Write("""{ "terms": { "risk:Media": { "黑猫投诉": 4 } } }""");
        var second = Write("""{ "terms": { "risk:Media": { "黑猫投诉": null } } }""");

        // Act
        var risks = new ComplaintClassifier(Lexicon.Load([first, second])).Classify("发到黑猫投诉了").Risks;

        // Assert
        Assert.False(risks.HasFlag(RiskSignals.Media));
    }

    [Theory]
    [InlineData("""{ "terms": { "risk:Gossip": { "x": 1 } } }""")]
    [InlineData("""{ "terms": { "category:Weather": { "x": 1 } } }""")]
    [InlineData("""{ "settings": { "skyHighMultiple": 0 } }""")]
    [InlineData("""{ "terms": [ """)]
    [InlineData("null")]
    public void Load_InvalidExtension_ThrowsInvalidData(string json)
    {
        // Arrange
        var extension = Write(json);

        // Act / Assert
        Assert.Throws<InvalidDataException>(() => Lexicon.Load([extension]));
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}

using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

public sealed class ClassifierRiskTests
{
    private readonly ComplaintClassifier _classifier = new(Lexicon.Default);

    [Theory]
    [InlineData("再不处理我就找记者曝光，还要请律师起诉你们")]
    [InlineData("再不處理我就找記者曝光，還要請律師起訴你們")]
    [InlineData("Fix this or I'm going to the press and my lawyer will sue you.")]
    public void Classify_MediaAndLawyerThreat_FlagsMediaAndLegal(string text)
    {
        // Act
        var risks = _classifier.Classify(text).Risks;

        // Assert
        Assert.True(risks.HasFlag(RiskSignals.Media), $"{risks}");
        Assert.True(risks.HasFlag(RiskSignals.Legal), $"{risks}");
    }

    [Theory]
    [InlineData("已经打了12315投诉")]
    [InlineData("已经打了１２３１５投诉")]
    [InlineData("I filed a complaint with the CFPB.")]
    [InlineData("我要去消協和市場監管局反映")]
    public void Classify_RegulatorNamed_FlagsRegulator(string text)
    {
        // Act
        var risks = _classifier.Classify(text).Risks;

        // Assert
        Assert.True(risks.HasFlag(RiskSignals.Regulator), $"{risks}");
    }

    [Fact]
    public void Classify_12315InsideLongerNumber_DoesNotFlagRegulator()
    {
        // Act
        var risks = _classifier.Classify("订单号1231567890的快递还没到").Risks;

        // Assert
        Assert.False(risks.HasFlag(RiskSignals.Regulator));
    }

    [Fact]
    public void Classify_SueInsideIssue_DoesNotFlagLegal()
    {
        // Act
        var risks = _classifier.Classify("There is an issue with my account statement.").Risks;

        // Assert
        Assert.False(risks.HasFlag(RiskSignals.Legal));
    }

    [Theory]
    [InlineData("充电时起火，我的手被烧伤了", true)]
    [InlineData("充電時起火，我的手被燒傷了", true)]
    [InlineData("The charger caught fire and I got burned.", true)]
    [InlineData("柜门松了，幸好没有人受伤", false)]
    [InlineData("The shelf fell but no one was hurt.", false)]
    public void Classify_InjuryWording_FlagsSafetyUnlessNegated(string text, bool expected)
    {
        // Act
        var risks = _classifier.Classify(text).Risks;

        // Assert
        Assert.Equal(expected, risks.HasFlag(RiskSignals.Safety));
    }

    [Theory]
    [InlineData("#某某汽车自燃# 车主们看过来", true)]
    [InlineData("Worst service ever #fail", true)]
    [InlineData("有同样问题的车主请联系我，我们建个群一起维权", true)]
    [InlineData("Everyone who bought this model, please share.", true)]
    [InlineData("My order #12345 is late.", false)]
    public void Classify_CallsToJoin_FlagMobilisation(string text, bool expected)
    {
        // Act
        var risks = _classifier.Classify(text).Risks;

        // Assert
        Assert.Equal(expected, risks.HasFlag(RiskSignals.Mobilisation));
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(4999, true)]
    [InlineData(5000, false)]
    [InlineData(60000, false)]
    public void Classify_DemandAgainstPrice_FlagsSkyHighAboveTenTimes(int price, bool expected)
    {
        // Act
        var risks = _classifier.Classify("手机充不进电，要求赔偿5万元", price).Risks;

        // Assert
        Assert.Equal(expected, risks.HasFlag(RiskSignals.SkyHighCompensation));
    }

    [Fact]
    public void Classify_NoPriceKnown_NeverFlagsSkyHigh()
    {
        // Act
        var risks = _classifier.Classify("要求赔偿500万元").Risks;

        // Assert
        Assert.False(risks.HasFlag(RiskSignals.SkyHighCompensation));
    }
}

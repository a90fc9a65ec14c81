using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

public sealed class ClassifierDemandTests
{
    private readonly ComplaintClassifier _classifier = new(Lexicon.Default);

    [Theory]
    [InlineData("要求厂家赔偿5万元", DemandKind.Compensate, 50000, "CNY")]
    [InlineData("要求廠家賠償5萬元", DemandKind.Compensate, 50000, "CNY")]
    [InlineData("I want a $200 refund.", DemandKind.Refund, 200, "USD")]
    [InlineData("Please issue a refund of $1,249.99 to my card.", DemandKind.Refund, 1249.99, "USD")]
    [InlineData("申请退款3000元", DemandKind.Refund, 3000, "CNY")]
    [InlineData("要求赔偿两万元", DemandKind.Compensate, 20000, "CNY")]
    [InlineData("赔偿我三万五", DemandKind.Compensate, 35000, "CNY")]
    [InlineData("要求退还１３００元", DemandKind.Refund, 1300, "CNY")]
    [InlineData("要求赔偿1.5w", DemandKind.Compensate, 15000, "CNY")]
    [InlineData("I'm asking for 2k in compensation.", DemandKind.Compensate, 2000, null)]
    [InlineData("要求赔偿新台币18,000元", DemandKind.Compensate, 18000, "TWD")]
    public void Classify_DemandWithAmount_TiesAmountAndCurrency(string text, DemandKind kind, double amount, string? currency)
    {
        // Act
        var demand = Assert.Single(_classifier.Classify(text).Demands, d => d.Kind == kind);

        // Assert
        Assert.Equal((decimal)amount, demand.Amount);
        Assert.Equal(currency, demand.Currency);
    }

    [Theory]
    [InlineData("洗衣机坏了，要求上门维修", DemandKind.Repair)]
    [InlineData("屏幕有坏点，要求换货", DemandKind.Replace)]
    [InlineData("要求全额退款", DemandKind.Refund)]
    [InlineData("要求赔偿损失", DemandKind.Compensate)]
    [InlineData("店员必须向我道歉", DemandKind.Apology)]
    [InlineData("请给我一个说法", DemandKind.Explanation)]
    [InlineData("Please repair or replace the battery.", DemandKind.Repair)]
    [InlineData("I want my money back.", DemandKind.Refund)]
    [InlineData("I expect an apology and an explanation.", DemandKind.Apology)]
    public void Classify_RemedyAskedFor_FindsDemand(string text, DemandKind kind)
    {
        // Act
        var demands = _classifier.Classify(text).Demands;

        // Assert
        Assert.Contains(demands, d => d.Kind == kind);
    }

    [Fact]
    public void Classify_ApologyDeclined_KeepsOnlyRefund()
    {
        // Act
        var demands = _classifier.Classify("我不要道歉，我要退款").Demands;

        // Assert
        Assert.Equal([DemandKind.Refund], demands.Select(d => d.Kind));
    }

    [Fact]
    public void Classify_AmountOfferedByCompany_IsNotTheDemandAmount()
    {
        // Act
        var demand = Assert.Single(_classifier.Classify("行李箱摔坏了，柜台说只能赔200元，我不接受").Demands);

        // Assert
        Assert.Equal(DemandKind.Compensate, demand.Kind);
        Assert.Null(demand.Amount);
    }

    [Fact]
    public void Classify_NumberThatIsNotMoney_IsNotTied()
    {
        // Act
        var demand = Assert.Single(_classifier.Classify("退款3天了还没到账").Demands);

        // Assert
        Assert.Null(demand.Amount);
    }

    [Fact]
    public void Classify_NoRemedyNamed_HasNoDemands()
    {
        // Act
        var demands = _classifier.Classify("Just venting, the queue was long today.").Demands;

        // Assert
        Assert.Empty(demands);
    }
}

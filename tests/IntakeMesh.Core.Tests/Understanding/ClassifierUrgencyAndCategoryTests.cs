using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

public sealed class ClassifierUrgencyAndCategoryTests
{
    private readonly ComplaintClassifier _classifier = new(Lexicon.Default);

    [Theory]
    [InlineData("我早就注销了会员，至今每个月仍在扣费")]
    [InlineData("我早就註銷了會員，至今每個月仍在扣費")]
    [InlineData("They keep charging me every month even though I cancelled.")]
    [InlineData("I'm stuck at the airport right now with no hotel.")]
    public void Classify_LossStillHappening_IsInProgress(string text)
    {
        // Act
        var urgency = _classifier.Classify(text).Urgency;

        // Assert
        Assert.Equal(Urgency.InProgress, urgency);
    }

    [Theory]
    [InlineData("上个月多扣了一笔年费，希望退还")]
    [InlineData("The delivery was late last week and the box was dented.")]
    public void Classify_LossOver_IsPast(string text)
    {
        // Act
        var urgency = _classifier.Classify(text).Urgency;

        // Assert
        Assert.Equal(Urgency.Past, urgency);
    }

    [Theory]
    [InlineData("电动车充电时电池起火，烧伤了手", ComplaintCategory.Safety)]
    [InlineData("买的排骨缺斤少两，标签1.5公斤实际只有1.2公斤", ComplaintCategory.ShortMeasure)]
    [InlineData("快递显示已签收但我没收到包裹", ComplaintCategory.Logistics)]
    [InlineData("4S店强制加装精品，不装就不给提车", ComplaintCategory.ForcedPurchase)]
    [InlineData("店员态度恶劣，还翻白眼", ComplaintCategory.ServiceAttitude)]
    [InlineData("My card was charged twice for the same order.", ComplaintCategory.Billing)]
    [InlineData("The listing said genuine leather but it is fake, totally misleading.", ComplaintCategory.FalseAdvertising)]
    [InlineData("买手机说好的赠品一直没给", ComplaintCategory.Gifts)]
    [InlineData("Nice weather today.", ComplaintCategory.Other)]
    public void Classify_TypicalWording_PicksCategory(string text, ComplaintCategory expected)
    {
        // Act
        var category = _classifier.Classify(text).Category;

        // Assert
        Assert.Equal(expected, category);
    }

    [Theory]
    [InlineData("要求退款", Seeking.Compensation)]
    [InlineData("请尽快派人上门维修", Seeking.Resolution)]
    [InlineData("店员态度太差，要求当面道歉", Seeking.Respect)]
    [InlineData("真是无语了，再也不来了", Seeking.Venting)]
    public void Classify_WhatIsAsked_PicksSeeking(string text, Seeking expected)
    {
        // Act
        var seeking = _classifier.Classify(text).Seeking;

        // Assert
        Assert.Equal(expected, seeking);
    }
}

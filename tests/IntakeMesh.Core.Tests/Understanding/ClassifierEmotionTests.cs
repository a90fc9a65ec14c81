using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

public sealed class ClassifierEmotionTests
{
    private readonly ComplaintClassifier _classifier = new(Lexicon.Default);

    [Fact]
    public void Classify_PoliteFactualNote_IsCalm()
    {
        // Act
        var emotion = _classifier.Classify("客户来电：购买的电饭煲内胆有划痕，客户要求换一个新的，语气平和。").Emotion;

        // Assert
        Assert.Equal(EmotionLevel.Calm, emotion);
    }

    [Theory]
    [InlineData("洗衣机又坏了", "洗衣机坏了")]
    [InlineData("The washer broke again", "The washer broke")]
    [InlineData("快递没到！！！", "快递没到")]
    [InlineData("my parcel never arrived!!!", "my parcel never arrived")]
    [InlineData("WHERE IS MY PARCEL, IT NEVER ARRIVED", "where is my parcel, it never arrived")]
    [InlineData("这是什么垃圾服务", "这是什么服务")]
    public void Classify_RepetitionExclamationsShoutingInsults_RaiseEmotion(string louder, string plainer)
    {
        // Act
        var loud = _classifier.Classify(louder).Emotion;
        var plain = _classifier.Classify(plainer).Emotion;

        // Assert
        Assert.True(loud > plain, $"{louder} => {loud}, {plainer} => {plain}");
    }

    [Theory]
    [InlineData("骗子公司！！卖假货还不退钱，气死我了！")]
    [InlineData("THIS IS THE WORST AIRLINE EVER. THIRD TIME MY FLIGHT IS CANCELLED!!!")]
    public void Classify_InsultsAndExclamationRuns_IsAngry(string text)
    {
        // Act
        var emotion = _classifier.Classify(text).Emotion;

        // Assert
        Assert.Equal(EmotionLevel.Angry, emotion);
    }

    [Theory]
    [InlineData("客户在电话里咆哮，骂了很多脏话，说要去门店砸东西")]
    [InlineData("Customer was shouting and swearing and threatened to wreck the store.")]
    public void Classify_ThreatsAndProfanity_IsOutOfControl(string text)
    {
        // Act
        var emotion = _classifier.Classify(text).Emotion;

        // Assert
        Assert.Equal(EmotionLevel.OutOfControl, emotion);
    }

    [Fact]
    public void Classify_AcronymsInProse_AreNotShouting()
    {
        // Act
        var emotion = _classifier.Classify("I wrote to the CFPB and the BBB about my ATM card, thank you.").Emotion;

        // Assert
        Assert.Equal(EmotionLevel.Calm, emotion);
    }
}

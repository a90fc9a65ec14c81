using System.Text;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

public sealed class ClassifierRobustnessTests
{
    private readonly ComplaintClassifier _classifier = new(Lexicon.Default);

    public static TheoryData<string> OddTexts() => new()
    {
        string.Empty,
        "   ",
        "\u0000\u0001\u0002\u001f\u007f",
        "\uD800",
        "\uDC00abc\uD83D",
        "😡🤬💢🔥🔥🔥",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "？？？？？？？？",
        "要求赔偿999999999999999999999999999亿亿亿亿亿亿元",
        "要求赔偿九亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿元",
        "refund $99999999999999999999999999999999999 million thousand k",
        "退款1,2,3,,,4.5.6.7元",
        new string('退', 40000),
        "#",
        "# #话题# #",
    };

    [Theory]
    [MemberData(nameof(OddTexts))]
    public void Classify_OddText_DoesNotThrow(string text)
    {
        // Act
        var classification = _classifier.Classify(text, 100m);

        // Assert
        Assert.NotNull(classification.Demands);
    }

    [Fact]
    public void Classify_RandomTextOf32KiB_DoesNotThrow()
    {
        // Arrange
        var random = new Random(20240601);
        for (var round = 0; round < 20; round++)
        {
            var text = new StringBuilder(32 * 1024);
            while (text.Length < 32 * 1024)
            {
                text.Append((char)random.Next(0, char.MaxValue + 1));
            }

            // Act
            var classification = _classifier.Classify(text.ToString(), decimal.MaxValue);

            // Assert
            Assert.NotNull(classification);
        }
    }

    [Fact]
    public void Classify_ExtremePrice_DoesNotThrow()
    {
        // Act
        var classification = _classifier.Classify("要求赔偿5万元", decimal.MinValue);

        // Assert
        Assert.Equal(RiskSignals.None, classification.Risks & RiskSignals.SkyHighCompensation);
    }

    [Fact]
    public void Classify_ManyThreadsAtOnce_AgreeWithSingleThread()
    {
        // Arrange
        var texts = GoldenItem.LoadAll().Select(i => i.Text).ToArray();
        var expected = texts.Select(t => _classifier.Classify(t)).ToArray();

        // Act
        var actual = new Classification[texts.Length];
        Parallel.For(0, texts.Length * 4, i => actual[i % texts.Length] = _classifier.Classify(texts[i % texts.Length]));

        // Assert
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal((expected[i].Category, expected[i].Emotion, expected[i].Risks), (actual[i].Category, actual[i].Emotion, actual[i].Risks));
            Assert.Equal(expected[i].Demands, actual[i].Demands);
        }
    }
}

using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("１２３１５", "12315")]
    [InlineData("ＷＯＲＳＴ　ＡＩＲＬＩＮＥ！！", "worst airline!!")]
    [InlineData("ｉＰｈｏｎｅ", "iphone")]
    [InlineData("￥５０", "¥50")]
    public void Normalize_FullWidth_BecomesHalfWidthLowerCase(string text, string expected)
    {
        // Act
        var folded = TextNormalizer.Normalize(text);

        // Assert
        Assert.Equal(expected, folded);
    }

    [Theory]
    [InlineData("賠償", "赔偿")]
    [InlineData("記者曝光", "记者曝光")]
    [InlineData("律師", "律师")]
    [InlineData("滯留機場到現在", "滞留机场到现在")]
    public void Normalize_Traditional_BecomesSimplified(string text, string expected)
    {
        // Act
        var folded = TextNormalizer.Normalize(text);

        // Assert
        Assert.Equal(expected, folded);
    }

    [Fact]
    public void Normalize_CompatibilityForms_FoldLikeNfkc()
    {
        // Act
        var folded = TextNormalizer.Normalize("第③次‼ “fixed”");

        // Assert
        Assert.Equal("第3次!! \"fixed\"", folded);
    }

    [Fact]
    public void Normalize_AlreadyFolded_ReturnsSameInstance()
    {
        // Arrange
        var text = "already folded text 赔偿";

        // Act
        var folded = TextNormalizer.Normalize(text);

        // Assert
        Assert.Same(text, folded);
    }

    [Fact]
    public void Normalize_EmojiAndLoneSurrogates_KeepsPairsReplacesHalves()
    {
        // Arrange
        var text = "ok😡" + '\uD83D' + "x" + '\uDE21';

        // Act
        var folded = TextNormalizer.Normalize(text);

        // Assert
        Assert.Equal("ok😡\uFFFDx\uFFFD", folded);
    }

    [Fact]
    public void Normalize_ControlCharacters_BecomeSpacesButLinesStay()
    {
        // Act
        var folded = TextNormalizer.Normalize("a\u0000b\u0007c\nd");

        // Assert
        Assert.Equal("a b c\nd", folded);
    }
}

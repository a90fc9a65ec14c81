using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Board.Tests.Core;

public class ComplaintExcerptTests
{
    [Theory]
    [InlineData("Call me on +86 138 0000 0102 please", "Call me on [phone] please")]
    [InlineData("我的电话13800001234，邮箱li.hua@example.com", "我的电话[phone]，邮箱[email]")]
    [InlineData("Order SO-88812, batch B2026-10, bought 2026-09-20", "Order SO-88812, batch B2026-10, bought 2026-09-20")]
    [InlineData("write to Wang.Lei@Example.COM today", "write to [email] today")]
    [InlineData("打186.6093.4418或(010)6552-1234找我", "打[phone]或([phone]找我")]
    public void Of_MasksPhoneNumbersAndEmails_AndKeepsTheRest(string text, string expected) =>
        Assert.Equal(expected, ComplaintExcerpt.Of(text));

    [Fact]
    public void Of_ShortensLongTexts_WithoutSplittingACharacter()
    {
        // Arrange: 300 characters, each outside the basic plane (a surrogate pair).
        var text = string.Concat(Enumerable.Repeat("😡", 300));

        // Act
        var excerpt = ComplaintExcerpt.Of(text);

        // Assert
        Assert.True(excerpt.Length <= ComplaintExcerpt.MaxLength + 1);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.True(char.IsSurrogatePair(excerpt[^3], excerpt[^2]));
    }
}
